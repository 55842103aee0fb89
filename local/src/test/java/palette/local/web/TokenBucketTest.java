package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by hand. */
class TokenBucketTest {
  static final long MS = 1_000_000L;
  static final long SECOND = 1_000_000_000L;

  final AtomicLong clock = new AtomicLong(123_456_789L);

  TokenBucket bucket(double rate, int burst) {
    return new TokenBucket(new ApiThrottle(rate, burst), clock::get);
  }

  @Test
  void aFullBurstIsAllowedThenTheNextIsRefusedWithTheWaitForOneToken() {
    TokenBucket bucket = bucket(20, 40);

    for (int i = 0; i < 40; i++) {
      assertThat(bucket.tryTake()).as("request %d", i + 1).isZero();
    }

    assertThat(bucket.tryTake()).isEqualTo(50 * MS);
    assertThat(bucket.available()).isZero();
  }

  @Test
  void itRefillsAtTheRate() {
    TokenBucket bucket = bucket(20, 40);
    drain(bucket);

    clock.addAndGet(49 * MS);
    assertThat(bucket.tryTake()).isEqualTo(1 * MS);
    clock.addAndGet(1 * MS);
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isEqualTo(50 * MS);

    clock.addAndGet(SECOND);
    assertThat(bucket.available()).isEqualTo(20);
  }

  @Test
  void itNeverHoldsMoreThanTheBurst() {
    TokenBucket bucket = bucket(20, 40);
    drain(bucket);

    clock.addAndGet(3600 * SECOND);

    assertThat(bucket.available()).isEqualTo(40);
    assertThat(drain(bucket)).isEqualTo(40);
  }

  @Test
  void aSlowRateGivesALongWait() {
    TokenBucket bucket = bucket(0.5, 1);
    assertThat(bucket.tryTake()).isZero();

    assertThat(bucket.tryTake()).isEqualTo(2 * SECOND);
    clock.addAndGet(SECOND + 500 * MS);
    assertThat(bucket.tryTake()).isEqualTo(500 * MS);
  }

  @Test
  void aClockThatStepsBackGivesNoTokens() {
    TokenBucket bucket = bucket(20, 2);
    drain(bucket);

    clock.addAndGet(-SECOND);

    assertThat(bucket.available()).isZero();
  }

  /** Over random traffic, no window lets through more than burst + rate × its length. */
  @Test
  void noStretchOfTimeGrantsMoreThanBurstPlusRateTimesItsLength() {
    Random random = new Random(42);
    for (int run = 0; run < 50; run++) {
      int rate = 1 + random.nextInt(50);
      int burst = 1 + random.nextInt(60);
      TokenBucket bucket = bucket(rate, burst);
      List<Long> granted = new ArrayList<>();
      for (int step = 0; step < 2000; step++) {
        clock.addAndGet(random.nextInt(4) == 0 ? random.nextInt(200) * MS : 0);
        if (bucket.tryTake() == 0) {
          granted.add(clock.get());
        }
        assertThat(bucket.available()).isLessThanOrEqualTo(burst);
      }
      assertWindowsWithinLimits(granted, rate, burst);
    }
  }

  private static void assertWindowsWithinLimits(List<Long> granted, int rate, int burst) {
    for (int from = 0; from < granted.size(); from++) {
      for (int to = from; to < granted.size(); to++) {
        double seconds = (granted.get(to) - granted.get(from)) / (double) SECOND;
        if (to - from + 1 > burst + Math.floor(rate * seconds + 1e-9)) {
          throw new AssertionError(
              (to - from + 1)
                  + " grants in "
                  + seconds
                  + " s at rate "
                  + rate
                  + ", burst "
                  + burst);
        }
      }
    }
  }

  @Test
  void concurrentCallersShareTheBurstExactly() throws Exception {
    TokenBucket bucket = bucket(20, 500);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      Callable<Integer> caller =
          () -> {
            int taken = 0;
            for (int i = 0; i < 1000; i++) {
              taken += bucket.tryTake() == 0 ? 1 : 0;
            }
            return taken;
          };
      List<Future<Integer>> results = threads.invokeAll(java.util.Collections.nCopies(8, caller));
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get();
      }
      assertThat(total).isEqualTo(500);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void limitsOutOfRangeAreRefusedWithTheirName() {
    assertThatThrownBy(() -> new ApiThrottle(0, 40))
        .hasMessage("rate must be above 0 and at most 1000000 requests a second, was 0.0");
    assertThatThrownBy(() -> new ApiThrottle(Double.NaN, 40))
        .hasMessageStartingWith("rate must be above 0");
    assertThatThrownBy(() -> new ApiThrottle(20, 0))
        .hasMessage("burst must be between 1 and 1000000, was 0");
  }

  private static int drain(TokenBucket bucket) {
    int taken = 0;
    while (bucket.tryTake() == 0) {
      taken++;
    }
    return taken;
  }
}
