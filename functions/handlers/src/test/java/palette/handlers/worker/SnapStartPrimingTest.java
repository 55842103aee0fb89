package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
  @Test
  void primingRunsAWholeJobWithoutTheNetwork() {
    WorkerConfig config =
        WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "out", "S3_ENDPOINT", "http://127.0.0.1:9"));
    var executor = Executors.newSingleThreadExecutor();
    try {
      Outcome outcome = new SnapStartPriming(config, executor).prime();

      assertThat(outcome.status()).isEqualTo("done");
      assertThat(outcome.timingsMs()).containsKeys("decode", "cluster", "encode", "put");
    } finally {
      executor.shutdown();
    }
  }
}
