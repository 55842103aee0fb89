package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the API, decided before any route runs, because a browser sends another site's
 * requests with the visitor's network position and the routes below cost something: they presign
 * uploads, write request objects and fetch pages from film-grab.com.
 *
 * <ul>
 *   <li>In AWS the API is reached through the site's distribution, which adds {@link
 *       #SECRET_HEADER}; a call straight to the HTTP API's own URL would bypass the web ACL's
 *       per-client limit, so without it every route answers 403.
 *   <li>A request whose {@code Origin} is not the site's is refused (403). The site's origin is
 *       configured ({@code SITE_ORIGIN}), or, when that is empty, the https origin the browser
 *       addressed ({@code X-Forwarded-Host}, set by the distribution).
 *   <li>A route with a side effect ({@link #SIDE_EFFECTS}) also refuses a request that a browser
 *       marks {@code Sec-Fetch-Site: cross-site} or {@code same-site}, and needs {@link
 *       #CLIENT_HEADER}. A page elsewhere can send a simple request ({@code <img>}, a form, {@code
 *       fetch} in no-cors mode) without an {@code Origin} header, but cannot add a custom header
 *       without a CORS preflight, which this API never grants to another origin.
 * </ul>
 */
final class Callers {
  /** The header the page sends with every call; its value names the client, for the logs. */
  static final String CLIENT_HEADER = "x-palette-client";

  /** The header the distribution adds to every request it passes to the API. */
  static final String SECRET_HEADER = "x-palette-origin-secret";

  /** Routes that write to a bucket or fetch from film-grab.com. */
  static final Set<String> SIDE_EFFECTS =
      Set.of("POST /uploads", "POST /filmgrab/jobs", "GET /filmgrab/search", "GET /filmgrab/film");

  private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

  private final String siteOrigin;
  private final String originSecret;

  Callers(String siteOrigin, String originSecret) {
    this.siteOrigin = siteOrigin;
    this.originSecret = originSecret;
  }

  /** Why this request must not reach its route, as the response to send; empty if it may. */
  Optional<APIGatewayV2HTTPResponse> refusal(
      String method, String path, Map<String, String> headers) {
    if (!originSecret.isEmpty() && !originSecret.equals(header(headers, SECRET_HEADER))) {
      return refuse("not_through_site", "Call this API through its site's address.");
    }
    String origin = header(headers, "origin");
    if (origin != null && !origin.equals(siteOrigin(headers))) {
      return refuse("origin_not_allowed", "This API only accepts calls from its site.");
    }
    if (!SIDE_EFFECTS.contains(method + " " + path)) {
      return Optional.empty();
    }
    String site = header(headers, "sec-fetch-site");
    if (site != null && FOREIGN_SITES.contains(site.toLowerCase(Locale.ROOT))) {
      return refuse("cross_site_refused", "This API does not act on requests from other sites.");
    }
    String client = header(headers, CLIENT_HEADER);
    if (client == null || client.isBlank()) {
      return refuse(
          "client_header_missing", "Send the " + CLIENT_HEADER + " header with this request.");
    }
    return Optional.empty();
  }

  /** The origin of the site's page for this request: configured, or the host it addressed. */
  String siteOrigin(Map<String, String> headers) {
    if (!siteOrigin.isEmpty()) {
      return siteOrigin;
    }
    String host = header(headers, "x-forwarded-host");
    return host == null ? "" : "https://" + host;
  }

  /** The headers a call from the page through the site carries, for requests made in here. */
  Map<String, String> pageHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    String host = "palette.invalid";
    headers.put("x-forwarded-host", host);
    headers.put("origin", siteOrigin.isEmpty() ? "https://" + host : siteOrigin);
    headers.put("sec-fetch-site", "same-origin");
    headers.put(CLIENT_HEADER, "page");
    if (!originSecret.isEmpty()) {
      headers.put(SECRET_HEADER, originSecret);
    }
    return headers;
  }

  private static Optional<APIGatewayV2HTTPResponse> refuse(String code, String message) {
    return Optional.of(Responses.error(403, code, message));
  }

  /**
   * A header's value whatever the case of its name (API Gateway lower-cases them; tests may not).
   */
  static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
