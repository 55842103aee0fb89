package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
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
