package palette.local.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The security headers the page is served with: those of the template's {@code SiteHeadersPolicy},
 * which CloudFront adds to every answer of the site. {@code palette serve} sends the same ones, so
 * the page meets its real Content-Security-Policy on this machine before it meets it in AWS. Only
 * the origins differ: where the deployed page's API and buckets live, and where film-grab stills
 * come from. HSTS goes out over https only, as browsers ignore it on plain http.
 *
 * @param policy the CSP, each directive with its sources, in the template's order
 * @param https whether the page is served over https (then with HSTS)
 */
public record SiteHeaders(Map<String, List<String>> policy, boolean https) {
  /** The deployed page's API (execute-api) and buckets: any amazonaws.com host (see aws.md). */
  public static final List<String> AWS_SERVICES = List.of("https://*.amazonaws.com");

  /** The hosts film-grab thumbnails load from in the page. */
  public static final List<String> FILM_GRAB =
      List.of("https://film-grab.com", "https://*.film-grab.com");

  static final String FRAME_OPTIONS = "DENY";
  static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
  static final String CONTENT_TYPE_OPTIONS = "nosniff";
  static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

  public SiteHeaders {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    policy.forEach((directive, sources) -> copy.put(directive, List.copyOf(sources)));
    policy = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The policy with the page's services (API, presigned S3 URLs) at {@code services} and film-grab
   * thumbnails from {@code stills}. Plotly adds {@code <style>} elements for its toolbar at run
   * time, which {@code style-src 'self'} refuses (the toolbar is then unstyled), hence {@code
   * 'unsafe-inline'} for styles; scripts stay the page's own files only.
   */
  public static SiteHeaders of(List<String> services, List<String> stills, boolean https) {
    Map<String, List<String>> policy = new LinkedHashMap<>();
    policy.put("default-src", List.of("'self'"));
    policy.put("script-src", List.of("'self'"));
    policy.put("style-src", List.of("'self'", "'unsafe-inline'"));
    policy.put("img-src", concat(List.of("'self'", "data:", "blob:"), services, stills));
    policy.put("connect-src", concat(List.of("'self'"), services));
    policy.put("frame-ancestors", List.of("'none'"));
    policy.put("base-uri", List.of("'none'"));
    policy.put("form-action", List.of("'none'"));
    policy.put("object-src", List.of("'none'"));
    return new SiteHeaders(policy, https);
  }

  /**
   * The local stack's: its S3 and the page's own origin (which also serves the API) stand for
   * amazonaws.com, and a film-grab stand-in, when the stack uses one, for film-grab.com.
   */
  public static SiteHeaders local(URI s3, String pageOrigin, String filmGrabBaseUrl) {
    boolean standIn = filmGrabBaseUrl != null && !filmGrabBaseUrl.isBlank();
    List<String> stills = standIn ? List.of(origin(URI.create(filmGrabBaseUrl.trim()))) : FILM_GRAB;
    return of(List.of(origin(s3), pageOrigin), stills, false);
  }

  /** The {@code Content-Security-Policy} value. */
  public String contentSecurityPolicy() {
    return policy.entrySet().stream()
        .map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  /** Every header of the policy, by lower-case name. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-security-policy", contentSecurityPolicy());
    headers.put("x-content-type-options", CONTENT_TYPE_OPTIONS);
    headers.put("x-frame-options", FRAME_OPTIONS);
    headers.put("referrer-policy", REFERRER_POLICY);
    if (https) {
      headers.put("strict-transport-security", "max-age=" + HSTS_MAX_AGE_SECONDS);
    }
    return headers;
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
