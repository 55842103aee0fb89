package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Redirects and size limits: hostile answers end with a clear error, never a hang. */
@Timeout(30)
class RedirectsAndLimitsTest {
  private static final String STILL = "/wp-content/uploads/photo-gallery/x.jpg";
  private FakeFilmGrab site;

  @BeforeEach
  void start() throws Exception {
    site = FakeFilmGrab.start();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private FilmGrab client() {
    return FilmGrab.create(site.config().build());
  }

  private URI still() {
    return site.baseUrl().resolve(STILL.substring(1));
  }

  private void redirect(String path, String location) {
    site.route(
        path,
        x -> {
          x.getResponseHeaders().set("Location", location);
          x.sendResponseHeaders(302, -1);
          x.close();
        });
  }

  @Test
  void followsARedirectOnTheSameSite() {
    redirect(STILL, site.baseUrl() + "wp-content/uploads/photo-gallery/y.jpg");

    assertThat(client().fetchStill(still()))
        .isEqualTo(FakeFilmGrab.still("/wp-content/uploads/photo-gallery/y.jpg"));
  }

  @Test
  void aRedirectToAnotherHostIsRefusedWithoutFollowingIt() {
    redirect(STILL, "https://evil.example/steal");

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.REFUSED);
    assertThat(e.url()).isEqualTo("https://evil.example/steal");
    assertThat(e.getMessage()).contains("not on the allowlist");
    assertThat(site.requestsBesidesRobots()).hasSize(1);
  }

  @Test
  void aRedirectOrALinkToTheMetadataAddressIsRefused() {
    redirect(STILL, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

    assertThat(Fixtures.failure(() -> client().fetchStill(still())).getMessage())
        .startsWith("refused http://169.254.169.254/latest/meta-data/")
        .contains("IP addresses");
    assertThat(
            Fixtures.failure(
                    () -> client().fetchStill(URI.create("http://169.254.169.254/latest/")))
                .reason())
        .isEqualTo(FilmGrabException.Reason.REFUSED);
  }

  @Test
  void anEndlessRedirectChainStopsAtTheLimit() {
    AtomicInteger hop = new AtomicInteger();
    site.route(
        "/loop",
        x -> {
          x.getResponseHeaders().set("Location", "/loop?n=" + hop.incrementAndGet());
          x.sendResponseHeaders(301, -1);
          x.close();
        });

    FilmGrabException e =
        Fixtures.failure(() -> client().fetchStill(site.baseUrl().resolve("loop")));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_MANY_REDIRECTS);
    assertThat(e.getMessage())
        .isEqualTo("more than 5 redirects, starting at " + site.baseUrl() + "loop");
    assertThat(site.count("/loop")).isEqualTo(6);
  }

  @Test
  void aHugeDeclaredImageIsRefusedBeforeReadingIt() {
    site.route(
        STILL,
        x -> {
          x.sendResponseHeaders(200, 2L * 1024 * 1024 * 1024);
          x.getResponseBody().write(new byte[1024]);
          x.close();
        });
    long start = System.nanoTime();

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_LARGE);
    assertThat(e.getMessage())
        .isEqualTo(still() + " declares 2147483648 bytes, more than the 30.0 MB image limit");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anUndeclaredOversizedPageIsCutOffWhileStreaming() {
    site.route(
        "/big/",
        x -> {
          x.sendResponseHeaders(200, 0);
          try (var out = x.getResponseBody()) {
            byte[] chunk = "<p>film</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
              out.write(chunk);
            }
          } catch (IOException closedByClient) {
            // the client stops reading at its limit
          }
        });
    FilmGrab small = FilmGrab.create(site.config().sizeLimits(100_000, 1_000).build());

    FilmGrabException e =
        Fixtures.failure(
            () -> small.expectFilmPage(new FilmRef("Big", site.baseUrl().resolve("big/"))));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_LARGE);
    assertThat(e.getMessage())
        .endsWith("sent more than 100000 bytes, more than the 100000 bytes page limit");
  }

  @Test
  void aSoftErrorPageServedAsAnImageIsRefused() {
    byte[] page = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
    site.route(STILL, x -> FakeFilmGrab.send(x, 200, "image/jpeg", page));

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.NOT_AN_IMAGE);
    assertThat(e.getMessage())
        .isEqualTo(still() + " is not a JPEG, PNG, GIF or WebP image (17 bytes)");
  }

  @Test
  void aServedPageWithTenThousandImagesIsRefusedWithinLimits() {
    StringBuilder html = new StringBuilder("<h1 class=entry-title>Hostile</h1>");
    for (int i = 0; i < 10_000; i++) {
      html.append("<div class=bwg-item><a class='bwg-a bwg_lightbox' href='/wp-content/uploads/s")
          .append(i)
          .append(".jpg'><img src='/wp-content/uploads/thumb/s.jpg'></a></div>");
    }
    byte[] page = html.toString().getBytes(StandardCharsets.UTF_8);
    site.route("/2020/01/01/hostile/", x -> FakeFilmGrab.send(x, 200, "text/html", page));
    FilmRef hostile = new FilmRef("Hostile", site.baseUrl().resolve("2020/01/01/hostile/"));

    FilmGrabException e = Fixtures.failure(() -> client().expectFilmPage(hostile));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_MANY_STILLS);
    assertThat(e.getMessage()).contains("lists 10000 gallery images, more than the limit of 500");
    assertThat(site.requestsBesidesRobots()).hasSize(1);
  }
}
