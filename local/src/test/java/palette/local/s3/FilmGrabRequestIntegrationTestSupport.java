package palette.local.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Waiting for a job's commit marker in the local stack's output bucket. */
final class FilmGrabRequestIntegrationTestSupport {
  private FilmGrabRequestIntegrationTestSupport() {}

  /** Returns once {@code key}'s palette.json exists; fails with the log after {@code limit}. */
  static void await(S3Client s3, String key, Duration limit, ByteArrayOutputStream log)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        s3.headObject(b -> b.bucket(LocalStack.OUTPUT_BUCKET).key(key + "/palette.json"));
        return;
      } catch (NoSuchKeyException e) {
        Thread.sleep(100);
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        if (e.statusCode() != 404) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "no palette.json for " + key + "; log:\n" + log.toString(StandardCharsets.UTF_8));
  }
}
