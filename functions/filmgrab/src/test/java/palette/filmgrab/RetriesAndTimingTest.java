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

/** Retries with backoff, timeouts and the per-host rate limit, measured on a local server. */
@Timeout(30)
class RetriesAndTimingTest {
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

  @Test
  void aServerThatNeverAnswersTimesOut() {
    site.route(STILL, x -> sleep(10_000));
    FilmGrab impatient =
        FilmGrab.create(
            site.config()
                .timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5))
                .build());
    long start = System.nanoTime();

    FilmGrabException e = Fixtures.failure(() -> impatient.fetchStill(still()));

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

    FilmGrabException e = Fixtures.failure(() -> impatient.fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("took longer than the 1 s transfer limit");
  }

  @Test
  void aServerThatDripsItsHeadersHitsTheTransferDeadline() throws Exception {
    try (java.net.ServerSocket raw =
        new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(
              () -> {
                try (java.net.Socket s = raw.accept()) {
                  var out = s.getOutputStream();
                  out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                  for (int i = 0; i < 300; i++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(50);
                  }
                } catch (IOException | InterruptedException ignored) {
                  // the client hung up, as it should
                }
              });
      server.setDaemon(true);
      server.start();
      URI base = URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/");
      FilmGrab impatient =
          FilmGrab.create(
              FilmGrabConfig.builder()
                  .baseUrl(base)
                  .minInterval(Duration.ZERO)
                  .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))
                  .build());
      long start = System.nanoTime();

      FilmGrabException e =
          Fixtures.failure(() -> impatient.fetchStill(base.resolve("wp-content/uploads/a.jpg")));

      assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.TIMEOUT);
      assertThat(e.getMessage()).contains("took longer than the 1 s transfer limit");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
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

    FilmGrabException e = Fixtures.failure(() -> client().fetchStill(still()));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).isEqualTo("HTTP 429 from " + still() + " after retries");
    assertThat(site.count(STILL)).isEqualTo(3);
  }

  @Test
  void aMissingPageIsNotRetried() {
    FilmGrabException e =
        Fixtures.failure(
            () ->
                client()
                    .expectFilmPage(
                        new FilmRef("Gone", site.baseUrl().resolve("2020/01/01/gone/"))));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.isTransient()).isFalse();
    assertThat(site.requestsBesidesRobots()).hasSize(1);
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

    var requests = site.requestsBesidesRobots();
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
    assertThat(requests).hasSize(5).first().extracting(r -> r.path()).isEqualTo("/robots.txt");
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    for (int i = 1; i < 5; i++) {
      long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
      // measured where the server receives them, so allow for scheduling jitter
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
    System.out.printf("4 requests at 1 per second took %d ms%n", total.toMillis());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
