package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @AfterEach
  void allCores() {
    Parallel.assumedCores = 0;
  }

  @Test
  void resultsComeBackInTaskOrder() {
    Parallel.assumedCores = 3;

    List<Integer> squares = Parallel.tasks(50, i -> i * i);

    assertThat(squares).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(squares.get(i)).isEqualTo(i * i);
    }
  }

  /**
   * The second lane runs on a thread kept between calls: a new thread per call would cost more than
   * many of the passes given to it.
   */
  @Test
  void theOtherLanesReuseTheirThreads() {
    Parallel.assumedCores = 2;
    Set<Thread> others = ConcurrentHashMap.newKeySet();
    Thread caller = Thread.currentThread();

    for (int call = 0; call < 40; call++) {
      // Two tasks that wait for each other, so each lane runs one.
      CountDownLatch both = new CountDownLatch(2);
      Parallel.tasks(
          2,
          i -> {
            if (Thread.currentThread() != caller) {
              others.add(Thread.currentThread());
            }
            both.countDown();
            return await(both);
          });
    }

    assertThat(others).isNotEmpty().hasSizeLessThan(10);
    assertThat(others).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
  }

  @Test
  void aTasksExceptionReachesTheCaller() {
    Parallel.assumedCores = 2;

    assertThatThrownBy(
            () ->
                Parallel.tasks(
                    4,
                    i -> {
                      if (i == 3) {
                        throw new IllegalStateException("task 3");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("task 3");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
