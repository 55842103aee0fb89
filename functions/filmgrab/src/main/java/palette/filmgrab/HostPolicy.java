package palette.filmgrab;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which URLs the client may fetch, before every request and every redirect: https on an
 * allowlisted host by name, never an IP address, never a name that resolves to a private, loopback
 * or link-local address (169.254.169.254 is where cloud credentials live). A plain-http link to an
 * allowlisted host is upgraded to https rather than dropped (older posts carry such links). The
 * Jetpack image CDN ({@code i0.wp.com} to {@code i3.wp.com}) is accepted only for copies of an
 * allowlisted host's uploads ({@code https://i0.wp.com/film-grab.com/wp-content/uploads/…}): it
 * serves any site's images, so anything else there stays refused. The configured base URL's own
 * origin is trusted as given, which is how tests use a local server.
 */
final class HostPolicy {
  private static final Set<String> IMAGE_CDN =
      Set.of("i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com");
  private static final Pattern IP_LIKE = Pattern.compile("(?i)\\[.*]|[0-9.]+|0x[0-9a-fx.]+");

  /** Name resolution, replaceable so a test can simulate a name that points inside. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final URI testOrigin;
  private final Set<String> hosts;
  private final Resolver resolver;

  HostPolicy(FilmGrabConfig config, Resolver resolver) {
    this.testOrigin = isLocal(config.baseUrl().getHost()) ? config.baseUrl() : null;
    this.hosts = config.allowedHosts();
    this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
  }

  /** Checks a configured base URL: https, or plain http only on this machine; never link-local. */
  static URI validateBaseUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || url.getUserInfo() != null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + url);
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("baseUrl must use https, was " + url);
    }
    String host = url.getHost().toLowerCase(Locale.ROOT);
    boolean local = isLocal(host);
    if (IP_LIKE.matcher(host).matches() && !local) {
      throw new IllegalArgumentException(
          "baseUrl must name a host, not an IP address (except this machine's), was " + url);
    }
    if (scheme.equals("http") && !local) {
      throw new IllegalArgumentException(
          "baseUrl must use https unless it points at this machine (a test server), was " + url);
    }
    String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
    return url.resolve(path.endsWith("/") ? path : path + "/");
  }

  /**
   * Returns the URL to fetch (an http link to an allowed host comes back as https) when it may be
   * fetched, otherwise throws {@link FilmGrabException}.
   */
  URI check(URI url) {
    if (!url.isAbsolute() || url.getHost() == null) {
      throw refused(url, "not an absolute http(s) URL with a host");
    }
    if (url.getUserInfo() != null) {
      throw refused(url, "URLs with a user name are not allowed");
    }
    if (isTestOrigin(url)) {
      return url;
    }
    String host = normalizedHost(url);
    if (IP_LIKE.matcher(host).matches()) {
      throw refused(url, "hosts given as IP addresses are never fetched");
    }
    boolean allowed = hosts.contains(host) || isCdnCopy(host, url);
    if (allowed && "http".equalsIgnoreCase(url.getScheme()) && url.getPort() == -1) {
      return check(upgrade(url, host));
    }
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      throw refused(url, "only https URLs are fetched");
    }
    if (url.getPort() != -1 && url.getPort() != 443) {
      throw refused(url, "only the standard https port is allowed");
    }
    if (!allowed) {
      throw refused(url, "host " + host + " is not on the allowlist " + new TreeSet<>(hosts));
    }
    return url;
  }

  private boolean isCdnCopy(String host, URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
    return IMAGE_CDN.contains(host)
        && hosts.stream().anyMatch(h -> path.startsWith("/" + h + "/wp-content/uploads/"));
  }

  private static URI upgrade(URI url, String host) {
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return URI.create("https://" + host + path + query);
  }

  /** Refuses a host whose name resolves to an address inside a private network. */
  void checkAddresses(URI url) {
    if (isTestOrigin(url)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(normalizedHost(url));
    } catch (UnknownHostException e) {
      throw new FilmGrabException(
          FilmGrabException.Reason.NETWORK,
          "cannot resolve " + url.getHost() + " (" + url + ")",
          url.toString(),
          0,
          e);
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw refused(url, url.getHost() + " resolves to the internal address " + address);
      }
    }
  }

  private boolean isTestOrigin(URI url) {
    return testOrigin != null
        && testOrigin.getScheme().equalsIgnoreCase(url.getScheme())
        && testOrigin.getHost().equalsIgnoreCase(url.getHost())
        && effectivePort(testOrigin) == effectivePort(url);
  }

  private static int effectivePort(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static String normalizedHost(URI url) {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static boolean isInternal(InetAddress a) {
    byte[] b = a.getAddress();
    boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    return a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || uniqueLocalV6;
  }

  /** True when the base URL points at this machine, as a test server does. */
  static boolean isLocalBase(URI baseUrl) {
    return isLocal(baseUrl.getHost());
  }

  private static boolean isLocal(String host) {
    return host.equalsIgnoreCase("localhost") || isLoopbackLiteral(host.toLowerCase(Locale.ROOT));
  }

  private static boolean isLoopbackLiteral(String host) {
    if (!IP_LIKE.matcher(host).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static FilmGrabException refused(URI url, String why) {
    return FilmGrabException.of(
        FilmGrabException.Reason.REFUSED, "refused " + url + ": " + why, url);
  }
}
