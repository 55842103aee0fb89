package palette.handlers;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import palette.core.options.Option;

/**
 * A request to make the palette of one film-grab.com still: the small JSON object the API (or
 * anyone) puts into the input bucket under {@link #PREFIX}, or the payload of a direct invocation.
 *
 * <pre>{@code
 * {"still": "https://film-grab.com/wp-content/uploads/photo-gallery/br2049_01.jpg",
 *  "film": "Blade Runner 2049", "filmUrl": "https://film-grab.com/2019/05/24/blade-runner-2049/",
 *  "k": 6, "limit": 20, "space": "rgb"}
 * }</pre>
 *
 * The still URL is only text here: nothing trusts it until the film-grab client's host policy has
 * checked it, right before the fetch.
 *
 * @param still the full-size still URL, as given
 * @param film the film's title, or empty
 * @param filmUrl the film page URL, or empty
 * @param options palette options as object metadata would carry them ({@code k=8}), for {@link
 *     Option#perJobFromText}
 */
public record FilmGrabRequest(
    String still, String film, String filmUrl, Map<String, String> options) {
  /** Input keys under this prefix ending in {@code .json} are film-grab requests. */
  public static final String PREFIX = "filmgrab/";

  /** A request object is a few hundred bytes; anything much larger is not one. */
  public static final int MAX_BYTES = 16 * 1024;

  public FilmGrabRequest {
    if (still == null || still.isBlank()) {
      throw new Invalid("still must be the URL of a film-grab.com still");
    }
    if (still.length() > 2048) {
      throw new Invalid("still must be a URL of at most 2048 characters");
    }
    film = film == null ? "" : film.trim();
    filmUrl = filmUrl == null ? "" : filmUrl.trim();
    if (film.length() > 300 || filmUrl.length() > 2048) {
      throw new Invalid("film must be at most 300 and filmUrl at most 2048 characters");
    }
    options = Map.copyOf(options);
  }

  /** True for an input key the worker treats as a film-grab request rather than an image. */
  public static boolean isRequestKey(String key) {
    return key.startsWith(PREFIX) && key.endsWith(".json");
  }

  /**
   * Parses a request object.
   *
   * @throws Invalid naming what is wrong
   */
  public static FilmGrabRequest parse(byte[] json) {
    return fromMap(parseMap(json));
  }

  /** A request object's JSON, not yet checked. */
  public static Map<String, Object> parseMap(byte[] json) {
    Map<String, Object> map;
    try {
      map = JSON.std.mapFrom(json);
    } catch (IOException | RuntimeException e) {
      throw new Invalid("a film-grab request must be a JSON object");
    }
    if (map == null) {
      throw new Invalid("a film-grab request must be a JSON object");
    }
    return map;
  }

  /** A request from an already parsed JSON object (a direct invocation's payload). */
  public static FilmGrabRequest fromMap(Map<String, ?> map) {
    return new FilmGrabRequest(
        text(map, "still"), text(map, "film"), text(map, "filmUrl"), options(map));
  }

  /** The per-job palette options a request object carries, by dashed or camelCase name. */
  static Map<String, String> options(Map<String, ?> map) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Option option : Option.values()) {
      Object value = map.get(option.dashed());
      if (value == null) {
        value = map.get(option.key());
      }
      if (option.perJob() && value != null) {
        if (value instanceof Map || value instanceof Iterable) {
          throw new Invalid(option.key() + " must be a number or a string");
        }
        options.put(option.dashed(), String.valueOf(value));
      }
    }
    return options;
  }

  /** The fields written to the request object, in a stable order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("still", still);
    map.put("film", film);
    map.put("filmUrl", filmUrl);
    options.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  static String text(Map<String, ?> map, String name) {
    Object value = map.get(name);
    if (value != null && !(value instanceof String)) {
      throw new Invalid(name + " must be a string");
    }
    return (String) value;
  }

  /** A request that can never succeed as written: a permanent failure. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
