package palette.handlers.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.filmgrab.Film;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.FilmGrabException;
import palette.filmgrab.FilmRef;
import palette.handlers.Failure;

/**
 * The film-grab part of the API: {@code GET /filmgrab/search?q=} lists matching films, {@code GET
 * /filmgrab/film?url=} reads one film page (title, year, stills), and {@code POST /filmgrab/jobs}
 * turns chosen stills into one job each by writing a request object per still into the input
 * bucket, where the worker picks it up. Failures of film-grab.com become a sentence: 404 when the
 * film does not exist, 503 when the site cannot be reached, 400 for a URL not on film-grab.com.
 */
final class FilmGrabRoutes {
  static final int MAX_RESULTS = 50;

  private final FilmGrab site;
  private final FilmGrabJobs jobs;

  FilmGrabRoutes(FilmGrab site, FilmGrabJobs jobs) {
    this.site = site;
    this.jobs = jobs;
  }

  Map<String, Object> search(String query) {
    if (query == null || query.isBlank() || query.length() > 200) {
      throw ApiException.badRequest(
          "invalid_query", "Give a film title of 1 to 200 characters to search for.");
    }
    List<FilmRef> found = call(() -> site.search(query.trim()));
    if (found.isEmpty()) {
      throw new ApiException(
          404, "film_not_found", "No film on film-grab.com matches \"" + query.trim() + "\".");
    }
    List<Map<String, Object>> films = new ArrayList<>();
    for (FilmRef ref : found.subList(0, Math.min(MAX_RESULTS, found.size()))) {
      Map<String, Object> film = new LinkedHashMap<>();
      film.put("title", ref.title());
      film.put("url", ref.url().toString());
      films.add(film);
    }
    return Map.of("films", films);
  }

  Map<String, Object> film(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.badRequest("missing_url", "Give the film page's url.");
    }
    URI page = call(() -> site.expectAllowed(url));
    Film film = call(() -> site.expectFilmPage(FilmRef.untitled(page)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", film.title());
    body.put("year", film.year() == 0 ? null : film.year());
    body.put("url", film.url().toString());
    body.put("crew", film.crew());
    List<Map<String, String>> stills = new ArrayList<>();
    for (URI still : film.stills()) {
      stills.add(Map.of("url", still.toString(), "thumb", thumbnail(still)));
    }
    body.put("stills", stills);
    return body;
  }

  Map<String, Object> createJobs(String body) {
    FilmGrabJobs.Request request = FilmGrabJobs.Request.parse(body);
    for (String still : request.stills()) {
      call(() -> site.expectAllowed(still));
    }
    if (!request.filmUrl().isEmpty()) {
      // stored and shown as a link: only a film-grab.com page, never javascript: or another site
      call(() -> site.expectAllowed(request.filmUrl()));
    }
    return Map.of("jobs", jobs.create(request));
  }

  /**
   * The gallery's thumbnail of a full-size still: the same path with {@code thumb/} before the file
   * name, which is how the gallery plugin stores them. The page falls back to the still itself.
   */
  static String thumbnail(URI still) {
    String text = still.toString();
    int query = text.indexOf('?');
    String path = query < 0 ? text : text.substring(0, query);
    if (!path.contains("/photo-gallery/")) {
      return text;
    }
    int slash = path.lastIndexOf('/');
    return path.substring(0, slash + 1) + "thumb/" + path.substring(slash + 1);
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (FilmGrabException e) {
      throw readable(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_url", "That is not a film-grab.com URL.");
    }
  }

  /** The film-grab failure as the API answers it ({@link Failure#filmGrab}). */
  static ApiException readable(FilmGrabException e) {
    Failure.FilmGrabAnswer answer = Failure.filmGrab(e);
    return new ApiException(answer.status(), answer.code(), answer.message());
  }
}
