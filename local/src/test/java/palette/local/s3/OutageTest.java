package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.PaletteCli;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 failing for a while under the running local stack: events are retried as Lambda retries them,
 * those that fail every attempt are kept as dead letters, and {@code palette replay} finishes them.
 * Throughout, no job is lost and no reader ever sees {@code palette.json} without every output.
 */
class OutageTest {
  static final Set<String> OUTPUTS =
      Set.of(
          "palette.json",
          "swatch.png",
          "replaced.png",
          "scatter.json",
          "palette.css",
          "palette.gpl",
          "palette.ase");

  @TempDir Path folder;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final AtomicReference<FaultyBlobStore> faults = new AtomicReference<>();

  LocalStack.Settings settings() {
    return LocalStack.Settings.defaults(folder.resolve("s3"))
        .withLog(new PrintStream(log, true, StandardCharsets.UTF_8))
        .withFaults(
            store -> {
              faults.set(new FaultyBlobStore(store));
              return faults.get();
            });
  }

  @Test
  void anOutageThatEndsWithinTheRetriesLosesNothing() throws Exception {
    List<String> keys = IntStream.range(0, 6).mapToObj(i -> "outage/photo " + i + ".jpg").toList();
    AtomicInteger failedPuts = new AtomicInteger();
    try (LocalStack stack = LocalStack.start(settings());
        S3Client s3 = stack.client();
        Watcher watcher = new Watcher(stack, keys)) {
      // The first 40 output puts fail (503 Slow Down), whichever job makes them; then S3 recovers.
      faults.get().failPuts(name -> isOutput(name) && failedPuts.incrementAndGet() <= 40);
      for (String key : keys) {
        s3.putObject(
            b -> b.bucket(LocalStack.INPUT_BUCKET).key(key),
            RequestBody.fromBytes(Images.photoJpeg(320, 240)));
      }
      awaitMarkers(stack, keys, 60);
      assertThat(watcher.violations).as("palette.json seen before every output").isEmpty();
      for (String key : keys) {
        assertThat(names(stack, key)).as(key).isEqualTo(OUTPUTS);
      }
    }
    assertThat(failedPuts.get()).isGreaterThan(40);
    assertThat(text()).contains("invocation failed (attempt 1)").doesNotContain("given up");
    assertThat(new DeadLetters(folder.resolve("dead-letters")).list()).isEmpty();
  }

  @Test
  void anEventThatFailsEveryAttemptIsKeptAsADeadLetterAndReplayed() throws Exception {
    String key = "outage/unlucky.jpg";
    DeadLetters deadLetters = new DeadLetters(folder.resolve("dead-letters"));
    try (LocalStack stack = LocalStack.start(settings());
        S3Client s3 = stack.client()) {
      faults.get().failPuts(name -> name.startsWith(key + "/"));
      s3.putObject(
          b -> b.bucket(LocalStack.INPUT_BUCKET).key(key),
          RequestBody.fromBytes(Images.photoJpeg(200, 150)));

      long deadline = System.nanoTime() + 60_000_000_000L;
      while (deadLetters.list().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(deadLetters.list()).hasSize(1);
      String letter = Files.readString(deadLetters.list().get(0));
      assertThat(letter)
          .contains("\"condition\" : \"RetriesExhausted\"", "\"approximateInvokeCount\" : 3")
          .contains("TransientFailure", "unlucky.jpg");
      assertThat(names(stack, key)).doesNotContain("palette.json");
      faults.get().failPuts(name -> false);
    }

    StringWriter out = new StringWriter();
    int exit =
        PaletteCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute("replay", "--all", "--data", folder.resolve("s3").toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("1 replayed, 0 failed again");
    assertThat(deadLetters.list()).isEmpty();
    try (LocalStack stack = LocalStack.start(settings().withNotifications(false))) {
      assertThat(names(stack, key)).isEqualTo(OUTPUTS);
    }
  }

  static boolean isOutput(String name) {
    return name.startsWith("outage/") && name.indexOf('/', "outage/".length()) > 0;
  }

  String text() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** The file names under a key's output prefix, straight from the store's folder. */
  static Set<String> names(LocalStack stack, String key) throws Exception {
    Path prefix = stack.s3().file(LocalStack.OUTPUT_BUCKET, key);
    if (!Files.isDirectory(prefix)) {
      return Set.of();
    }
    try (var files = Files.list(prefix)) {
      return files
          .map(f -> f.getFileName().toString())
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  void awaitMarkers(LocalStack stack, List<String> keys, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    for (String key : keys) {
      Path marker = stack.s3().file(LocalStack.OUTPUT_BUCKET, key + "/palette.json");
      while (!Files.exists(marker) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(marker).as(text()).exists();
    }
  }

  /** Polls the output folders and records any moment palette.json is there without the rest. */
  static final class Watcher implements AutoCloseable {
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Watcher(LocalStack stack, List<String> keys) {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  for (String key : keys) {
                    check(stack, key);
                  }
                }
              });
      thread.start();
    }

    private void check(LocalStack stack, String key) {
      try {
        Set<String> names = names(stack, key);
        if (names.contains("palette.json") && !names.containsAll(OUTPUTS)) {
          violations.add(key + ": " + names);
        }
      } catch (Exception e) {
        // a folder changing while listed; the next pass looks again
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
