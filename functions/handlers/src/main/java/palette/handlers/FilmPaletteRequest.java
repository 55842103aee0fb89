package palette.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request for one palette of a whole film from several of its stills: a request object under
 * {@link FilmGrabRequest#PREFIX} that lists {@code "stills"} instead of naming one {@code "still"}.
 * The worker fetches them all (one a second, so the count is capped to stay inside the function's
 * timeout) and runs the film palette on them.
 *
 * @param stills 2 to {@link #MAX_STILLS} still URLs, as given; checked before each fetch
 */
public record FilmPaletteRequest(
    List<String> stills, String film, String filmUrl, Map<String, String> options) {
  public static final int MAX_STILLS = 24;

  public FilmPaletteRequest {
    if (stills == null || stills.size() < 2 || stills.size() > MAX_STILLS) {
      throw new FilmGrabRequest.Invalid(
          "stills must list between 2 and "
              + MAX_STILLS
              + " still URLs, was "
              + (stills == null ? 0 : stills.size()));
    }
    for (String still : stills) {
      new FilmGrabRequest(still, film, filmUrl, Map.of()); // the same checks as one still's
    }
    stills = List.copyOf(stills);
    film = film == null ? "" : film.trim();
    filmUrl = filmUrl == null ? "" : filmUrl.trim();
    options = Map.copyOf(options);
  }

  /** True when a parsed request object asks for a film palette. */
  public static boolean isFilmRequest(Map<String, ?> map) {
    return map.containsKey("stills");
  }

  public static FilmPaletteRequest fromMap(Map<String, ?> map) {
    if (!(map.get("stills") instanceof List<?> list)
        || !list.stream().allMatch(String.class::isInstance)) {
      throw new FilmGrabRequest.Invalid("stills must be a list of still URLs");
    }
    List<String> stills = new ArrayList<>();
    list.forEach(item -> stills.add((String) item));
    return new FilmPaletteRequest(
        stills,
        FilmGrabRequest.text(map, "film"),
        FilmGrabRequest.text(map, "filmUrl"),
        FilmGrabRequest.options(map));
  }

  /** The fields written to the request object, in a stable order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("stills", stills);
    map.put("film", film);
    map.put("filmUrl", filmUrl);
    options.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
