package palette.filmgrab;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A film page as read: its title, year and crew when the page gives them, and the full-size still
 * URLs in page order (de-duplicated, never empty).
 *
 * @param year the film's year, or 0 when the page does not say
 * @param crew lines such as {@code Director -> Denis Villeneuve}, in page order
 */
public record Film(String title, int year, URI url, Map<String, String> crew, List<URI> stills) {
  public Film {
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(url, "url must not be null");
    if (year < 0) {
      throw new IllegalArgumentException("year must be 0 (unknown) or positive, was " + year);
    }
    crew = Collections.unmodifiableMap(new LinkedHashMap<>(crew));
    stills = List.copyOf(stills);
    if (stills.isEmpty()) {
      throw new IllegalArgumentException("stills must not be empty");
    }
  }

  public OptionalInt findYear() {
    return year == 0 ? OptionalInt.empty() : OptionalInt.of(year);
  }

  /** The reference a listing would give for this film. */
  public FilmRef ref() {
    return new FilmRef(title, url);
  }

  /** The page's slug, used as a default folder name: {@code blade-runner-2049}. */
  public String slug() {
    return ref().slug();
  }
}
