package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RateLimiterTest {
  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void eachHostHasItsOwnSpacingAndNamesIgnoreCase() {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(300));
    long start = System.nanoTime();

    limiter.acquire("film-grab.com");
    limiter.acquire("www.film-grab.com");
    long twoHosts = millisSince(start);
    limiter.acquire("FILM-GRAB.com");
    long sameHostAgain = millisSince(start);

    assertThat(twoHosts).isLessThan(150);
    assertThat(sameHostAgain).isGreaterThanOrEqualTo(295);
  }

  @Test
  void awaitingThePaceWaitsForTheLatestHostAndNotWithoutRequests() {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(300));
    long start = System.nanoTime();
    limiter.awaitPace();
    long idle = millisSince(start);

    limiter.acquire("film-grab.com");
    limiter.atLeast("film-grab.com", Duration.ofMillis(600)); // a Crawl-delay
    limiter.awaitPace();
    long afterOneRequest = millisSince(start);

    assertThat(idle).isLessThan(100);
    assertThat(afterOneRequest).isGreaterThanOrEqualTo(595);
  }

  @Test
  void concurrentCallersAreSpacedToo() throws Exception {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(200));
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      pool.execute(
          () -> {
            limiter.acquire("film-grab.com");
            times.add(millisSince(start));
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    // the i-th caller to get through cannot do so before slot i (sleeps never end early)
    List<Long> sorted = times.stream().sorted().toList();
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).isGreaterThanOrEqualTo(i * 200L - 2);
    }
  }
}
