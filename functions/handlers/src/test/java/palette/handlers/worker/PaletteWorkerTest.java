package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The worker fed with the files in {@code events/}, against an in-memory object store. */
class PaletteWorkerTest {
  static final String OUT = "palette-output";
  static final WorkerConfig CONFIG =
      WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", OUT, "AWS_REGION", "us-east-1"));
  static final byte[] PNG =
      TestImages.png(TestImages.stripes(60, 40, 0xff0000, 0x00ff00, 0x0000ff));

  final MemoryStorage storage = new MemoryStorage();
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final PaletteWorker worker =
      new PaletteWorker(CONFIG, storage, new PrintStream(logBytes, true, StandardCharsets.UTF_8));

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  void invoke(PaletteWorker worker, String eventFile) {
    WorkerCalls.invoke(worker, WorkerCalls.event(eventFile), null);
  }

  @Test
  void writesEveryOutputUnderTheDecodedKeyWithPaletteJsonLast() {
    storage.put("palette-input", "photos/Café au lait.png", PNG, Map.of("k", "3"));

    invoke(worker, "s3-put.json");

    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("done");
    String prefix = "photos/Café au lait.png/";
    assertThat(storage.keys(OUT))
        .containsExactlyInAnyOrder(
            prefix + "palette.ase",
            prefix + "palette.css",
            prefix + "palette.gpl",
            prefix + "palette.json",
            prefix + "replaced.png",
            prefix + "scatter.json",
            prefix + "swatch.png");
    List<String> puts = storage.calls.stream().filter(c -> c.startsWith("put ")).toList();
    assertThat(puts).hasSize(7).last().isEqualTo("put " + OUT + "/" + prefix + "palette.json");
    MemoryStorage.Stored palette = storage.get(OUT, prefix + "palette.json");
    assertThat(palette.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(palette.cacheControl()).isEqualTo("no-cache");
    assertThat(storage.get(OUT, prefix + "swatch.png").contentType()).isEqualTo("image/png");
    String json = new String(palette.bytes(), StandardCharsets.UTF_8);
    assertThat(json).contains("Café au lait.png").doesNotContain("timings");
    assertThat(log())
        .contains("\"outcome\":\"done\"", "\"k\":3", "\"key\":\"photos/Café au lait.png\"");
  }

  @Test
  void processesEveryRecordWithKeysDecoded() {
    byte[] jpeg = TestImages.jpeg(TestImages.stripes(64, 48, 0xff8800, 0x0088ff));
    storage.put("palette-input", "photos/sunset.jpg", jpeg, Map.of());
    storage.put("palette-input", "photos/beach day.png", PNG, Map.of());
    storage.put("palette-input", "albums/2024/ünïcode + plus.png", PNG, Map.of());

    invoke(worker, "s3-put-multi.json");

    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("done", "done", "done");
    assertThat(storage.keys(OUT))
        .contains(
            "photos/sunset.jpg/palette.json",
            "photos/beach day.png/palette.json",
            "albums/2024/ünïcode + plus.png/palette.json");
  }

  @Test
  void aNonImageGivesErrorJsonAndNoOtherOutput() {
    storage.put("palette-input", "notes/read me.txt", "hello, not a picture".getBytes(), Map.of());

    invoke(worker, "s3-put-not-image.json");

    assertThat(WorkerCalls.jobs(logBytes))
        .singleElement()
        .extracting(line -> line.get("error"))
        .isEqualTo("not_an_image");
    assertThat(storage.keys(OUT)).containsExactly("notes/read me.txt/error.json");
    String error =
        new String(
            storage.get(OUT, "notes/read me.txt/error.json").bytes(), StandardCharsets.UTF_8);
    assertThat(error)
        .startsWith("{\"error\":\"not_an_image\",\"message\":\"")
        .contains("\"key\":\"notes/read me.txt\"");
  }

  @Test
  void badMetadataIsAPermanentFailureNamingTheOption() {
    storage.put("palette-input", "photos/Café au lait.png", PNG, Map.of("k", "lots"));

    invoke(worker, "s3-put.json");

    String error =
        new String(
            storage.get(OUT, "photos/Café au lait.png/error.json").bytes(), StandardCharsets.UTF_8);
    assertThat(error)
        .contains("\"error\":\"invalid_option\"", "k must be a whole number, was 'lots'");
  }

  @Test
  void anObjectOverTheByteLimitIsRefusedBeforeDownload() {
    WorkerConfig small =
        WorkerConfig.fromEnv(
            Map.of("OUTPUT_BUCKET", OUT, "MAX_BYTES", String.valueOf(PNG.length - 1)));
    storage.put("palette-input", "photos/Café au lait.png", PNG, Map.of());

    invoke(new PaletteWorker(small, storage, new PrintStream(logBytes)), "s3-put.json");

    assertThat(storage.calls).noneMatch(c -> c.startsWith("get palette-input/"));
    assertThat(storage.keys(OUT)).containsExactly("photos/Café au lait.png/error.json");
    assertThat(log()).contains("\"error\":\"file_too_large\"");
  }

  @Test
  void anObjectThatGrewPastTheLimitAfterItsEventIsRefusedToo() {
    WorkerConfig limit = WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", OUT, "MAX_BYTES", "500000"));
    storage.put("palette-input", "photos/Café au lait.png", new byte[600_000], Map.of());

    invoke(new PaletteWorker(limit, storage, new PrintStream(logBytes)), "s3-put.json");

    String error =
        new String(
            storage.get(OUT, "photos/Café au lait.png/error.json").bytes(), StandardCharsets.UTF_8);
    assertThat(error).contains("\"file_too_large\"", "is larger than the 0.5 MB limit");
  }

  @Test
  void aVanishedObjectIsSkippedWithoutWriting() {
    invoke(worker, "s3-put.json");

    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("skipped");
    assertThat(storage.keys(OUT)).isEmpty();
  }

  @Test
  void aTransientFailureIsRethrownAfterTheOtherRecordsAreDone() {
    MemoryStorage failing =
        new MemoryStorage() {
          @Override
          public synchronized java.util.Optional<StoredObject> read(
              String bucket, String key, long maxBytes) {
            if (key.equals("photos/beach day.png")) {
              throw new IllegalStateException("503 Slow Down");
            }
            return super.read(bucket, key, maxBytes);
          }
        };
    failing.put("palette-input", "photos/sunset.jpg", PNG, Map.of());
    failing.put("palette-input", "albums/2024/ünïcode + plus.png", PNG, Map.of());
    PaletteWorker flaky = new PaletteWorker(CONFIG, failing, new PrintStream(logBytes));

    assertThatThrownBy(() -> invoke(flaky, "s3-put-multi.json"))
        .isInstanceOf(PaletteWorker.TransientFailure.class)
        .hasMessageContaining("1 of 3")
        .hasMessageContaining("503 Slow Down");
    assertThat(failing.keys(OUT))
        .contains("photos/sunset.jpg/palette.json", "albums/2024/ünïcode + plus.png/palette.json");
    assertThat(log()).contains("\"outcome\":\"retry\"");
  }

  /**
   * Outputs go up while others are still encoded. When one put fails, the invocation fails so
   * Lambda retries, but only after the job's other puts ended: none may land during the retry.
   */
  @Test
  void aFailedPutEndsTheInvocationOnlyAfterTheJobsOtherPuts() {
    MemoryStorage failing =
        new MemoryStorage() {
          @Override
          void beforeWrite(String key) {
            if (key.endsWith("scatter.json")) {
              throw new IllegalStateException("503 Slow Down");
            }
            if (key.endsWith("replaced.png")) {
              sleep(300);
            }
          }
        };
    failing.put("palette-input", "photos/Café au lait.png", PNG, Map.of());
    PaletteWorker flaky = new PaletteWorker(CONFIG, failing, new PrintStream(logBytes));

    assertThatThrownBy(() -> invoke(flaky, "s3-put.json"))
        .isInstanceOf(PaletteWorker.TransientFailure.class)
        .hasMessageContaining("503 Slow Down");
    assertThat(failing.keys(OUT))
        .as("the slow put ended before the invocation did; no marker")
        .contains("photos/Café au lait.png/replaced.png")
        .doesNotContain("photos/Café au lait.png/palette.json");
  }

  /**
   * The input's GET does not wait for the check of the earlier result's marker: on S3 each is a
   * round trip. Here the marker's read waits for the input's to start; in turn, they could not.
   */
  @Test
  void theInputIsReadWhileTheEarlierMarkerIsChecked() {
    CountDownLatch inputRequested = new CountDownLatch(1);
    AtomicBoolean together = new AtomicBoolean();
    MemoryStorage store =
        new MemoryStorage() {
          @Override
          void beforeRead(String key) {
            if (key.equals(INPUT_KEY)) {
              inputRequested.countDown();
            } else if (key.equals(INPUT_KEY + "/palette.json")) {
              together.set(WorkerCalls.await(inputRequested, 2));
            }
          }
        };
    store.put("palette-input", INPUT_KEY, PNG, Map.of());
    store.put(OUT, INPUT_KEY + "/palette.json", "{}".getBytes(), Map.of("source-etag", "older"));

    invoke(new PaletteWorker(CONFIG, store, new PrintStream(logBytes)), "s3-put.json");

    assertThat(together).as("the input's GET started while the marker was read").isTrue();
    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("done");
  }

  /** A repeated event for the same version writes nothing, and its input's GET ends within it. */
  @Test
  void aRepeatedEventIsSkippedOnlyAfterItsInputsGetEnded() {
    MemoryStorage store =
        new MemoryStorage() {
          @Override
          void beforeRead(String key) {
            if (key.equals(INPUT_KEY)) {
              sleep(300);
            }
          }
        };
    store.put("palette-input", INPUT_KEY, PNG, Map.of());
    store.put(OUT, INPUT_KEY + "/palette.json", "{}".getBytes(), Map.of("source-etag", ETAG));

    invoke(new PaletteWorker(CONFIG, store, new PrintStream(logBytes)), "s3-put.json");

    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("skipped");
    assertThat(store.calls).contains("get palette-input/" + INPUT_KEY);
    assertThat(store.calls)
        .noneMatch(call -> call.startsWith("put ") || call.startsWith("delete "));
  }

  /** The key and the ETag that {@code events/s3-put.json} names. */
  static final String INPUT_KEY = "photos/Café au lait.png";

  static final String ETAG = "f24210802e8d0690e0c1c2302f907cc4";

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theImageTypeComesFromTheBytesNotTheName() {
    storage.put("palette-input", "photos/sunset.jpg", PNG, Map.of());
    storage.put("palette-input", "photos/beach day.png", "GIF89a? no, text".getBytes(), Map.of());
    storage.put("palette-input", "albums/2024/ünïcode + plus.png", PNG, Map.of());

    invoke(worker, "s3-put-multi.json");

    assertThat(WorkerCalls.outcomes(logBytes)).containsExactly("done", "failed", "done");
    assertThat(storage.keys(OUT))
        .contains("photos/sunset.jpg/palette.json", "photos/beach day.png/error.json");
  }
}
