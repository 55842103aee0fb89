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

/** Redirects, retries, limits and hostile servers, each ending with a clear error in time. */
@Timeout(30)
class PoliteHttpTest {
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

  private static FilmGrabException failure(Runnable action) {
    try {
      action.run();
    } catch (FilmGrabException e) {
      return e;
    }
    throw new AssertionError("expected a FilmGrabException");
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

    FilmGrabException e = failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.REFUSED);
    assertThat(e.url()).isEqualTo("https://evil.example/steal");
    assertThat(e.getMessage()).contains("not on the allowlist");
    assertThat(site.requests()).hasSize(1);
  }

  @Test
  void aRedirectOrALinkToTheMetadataAddressIsRefused() {
    redirect(STILL, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

    assertThat(failure(() -> client().fetchStill(still())).getMessage())
        .startsWith("refused http://169.254.169.254/latest/meta-data/")
        .contains("IP addresses");
    assertThat(
            failure(() -> client().fetchStill(URI.create("http://169.254.169.254/latest/")))
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

    FilmGrabException e = failure(() -> client().fetchStill(site.baseUrl().resolve("loop")));

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

    FilmGrabException e = failure(() -> client().fetchStill(still()));

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
        failure(() -> small.expectFilmPage(new FilmRef("Big", site.baseUrl().resolve("big/"))));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_LARGE);
    assertThat(e.getMessage())
        .endsWith("sent more than 100000 bytes, more than the 100000 bytes page limit");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    site.route(STILL, x -> sleep(10_000));
    FilmGrab impatient =
        FilmGrab.create(
            site.config()
                .timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5))
                .build());
    long start = System.nanoTime();

    FilmGrabException e = failure(() -> impatient.fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TIMEOUT);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).startsWith(still() + " timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aServerThatDripsBytesHitsTheTransferDeadline() {
    site.route(
        STILL,
        x -> {
          x.sendResponseHeaders(200, 0);
          try (var out = x.getResponseBody()) {
            for (int i = 0; i < 200; i++) {
              out.write('x');
              out.flush();
              sleep(50);
            }
          } catch (IOException closedByClient) {
            // expected once the client gives up
          }
        });
    FilmGrab impatient =
        FilmGrab.create(
            site.config()
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .build());

    FilmGrabException e = failure(() -> impatient.fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("took longer than the 1 s transfer limit");
  }

  @Test
  void retriesServerErrorsAndResetConnectionsThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    site.route(
        STILL,
        x -> {
          switch (calls.incrementAndGet()) {
            case 1 ->
                FakeFilmGrab.send(x, 503, "text/html", "busy".getBytes(StandardCharsets.UTF_8));
            case 2 -> x.close(); // no response at all: the client sees the connection end
            default -> FakeFilmGrab.send(x, 200, "image/jpeg", FakeFilmGrab.still(STILL));
          }
        });

    assertThat(client().fetchStill(still())).isEqualTo(FakeFilmGrab.still(STILL));
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheStatus() {
    site.route(
        STILL,
        x -> FakeFilmGrab.send(x, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8)));

    FilmGrabException e = failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).isEqualTo("HTTP 429 from " + still() + " after retries");
    assertThat(site.count(STILL)).isEqualTo(3);
  }

  @Test
  void aMissingPageIsNotRetried() {
    FilmGrabException e =
        failure(
            () ->
                client()
                    .expectFilmPage(
                        new FilmRef("Gone", site.baseUrl().resolve("2020/01/01/gone/"))));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.isTransient()).isFalse();
    assertThat(site.requests()).hasSize(1);
  }

  @Test
  void honoursRetryAfterUpToTheCap() {
    AtomicInteger calls = new AtomicInteger();
    site.route(
        STILL,
        x -> {
          if (calls.incrementAndGet() == 1) {
            x.getResponseHeaders().set("Retry-After", "1");
            FakeFilmGrab.send(x, 503, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
          } else {
            FakeFilmGrab.send(x, 200, "image/jpeg", FakeFilmGrab.still(STILL));
          }
        });
    FilmGrab patient =
        FilmGrab.create(
            site.config().retries(2, Duration.ofMillis(10), Duration.ofSeconds(5)).build());

    patient.fetchStill(still());

    var requests = site.requests();
    long gap = requests.get(1).nanoTime() - requests.get(0).nanoTime();
    assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void atOneRequestPerSecondFourRequestsTakeAtLeastThreeSeconds() {
    FilmGrab polite = FilmGrab.create(site.config().minInterval(Duration.ofSeconds(1)).build());
    long start = System.nanoTime();

    for (int i = 0; i < 4; i++) {
      polite.fetchStill(still());
    }

    Duration total = Duration.ofNanos(System.nanoTime() - start);
    var requests = site.requests();
    assertThat(requests).hasSize(4);
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    for (int i = 1; i < 4; i++) {
      long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
      // measured where the server receives them, so allow for scheduling jitter
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
    System.out.printf("4 requests at 1 per second took %d ms%n", total.toMillis());
  }

  @Test
  void aSoftErrorPageServedAsAnImageIsRefused() {
    byte[] page = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
    site.route(STILL, x -> FakeFilmGrab.send(x, 200, "image/jpeg", page));

    FilmGrabException e = failure(() -> client().fetchStill(still()));

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

    FilmGrabException e = failure(() -> client().expectFilmPage(hostile));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TOO_MANY_STILLS);
    assertThat(e.getMessage()).contains("lists 10000 gallery images, more than the limit of 500");
    assertThat(site.requests()).hasSize(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
