package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code palette serve}'s throttle options: shown with the template's defaults, checked. */
class ServeOptionsTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final CommandLine cli =
      PaletteCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

  @Test
  void helpShowsTheThrottleOptionsWithTheTemplatesDefaults() {
    assertThat(cli.execute("serve", "--help")).isZero();

    assertThat(out.toString())
        .containsPattern("--api-rate=N\\s+Requests a second each API route accepts[^)]*default: 20")
        .containsPattern(
            "--api-burst=N\\s+Requests each API route accepts in a burst[^)]*default: 40");
  }

  @Test
  void aRateOrBurstOutOfRangeIsAUsageErrorNamingTheOption() {
    assertThat(cli.execute("serve", "--api-rate", "0")).isEqualTo(Failures.USAGE);
    assertThat(err.toString())
        .contains("--api-rate must be above 0 and at most 1000000 requests a second, was 0.0");

    assertThat(cli.execute("serve", "--api-burst", "-3")).isEqualTo(Failures.USAGE);
    assertThat(err.toString()).contains("--api-burst must be between 1 and 1000000, was -3");
  }
}
