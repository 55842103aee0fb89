package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import palette.handlers.FilmGrabRequest;
import palette.handlers.FilmPaletteRequest;
import palette.handlers.JobId;
import palette.handlers.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes one {@link FilmGrabRequest} object per chosen still into the input bucket; the worker's S3
 * trigger does the rest. The job id is the request object's name, so {@code GET /jobs/{id}} finds
 * its outputs like an upload's.
 */
final class FilmGrabJobs {
  /** Stills per request: enough for a film's best frames, few enough to stay polite to the site. */
  static final int MAX_STILLS = 24;

  /** The longest film title kept; film-grab.com's longest are under 100 characters. */
  static final int MAX_TITLE = 200;

  private final ApiConfig config;
  private final S3Client s3;

  FilmGrabJobs(ApiConfig config, S3Client s3) {
    this.config = config;
    this.s3 = s3;
  }

  List<Map<String, Object>> create(Request request) {
    if (request.filmPalette()) {
      return List.of(createFilmPalette(request));
    }
    List<Map<String, Object>> created = new ArrayList<>();
    for (String still : request.stills()) {
      JobId job = JobId.random();
      FilmGrabRequest object =
          new FilmGrabRequest(still, request.film(), request.filmUrl(), request.options());
      put(job, object.toMap());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("jobId", job.value());
      entry.put("still", still);
      created.add(entry);
    }
    return created;
  }

  /** One job for the palette of the whole film, pooled from all the stills. */
  private Map<String, Object> createFilmPalette(Request request) {
    JobId job = JobId.random();
    put(
        job,
        new FilmPaletteRequest(
                request.stills(), request.film(), request.filmUrl(), request.options())
            .toMap());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("jobId", job.value());
    entry.put("filmPalette", true);
    entry.put("stills", request.stills().size());
    return entry;
  }

  private void put(JobId job, Map<String, Object> request) {
    byte[] bytes = Json.write(request).getBytes(StandardCharsets.UTF_8);
    s3.putObject(
        b ->
            b.bucket(config.inputBucket())
                .key(JobLayout.filmGrabKey(job))
                .contentType("application/json; charset=utf-8"),
        RequestBody.fromBytes(bytes));
  }

  /**
   * The body of {@code POST /filmgrab/jobs}, checked before anything is written.
   *
   * @param filmPalette one job for the film palette of all the stills instead of one per still
   */
  record Request(
      List<String> stills,
      String film,
      String filmUrl,
      Map<String, String> options,
      boolean filmPalette) {
    static Request parse(String body) {
      Map<String, Object> json;
      try {
        json = body == null ? null : JSON.std.mapFrom(body);
      } catch (IOException | RuntimeException e) {
        json = null;
      }
      if (json == null) {
        throw ApiException.badRequest("invalid_json", "The request body must be a JSON object.");
      }
      List<String> stills = stills(json.get("stills"));
      try {
        Map<String, String> options = options(json);
        boolean filmPalette = Boolean.TRUE.equals(json.get("filmPalette"));
        if (filmPalette && stills.size() < 2) {
          throw ApiException.badRequest(
              "invalid_stills", "A film palette needs at least 2 stills.");
        }
        return new Request(
            stills,
            title(text(json, "film", MAX_TITLE)),
            text(json, "filmUrl", 2048),
            Map.copyOf(options),
            filmPalette);
      } catch (PaletteException e) {
        throw ApiException.badRequest("invalid_option", e.getMessage());
      }
    }

    /** The per-job options the body sets, checked, as a request object carries them. */
    private static Map<String, String> options(Map<String, Object> json) {
      PaletteOptions parsed = Option.perJobFromJson(json, PaletteOptions.defaults());
      Map<String, String> options = new LinkedHashMap<>();
      for (Option option : Option.values()) {
        if (option.perJob() && json.get(option.key()) != null) {
          options.put(option.dashed(), String.valueOf(option.valueIn(parsed)));
        }
      }
      return options;
    }

    private static List<String> stills(Object value) {
      if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_STILLS) {
        throw ApiException.badRequest(
            "invalid_stills", "stills must list 1 to " + MAX_STILLS + " still URLs.");
      }
      List<String> stills = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String url) || url.isBlank() || url.length() > 2048) {
          throw ApiException.badRequest(
              "invalid_stills", "Every entry of stills must be a URL of at most 2048 characters.");
        }
        stills.add(url.trim());
      }
      return List.copyOf(stills);
    }

    /** A title is plain text: no control or formatting characters (line breaks, RTL overrides). */
    private static String title(String film) {
      boolean plain =
          film.codePoints()
              .allMatch(
                  c ->
                      !Character.isISOControl(c)
                          && Character.getType(c) != Character.FORMAT
                          && Character.getType(c) != Character.UNASSIGNED
                          && Character.getType(c) != Character.PRIVATE_USE);
      if (!plain) {
        throw ApiException.badRequest(
            "invalid_film", "film must be a plain-text title, without control characters.");
      }
      return film;
    }

    private static String text(Map<String, Object> json, String name, int max) {
      Object value = json.get(name);
      if (value == null) {
        return "";
      }
      if (!(value instanceof String text) || text.length() > max) {
        throw ApiException.badRequest(
            "invalid_" + name, name + " must be a string of at most " + max + " characters.");
      }
      return text.trim();
    }
  }
}
