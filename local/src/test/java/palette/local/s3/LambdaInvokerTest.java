package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local asynchronous invocation: fixed concurrency, a bounded queue that waits when full. */
class LambdaInvokerTest {
  static final String EVENT =
      new ObjectCreated("ObjectCreated:Put", "b", "k.png", 1, "e", java.time.Instant.EPOCH)
          .toEventJson(LocalS3.REGION);
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path folder;

  @Test
  void aFullQueueMakesTheNotifierWaitAndLosesNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger handled = new AtomicInteger();
    LambdaInvoker invoker =
        new LambdaInvoker(
            event -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              await(release);
              running.decrementAndGet();
              return Integer.toString(handled.incrementAndGet());
            },
            2,
            3,
            0,
            new DeadLetters(folder),
            QUIET);
    // 2 running + 3 queued fill it; the sixth submit must wait for room.
    for (int i = 0; i < 5; i++) {
      invoker.submit(EVENT);
    }
    Thread notifier = new Thread(() -> invoker.submit(EVENT));
    notifier.start();
    notifier.join(300);
    assertThat(notifier.getState()).isEqualTo(Thread.State.WAITING);

    release.countDown();
    notifier.join(5000);
    invoker.close();

    assertThat(handled.get()).isEqualTo(6);
    assertThat(mostAtOnce.get()).isEqualTo(2);
    assertThat(new DeadLetters(folder).list()).isEmpty();
  }

  @Test
  void anEventFailingEveryAttemptIsWrittenAsADeadLetterHoldingTheEventAndError() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    LambdaInvoker invoker =
        new LambdaInvoker(
            event -> {
              attempts.incrementAndGet();
              throw new IllegalStateException("disk on fire");
            },
            1,
            1,
            1,
            new DeadLetters(folder),
            QUIET);
    invoker.submit(EVENT);
    invoker.close();

    assertThat(attempts.get()).isEqualTo(3);
    assertThat(new DeadLetters(folder).list()).hasSize(1);
    Path letter = new DeadLetters(folder).list().get(0);
    assertThat(letter.getFileName().toString())
        .matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f-]{36}\\.json");
    assertThat(Files.readString(letter)).contains("disk on fire", "RetriesExhausted");
    assertThat(
            invoker
                .parse(DeadLetters.event(letter))
                .getRecords()
                .get(0)
                .getS3()
                .getObject()
                .getKey())
        .isEqualTo("k.png");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
