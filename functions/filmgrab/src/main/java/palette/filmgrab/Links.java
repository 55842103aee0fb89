package palette.filmgrab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turning the raw links a page holds into absolute URLs the client may use. */
final class Links {
  private static final Pattern FILM_PATH = Pattern.compile("(^|/)\\d{4}/\\d{2}/\\d{2}/[^/]+/?$");
  private static final Pattern IMAGE = Pattern.compile("(?i).+\\.(jpe?g|png|webp|gif)$");

  private Links() {}

  /** The absolute form of {@code raw} (encoded once, fragment dropped), or empty if malformed. */
  static Optional<URI> findAbsolute(URI page, String raw) {
    if (raw == null || raw.isBlank() || raw.trim().toLowerCase(Locale.ROOT).startsWith("data:")) {
      return Optional.empty();
    }
    try {
      URI resolved = page.resolve(new URI(UrlEncoding.encodeOnce(raw.trim())));
      if (resolved.getHost() == null) {
        return Optional.empty();
      }
      String query = resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery();
      String path = resolved.getRawPath() == null ? "" : resolved.getRawPath();
      return Optional.of(
          new URI(resolved.getScheme() + "://" + resolved.getRawAuthority() + path + query));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True for a film page URL: {@code /YYYY/MM/DD/<slug>/}. */
  static boolean isFilmPage(URI url) {
    return url.getRawPath() != null && FILM_PATH.matcher(url.getRawPath()).find();
  }

  /**
   * True for a full-size still: an image under {@code /wp-content/uploads/}, not a thumbnail and
   * not a plugin asset such as the lazy-load placeholder.
   */
  static boolean isFullSizeImage(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return path.contains("/wp-content/uploads/")
        && !path.contains("/thumb/")
        && !path.contains("placeholder")
        && IMAGE.matcher(path).matches();
  }

  /** The key two links to the same image share: host and path, without the cache-busting query. */
  static String identity(URI url) {
    return url.getHost().toLowerCase(Locale.ROOT) + url.getRawPath();
  }
}
