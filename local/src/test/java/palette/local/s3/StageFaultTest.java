package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palette.handlers.worker.PaletteWorker;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The worker killed part-way through a job that already has a result: every attempt first removes
 * the commit marker, so a reader sees either the complete old result's files without {@code
 * palette.json} or the complete new one, and the retry writes byte-identical outputs.
 */
class StageFaultTest {
  @TempDir static Path folder;
  static LocalStack stack;
  static FaultyBlobStore faults;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    AtomicReference<FaultyBlobStore> created = new AtomicReference<>();
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder.resolve("s3"))
                .withNotifications(false)
                .withLog(new PrintStream(OutputStream.nullOutputStream()))
                .withFaults(store -> created.updateAndGet(none -> new FaultyBlobStore(store))));
    faults = created.get();
    s3 = stack.client();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    stack.close();
  }

  /**
   * @param failingPut which output put fails, counting from 1 (1: right after decoding and
   *     clustering, before any output; 2: after the first output; 7: the commit marker itself)
   */
  @ParameterizedTest(name = "put #{0} fails ({1})")
  @CsvSource({"1, after decode", "2, after the first output", "7, at the commit marker"})
  void aJobKilledAtAnyStageIsRetriedIntoAnIdenticalResult(int failingPut, String stage)
      throws Exception {
    String key = "stages/put " + failingPut + ".jpg";
    s3.putObject(
        b -> b.bucket(LocalStack.INPUT_BUCKET).key(key),
        RequestBody.fromBytes(Images.photoJpeg(300, 200)));
    // The earlier result comes from an event that names no version (as `palette invoke` of a
    // hand-written event may): a repeated event for the version it was made from is skipped.
    stack.invoker().invoke(event(key).replaceAll("\"eTag\":\"[^\"]*\"", "\"eTag\":\"\""));
    String event = event(key);
    Map<String, byte[]> clean = outputs(key);
    assertThat(clean).hasSize(7);

    AtomicInteger puts = new AtomicInteger();
    // The SDK retries a 503 by itself, so to kill the job every put from that one on fails.
    faults.failPuts(name -> name.startsWith(key + "/") && puts.incrementAndGet() >= failingPut);
    assertThatThrownBy(() -> stack.invoker().invoke(event))
        .isInstanceOf(PaletteWorker.TransientFailure.class);
    assertThat(outputs(key)).as(stage).doesNotContainKey("palette.json");
    assertThat(outputs(key).size()).as(stage).isLessThan(7);

    faults.failPuts(name -> false);
    stack.invoker().invoke(event);

    Map<String, byte[]> retried = outputs(key);
    assertThat(retried.keySet()).isEqualTo(clean.keySet());
    clean.forEach((name, bytes) -> assertThat(retried.get(name)).as(name).isEqualTo(bytes));
  }

  static String event(String key) {
    var head = s3.headObject(b -> b.bucket(LocalStack.INPUT_BUCKET).key(key));
    return new ObjectCreated(
            "ObjectCreated:Put",
            LocalStack.INPUT_BUCKET,
            key,
            head.contentLength(),
            head.eTag(),
            Instant.now())
        .toEventJson(LocalS3.REGION);
  }

  static Map<String, byte[]> outputs(String key) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    Path prefix = stack.s3().file(LocalStack.OUTPUT_BUCKET, key);
    try (var list = Files.list(prefix)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
