package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes to the input bucket invoke the worker asynchronously, with Lambda's retries. */
class NotificationsTest {
  @TempDir Path folder;

  @Test
  void aFailedAsynchronousInvocationIsRetriedUntilTheResultIsComplete() throws Exception {
    AtomicReference<FaultyBlobStore> faults = new AtomicReference<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    var settings =
        LocalStack.Settings.defaults(folder)
            .withLog(new PrintStream(log, true, StandardCharsets.UTF_8))
            .withFaults(
                store -> {
                  faults.set(new FaultyBlobStore(store));
                  return faults.get();
                });
    String key = "drops/retried photo.png";
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client()) {
      // Every attempt the SDK makes in the first invocation fails; once that invocation has
      // failed (its log line says so), the store heals and Lambda's retry must succeed.
      AtomicInteger failures = new AtomicInteger();
      faults
          .get()
          .failPuts(
              name ->
                  name.equals(key + "/swatch.png")
                      && !log.toString(StandardCharsets.UTF_8).contains("\"outcome\":\"retry\"")
                      && failures.incrementAndGet() > 0);

      s3.putObject(
          b -> b.bucket(LocalStack.INPUT_BUCKET).key(key), RequestBody.fromBytes(Images.sample()));

      Path marker = stack.s3().file(LocalStack.OUTPUT_BUCKET, key + "/palette.json");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.exists(marker) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(marker).as(log.toString(StandardCharsets.UTF_8)).exists();
      assertThat(failures.get()).as("failed attempts").isGreaterThanOrEqualTo(1);
      assertThat(stack.s3().file(LocalStack.OUTPUT_BUCKET, key + "/swatch.png")).exists();
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("\"outcome\":\"retry\"", "invocation failed (attempt 1)", "\"outcome\":\"done\"");
  }
}
