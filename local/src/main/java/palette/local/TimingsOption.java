package palette.local;

import java.io.PrintWriter;
import palette.core.Timings;
import picocli.CommandLine.Option;

/**
 * {@code --timings}: the run's stage timings on standard error. They stay out of the palette
 * document so that the same image and options always write the same bytes.
 */
final class TimingsOption {
  @Option(
      names = "--timings",
      description = "Print how long each stage took on standard error (never in the JSON).")
  boolean enabled;

  void print(PrintWriter err, Timings timings) {
    if (enabled) {
      err.println("palette: " + timings.describe());
      err.flush();
    }
  }
}
