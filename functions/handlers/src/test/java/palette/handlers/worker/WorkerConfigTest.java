package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.options.Option;

class WorkerConfigTest {
  @Test
  void unsetOptionsTakeTheEngineDefaults() {
    WorkerConfig config = WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "out", "S3_ENDPOINT", ""));

    assertThat(config.defaults().k()).isEqualTo(6);
    assertThat(config.defaults().limit()).isEqualTo(20);
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.customEndpoint()).isFalse();
  }

  @Test
  void everySettingIsRead() {
    WorkerConfig config =
        WorkerConfig.fromEnv(
            Map.of(
                "OUTPUT_BUCKET", "out",
                "AWS_REGION", "eu-west-1",
                "S3_ENDPOINT", "http://127.0.0.1:9000",
                "DEFAULT_K", "8",
                "DEFAULT_LIMIT", "30",
                "PLOT_POINTS", "500",
                "MAX_PIXELS", "1000",
                "MAX_BYTES", "2000"));

    assertThat(config.defaults().k()).isEqualTo(8);
    assertThat(config.defaults().limit()).isEqualTo(30);
    assertThat(config.defaults().plotPoints()).isEqualTo(500);
    assertThat(config.defaults().limits().maxPixels()).isEqualTo(1000);
    assertThat(config.defaults().limits().maxBytes()).isEqualTo(2000);
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.customEndpoint()).isTrue();
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> WorkerConfig.fromEnv(Map.of("AWS_REGION", "us-east-1")))
        .hasMessage("OUTPUT_BUCKET must name the output bucket");
    assertThatThrownBy(() -> WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "o", "DEFAULT_K", "six")))
        .hasMessage("DEFAULT_K: k must be a whole number, was 'six'");
    assertThatThrownBy(() -> WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "o", "DEFAULT_K", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DEFAULT_K: k must be between 1 and 64, was 0");
  }

  @Test
  void metadataOverridesDefaultsAndIgnoresUnknownKeys() {
    var defaults = WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "o")).defaults();
    var options =
        Option.perJobFromText(
            Map.of("k", " 9 ", "space", "OKLab", "equal-stripes", "true", "owner", "me"), defaults);

    assertThat(options.k()).isEqualTo(9);
    assertThat(options.space().id()).isEqualTo("oklab");
    assertThat(options.equalStripes()).isTrue();
    assertThat(options.limits()).isEqualTo(defaults.limits());
    assertThatThrownBy(() -> Option.perJobFromText(Map.of("equal-stripes", "maybe"), defaults))
        .hasMessage("equalStripes must be true or false, was 'maybe'");
  }
}
