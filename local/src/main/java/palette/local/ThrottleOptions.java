package palette.local;

import palette.local.web.ApiThrottle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code palette serve}'s API throttling, per route as the deployed HTTP API throttles; the
 * defaults are the template's {@code ApiRateLimit} and {@code ApiBurstLimit}.
 */
final class ThrottleOptions {
  @Option(
      names = "--api-rate",
      paramLabel = "N",
      description =
          "Requests a second each API route accepts once its burst is spent, as ApiRateLimit"
              + " in AWS (default: ${DEFAULT-VALUE}).")
  double rate = ApiThrottle.DEFAULT_RATE;

  @Option(
      names = "--api-burst",
      paramLabel = "N",
      description =
          "Requests each API route accepts in a burst; more get 429 with Retry-After,"
              + " as ApiBurstLimit in AWS (default: ${DEFAULT-VALUE}).")
  int burst = ApiThrottle.DEFAULT_BURST;

  /**
   * @throws ParameterException naming the option when a value is out of range
   */
  ApiThrottle limits(CommandSpec spec) {
    try {
      return new ApiThrottle(rate, burst);
    } catch (IllegalArgumentException e) {
      // the record's fields are named after the options: "rate must be…" is about --api-rate
      throw new ParameterException(spec.commandLine(), "--api-" + e.getMessage());
    }
  }
}
