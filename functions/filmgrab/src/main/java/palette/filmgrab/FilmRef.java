package palette.filmgrab;

import java.net.URI;
import java.util.Objects;

/**
 * A film as a listing shows it: its title and the URL of its page. Cheap to hold in lists of
 * thousands (the A–Z index); {@link FilmGrab#expectFilmPage} turns one into a {@link Film}.
 */
public record FilmRef(String title, URI url) {
  public FilmRef {
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(url, "url must not be null");
    if (!url.isAbsolute()) {
      throw new IllegalArgumentException("url must be absolute, was " + url);
    }
  }

  /** A film known only by its page URL; its slug stands in for the title until the page is read. */
  public static FilmRef untitled(URI url) {
    return new FilmRef(new FilmRef("", url).slug(), url);
  }

  /** The last path segment of the film page, for example {@code blade-runner-2049}. */
  public String slug() {
    String path = url.getPath() == null ? "" : url.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String slug = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return slug.isEmpty() ? "film" : slug;
  }

  @Override
  public String toString() {
    return title + " <" + url + ">";
  }
}
