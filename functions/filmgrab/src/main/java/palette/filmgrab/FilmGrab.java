package palette.filmgrab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The film-grab.com client's front door: find a film by title, read its page, fetch its stills.
 * Methods named {@code expect…} return a result or throw {@link FilmGrabException}, which carries
 * the URL and status; {@link #search} returns an empty list when nothing matches. One instance is
 * one "run": it caches the A–Z index and shares one rate limit, so reuse it. Thread-safe.
 *
 * <pre>{@code
 * FilmGrab site = FilmGrab.create();
 * Film film = site.expectFilmPage(site.expectFilm("Blade Runner 2049"));
 * byte[] first = site.fetchStill(film.stills().get(0));
 * }</pre>
 */
public final class FilmGrab {
  private final FilmGrabConfig config;
  private final PoliteHttp http;
  private List<FilmRef> index;

  private FilmGrab(FilmGrabConfig config, HostPolicy.Resolver resolver) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.http = new PoliteHttp(config, new HostPolicy(config, resolver));
  }

  /** A client for the real site with the polite defaults. */
  public static FilmGrab create() {
    return create(FilmGrabConfig.defaults());
  }

  public static FilmGrab create(FilmGrabConfig config) {
    return new FilmGrab(config, InetAddress::getAllByName);
  }

  /** For tests: a client whose name resolution is simulated. */
  static FilmGrab create(FilmGrabConfig config, HostPolicy.Resolver resolver) {
    return new FilmGrab(config, resolver);
  }

  public FilmGrabConfig config() {
    return config;
  }

  /**
   * Films matching {@code query}, equal titles first, then titles containing it. Uses the site's
   * search, and the A–Z index when the search gives no equal title (its search is literal: "Amelie"
   * does not find "Amélie").
   */
  public List<FilmRef> search(String query) {
    requireText(query, "query");
    TitleMatch.Ranked found = TitleMatch.rank(query, siteSearch(query));
    if (!found.exact().isEmpty()) {
      return found.all();
    }
    TitleMatch.Ranked fromIndex = TitleMatch.rank(query, index());
    return TitleMatch.rank(query, concat(fromIndex.all(), found.all())).all();
  }

  /**
   * The one film a title (or a film page URL) names. Throws {@link FilmGrabException} with reason
   * NOT_FOUND, or AMBIGUOUS with the {@link FilmGrabException#candidates() candidates}.
   */
  public FilmRef expectFilm(String titleOrUrl) {
    requireText(titleOrUrl, "titleOrUrl");
    String text = titleOrUrl.trim();
    if (text.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
      URI url = Links.findAbsolute(config.baseUrl(), text).orElseThrow(() -> malformed(text));
      return FilmRef.untitled(http.policy().check(url));
    }
    TitleMatch.Ranked ranked = TitleMatch.rank(text, search(text));
    List<FilmRef> best = ranked.exact().isEmpty() ? ranked.partial() : ranked.exact();
    if (best.size() == 1) {
      return best.get(0);
    }
    if (best.isEmpty()) {
      throw new FilmGrabException(
          FilmGrabException.Reason.NOT_FOUND,
          "no film on " + config.baseUrl().getHost() + " matches \"" + text + "\"",
          null,
          List.of());
    }
    throw new FilmGrabException(
        FilmGrabException.Reason.AMBIGUOUS,
        "\""
            + text
            + "\" matches "
            + best.size()
            + " films: "
            + best.stream().limit(10).map(FilmRef::toString).collect(Collectors.joining(", "))
            + "; give the film page URL instead",
        null,
        best);
  }

  /** Reads a film page; throws LAYOUT_CHANGED when it has no title or no gallery. */
  public Film expectFilmPage(FilmRef film) {
    Objects.requireNonNull(film, "film must not be null");
    return FilmPageParser.parse(page(film.url()), http.policy(), config.maxStills());
  }

  /**
   * The bytes of one still: at most {@link FilmGrabConfig#maxImageBytes()}, and a JPEG, PNG, GIF or
   * WebP by their first bytes (a soft error page served as 200 is refused, not saved).
   */
  public byte[] fetchStill(URI still) {
    return fetchStill(still, Validators.NONE).bytes();
  }

  /**
   * As {@link #fetchStill(URI)}, but asks only for a changed still when {@code known} holds the
   * validators of a copy the caller kept: the answer is then {@link FetchedStill#notModified()}
   * (HTTP 304, no body) or the new bytes with their validators.
   */
  public FetchedStill fetchStill(URI still, Validators known) {
    Objects.requireNonNull(still, "still must not be null");
    Objects.requireNonNull(known, "known must not be null");
    HttpFetcher.Response response = http.get(still, config.maxImageBytes(), "image", known);
    if (response.status() == 304) {
      return new FetchedStill(still, null, known);
    }
    byte[] body = response.body();
    if (!ImageSignature.isImage(body)) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.NOT_AN_IMAGE,
          still + " is not a JPEG, PNG, GIF or WebP image (" + body.length + " bytes)",
          still);
    }
    return new FetchedStill(still, body, response.validators());
  }

  /**
   * Returns once a next request would keep this client's pace (one second, or the site's longer
   * Crawl-delay, after the last one). Call it before handing over to another client: the next job
   * may run in a new Lambda container, whose client knows nothing of this one's last request.
   */
  public void awaitPace() {
    http.awaitPace();
  }

  /**
   * Checks a URL someone else gave (a still named in a request) against the host policy without
   * fetching it: an allowlisted https host, or the configured test origin. Throws {@link
   * FilmGrabException} with reason REFUSED otherwise; {@link #fetchStill} checks again anyway.
   */
  public URI expectAllowed(String url) {
    requireText(url, "url");
    if (!url.trim().toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.+")) {
      throw malformed(url);
    }
    URI parsed = Links.findAbsolute(config.baseUrl(), url.trim()).orElseThrow(() -> malformed(url));
    return http.policy().check(parsed);
  }

  /** The A–Z index, fetched once per instance. */
  public synchronized List<FilmRef> index() {
    if (index == null) {
      index =
          List.copyOf(
              ListingParser.azIndex(page(config.baseUrl().resolve("movies-a-z/")), http.policy()));
    }
    return index;
  }

  private List<FilmRef> siteSearch(String query) {
    URI url =
        URI.create(config.baseUrl() + "?s=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    try {
      return ListingParser.searchResults(page(url), http.policy());
    } catch (FilmGrabException e) {
      if (e.reason() == FilmGrabException.Reason.HTTP_STATUS && !e.isTransient()) {
        return List.of();
      }
      throw e;
    }
  }

  private Document page(URI url) {
    HttpFetcher.Response response = http.get(url, config.maxPageBytes(), "page");
    try {
      return Jsoup.parse(
          new ByteArrayInputStream(response.body()), null, response.url().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<FilmRef> concat(List<FilmRef> a, List<FilmRef> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static FilmGrabException malformed(String text) {
    return FilmGrabException.of(
        FilmGrabException.Reason.REFUSED, "refused " + text + ": not a valid URL", text);
  }
}
