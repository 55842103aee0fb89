package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client does when the site defends itself or asks for manners: bot checks become BLOCKED
 * (never "layout changed" or "nothing found", never retried), robots.txt is read once and obeyed,
 * old http links and the image CDN's copies are kept, a kept still is revalidated with a 304.
 */
class PolitenessTest {
  private static final String FILM = "/2019/05/24/blade-runner-2049/";
  private static final String STILL = "/wp-content/uploads/photo-gallery/x.jpg";
  private FakeFilmGrab site;

  @BeforeEach
  void start() throws IOException {
    site = FakeFilmGrab.start();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private FilmGrab client() {
    return FilmGrab.create(site.config().build());
  }

  private URI url(String path) {
    return site.baseUrl().resolve(path.substring(1));
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 503, 200})
  void aBotCheckOnTheSearchSaysTheSiteRefusedUs(int status) {
    site.challenge("/", status);

    FilmGrabException e = Fixtures.failure(() -> client().search("Blade Runner"));

    assertBlocked(e);
    assertThat(site.count("/movies-a-z")).as("no fallback to the index").isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 503, 200})
  void aBotCheckOnAFilmPageIsNotALayoutChange(int status) {
    site.challenge(FILM, status);

    FilmGrabException e =
        Fixtures.failure(() -> client().expectFilmPage(new FilmRef("BR", url(FILM))));

    assertBlocked(e);
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 503, 200})
  void aBotCheckOnAStillIsNotRetried(int status) {
    site.challenge(STILL, status);

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(url(STILL)));

    assertBlocked(e);
    assertThat(site.count(STILL)).isEqualTo(1);
  }

  @Test
  void anOrdinary503IsStillRetried() {
    site.route(STILL, x -> FakeFilmGrab.send(x, 503, "text/html", "busy".getBytes()));

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(url(STILL)));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.HTTP_STATUS);
    assertThat(e.isTransient()).isTrue();
    assertThat(site.count(STILL)).isEqualTo(3);
  }

  @Test
  void robotsTxtIsReadOnceAndItsDisallowIsObeyed() {
    site.robots(
        """
        User-agent: *
        Disallow: /

        User-agent: Palette-Filmgrab
        Disallow: /wp-content/uploads/photo-gallery/private/
        Allow: /
        """);
    FilmGrab client = client();

    client.fetchStill(url(STILL));
    URI hidden = url("/wp-content/uploads/photo-gallery/private/y.jpg");
    FilmGrabException e = Fixtures.failure(() -> client.fetchStill(hidden));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.DISALLOWED);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("robots.txt").contains(hidden.toString());
    assertThat(site.count("/wp-content/uploads/photo-gallery/private/")).isZero();
    assertThat(site.count("/robots.txt")).isEqualTo(1);
  }

  @Test
  void aCrawlDelayLongerThanOurGapSlowsEveryRequest() {
    site.robots("User-agent: *\nCrawl-delay: 1.5\nDisallow: /wp-admin/\n");
    FilmGrab client = client(); // minInterval 0 of its own

    client.fetchStill(url(STILL));
    client.fetchStill(url(STILL));

    List<FakeFilmGrab.Request> requests = site.requests();
    assertThat(requests).extracting(r -> r.path()).containsExactly("/robots.txt", STILL, STILL);
    for (int i = 1; i < requests.size(); i++) {
      long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() {
    assertThat(client().fetchStill(url(STILL))).isNotEmpty();
    assertThat(site.count("/robots.txt")).isEqualTo(1);
  }

  @Test
  void httpLinksAndTheImageCdnsCopiesAreKept() throws IOException {
    String page = fixture("site" + FILM + "index.html");
    String first = "https://film-grab.com/wp-content/uploads/photo-gallery/BladeRunner2049_001.jpg";
    String second =
        "https://film-grab.com/wp-content/uploads/photo-gallery/BladeRunner2049_002.jpg";
    String served =
        page.replace(first, first.replace("https:", "http:"))
            .replace(second, second.replace("https://", "https://i0.wp.com/"));
    site.route(
        FILM, x -> FakeFilmGrab.send(x, 200, "text/html", served.getBytes(StandardCharsets.UTF_8)));

    Film film = client().expectFilmPage(new FilmRef("BR", url(FILM)));

    assertThat(film.stills())
        .extracting(URI::toString)
        .anyMatch(u -> u.startsWith(first + "?"))
        .anyMatch(u -> u.startsWith("https://i0.wp.com/film-grab.com/wp-content/uploads/"))
        .noneMatch(u -> u.startsWith("http:"));
  }

  @Test
  void aKeptStillIsRevalidatedNotDownloadedAgain() {
    FilmGrab client = client();
    FetchedStill first = client.fetchStill(url(STILL), Validators.NONE);

    FetchedStill again = client.fetchStill(url(STILL), first.validators());

    assertThat(first.bytes()).isNotEmpty();
    assertThat(first.validators().etag()).isNotNull();
    assertThat(first.validators().lastModified()).isEqualTo(FakeFilmGrab.LAST_MODIFIED);
    assertThat(again.notModified()).isTrue();
    assertThat(site.notModified()).isEqualTo(1);
    assertThat(site.requestsBesidesRobots())
        .extracting(r -> r.conditional())
        .containsExactly(false, true);
  }

  private static void assertBlocked(FilmGrabException e) {
    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.BLOCKED);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage())
        .startsWith("film-grab.com refused automated access")
        .contains("try again later");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = PolitenessTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
