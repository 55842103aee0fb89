package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
  static final WorkerConfig CONFIG =
      WorkerConfig.fromEnv(
          Map.of(
              "OUTPUT_BUCKET",
              "out",
              "S3_ENDPOINT",
              "http://127.0.0.1:9",
              "AWS_REGION",
              "eu-west-1"));

  @Test
  void primingRunsWholeJobsThroughTheS3ClientAnsweredInMemory() {
    var executor = Executors.newFixedThreadPool(6);
    try {
      var primed = new SnapStartPriming(CONFIG, executor, System.out).prime();

      assertThat(primed.last().status()).isEqualTo("done");
      assertThat(primed.last().timingsMs()).containsKeys("decode", "cluster", "encode", "put");
      // all rounds, unless a loaded machine reached the time bound first
      int rounds = primed.rounds();
      assertThat(rounds).isBetween(1, SnapStartPriming.ROUNDS);
      // each round: the photo read, every output written, palette.json last
      assertThat(primed.requests())
          .filteredOn(r -> r.equals("GET /priming/priming.jpg"))
          .hasSize(rounds);
      assertThat(primed.requests())
          .filteredOn(r -> r.equals("PUT /out/priming.jpg/palette.json"))
          .hasSize(rounds);
      assertThat(primed.requests())
          .filteredOn(r -> r.startsWith("PUT /out/priming.jpg/"))
          .hasSizeGreaterThanOrEqualTo(7 * rounds);
      assertThat(primed.requests().get(primed.requests().size() - 1))
          .isEqualTo("PUT /out/priming.jpg/palette.json");
      assertThat(primed.requests()).allMatch(r -> !r.startsWith("GET /out/"));
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void theLogLineSaysWhatRanAndWhichCompilerTheJvmStopsAt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var executor = Executors.newFixedThreadPool(6);
    try {
      new SnapStartPriming(CONFIG, executor, new PrintStream(out, true, StandardCharsets.UTF_8))
          .beforeCheckpoint(null);
    } finally {
      executor.shutdown();
    }

    String line = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(line)
        .startsWith("{\"level\":\"INFO\",\"message\":\"primed before the snapshot\"")
        .contains("\"outcome\":\"done\"", "\"rounds\":")
        // the test JVM runs with the default compilers
        .contains("\"tieredStopAtLevel\":\"4\"")
        .contains("\"heapInitialMb\":");
    // the heap's maximum as set: what Runtime reports, less one survivor space, is just below it
    long maxMb = Long.parseLong(line.replaceAll(".*\"heapMaxMb\":(\\d+).*", "$1"));
    long usableMb = Runtime.getRuntime().maxMemory() >> 20;
    assertThat(maxMb).isBetween(usableMb, usableMb * 6 / 5 + 1);
  }
}
