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

  @Option(
      names = "--ip-limit",
      paramLabel = "N",
      description =
          "API requests one client IP may make in any 5 minutes; more get 429, as the web ACL's"
              + " rate-based rule (deploy/waf.yaml) in AWS. 0, the default, as a stack without"
              + " WebAclArn: no limit.")
  int perClient = 0;

  /**
   * @throws ParameterException naming the option when a value is out of range
   */
  ApiThrottle limits(CommandSpec spec) {
    try {
      return new ApiThrottle(rate, burst, perClient);
    } catch (IllegalArgumentException e) {
      // the messages name the options' last words: "rate must be…" is about --api-rate
      String option = e.getMessage().startsWith("limit") ? "--ip-" : "--api-";
      throw new ParameterException(spec.commandLine(), option + e.getMessage());
    }
  }
}
