package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An image the invocation's time or memory cannot finish ends in {@code error.json} ({@code
 * too_large_for_budget}) and nothing else, rather than in a Lambda timeout or out-of-memory error.
 */
class BudgetTest {
  static final String OUT = PaletteWorkerTest.OUT;
  static final String KEY = "photos/Café au lait.png";
  static final String PREFIX = KEY + "/";
  static final byte[] PNG = TestImages.png(TestImages.stripes(400, 300, 0xff0000, 0x0000ff));

  final MemoryStorage storage = new MemoryStorage();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PaletteWorker worker =
      new PaletteWorker(PaletteWorkerTest.CONFIG, storage, new PrintStream(log));

  /** The sample event through the entry point Lambda calls, within {@code budget}. */
  void invokeWithin(Budget budget) {
    PaletteWorker limited =
        new PaletteWorker(
            PaletteWorkerTest.CONFIG, storage, new PrintStream(log), context -> budget);
    WorkerCalls.invoke(limited, WorkerCalls.event("s3-put.json"), null);
  }

  String error() {
    return new String(storage.get(OUT, PREFIX + "error.json").bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void tooLittleHeapForTheDeclaredPixelsIsRefusedFromTheHeader() {
    storage.put("palette-input", KEY, PNG, Map.of());
    // 1 MB free: about 65,000 pixels at 16 bytes each; the image has 120,000.
    AtomicInteger collections = new AtomicInteger();
    Budget budget = new Budget(() -> 60_000, () -> 1 << 20, collections::incrementAndGet);

    invokeWithin(budget);

    assertThat(collections).as("collected once before refusing").hasValue(1);
    assertThat(WorkerCalls.jobs(log).get(0)).containsEntry("error", "too_large_for_budget");
    assertThat(storage.keys(OUT)).containsExactly(PREFIX + "error.json");
    assertThat(error())
        .contains("\"error\":\"too_large_for_budget\"", "0.1 megapixels fit", "1 MB of heap free")
        .contains("400x300");
  }

  /**
   * Garbage not yet collected counts as used heap: an image refused for memory is tried again once
   * the budget has collected it, and only then refused if it still does not fit.
   */
  @Test
  void heapFreedByACollectionIsCountedBeforeRefusing() {
    storage.put("palette-input", KEY, PNG, Map.of());
    AtomicInteger collections = new AtomicInteger();
    // 1 MB free until collected, then 4 MB: the image needs about 2 MB
    Budget budget =
        new Budget(
            () -> 60_000,
            () -> collections.get() == 0 ? 1 << 20 : 4 << 20,
            collections::incrementAndGet);

    invokeWithin(budget);

    assertThat(WorkerCalls.outcomes(log)).containsExactly("done");
    assertThat(collections).hasValue(1);
    assertThat(storage.keys(OUT)).hasSize(7).contains(PREFIX + "palette.json");
  }

  @Test
  void enoughHeapAndTimeGiveTheNormalResult() {
    storage.put("palette-input", KEY, PNG, Map.of());
    Budget budget = new Budget(() -> 60_000, () -> 4 << 20);

    invokeWithin(budget);

    assertThat(WorkerCalls.outcomes(log)).containsExactly("done");
    assertThat(storage.keys(OUT)).hasSize(7).contains(PREFIX + "palette.json");
  }

  @Test
  void lambdasRemainingTimeBelowTheWriteReserveRefusesBeforeDecoding() {
    storage.put("palette-input", KEY, PNG, Map.of());

    WorkerCalls.invoke(worker, WorkerCalls.event("s3-put.json"), context(1_500));

    assertThat(storage.keys(OUT)).containsExactly(PREFIX + "error.json");
    assertThat(error()).contains("too_large_for_budget", "0.0 megapixels fit", "1500 ms left");
  }

  @Test
  void timeRunningOutDuringTheEngineEndsInErrorJsonNotAHalfWrite() {
    storage.put("palette-input", KEY, PNG, Map.of());
    AtomicInteger asked = new AtomicInteger();
    // Plenty of time before the engine, almost none after it.
    Budget budget = new Budget(() -> asked.getAndIncrement() == 0 ? 60_000 : 200, () -> 1L << 30);

    invokeWithin(budget);

    assertThat(storage.keys(OUT)).containsExactly(PREFIX + "error.json");
    assertThat(error()).contains("too_large_for_budget", "took too long", "200 ms were left");
  }

  /** A Lambda context with only what the worker reads. */
  static Context context(int remainingMs) {
    return (Context)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemainingTimeInMillis" -> remainingMs;
                  case "getAwsRequestId" -> "req-budget";
                  default -> null;
                });
  }
}
