package palette.local.web;

import java.util.Locale;

/**
 * How fast the local API accepts requests, as the deployed HTTP API's {@code DefaultRouteSettings}
 * do: each route gets its own bucket of {@code burst} requests, refilled at {@code rate} a second.
 * The defaults are the template's {@code ApiRateLimit} and {@code ApiBurstLimit} (a test keeps them
 * equal), so the page meets locally the 429s it would meet in AWS. {@code perClient} is the web
 * ACL's rate-based rule: API requests per client IP in any five minutes, 0 for none (the template's
 * default attaches no web ACL).
 */
public record ApiThrottle(double rate, int burst, int perClient) {
  /** The rate-based rule's evaluation window (WAF's default, and {@code deploy/waf.yaml}'s). */
  public static final java.time.Duration CLIENT_WINDOW = java.time.Duration.ofMinutes(5);

  /** Per route only, no per-client rule. */
  public ApiThrottle(double rate, int burst) {
    this(rate, burst, 0);
  }

  /** {@code ApiRateLimit}'s default in {@code template.yaml}. */
  public static final int DEFAULT_RATE = 20;

  /** {@code ApiBurstLimit}'s default in {@code template.yaml}. */
  public static final int DEFAULT_BURST = 40;

  public static final int MAX = 1_000_000;

  public ApiThrottle {
    if (!(rate > 0 && rate <= MAX)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "rate must be above 0 and at most %d requests a second, was %s",
              MAX,
              rate));
    }
    if (burst < 1 || burst > MAX) {
      throw new IllegalArgumentException("burst must be between 1 and " + MAX + ", was " + burst);
    }
    if (perClient < 0 || perClient > MAX) {
      throw new IllegalArgumentException(
          "limit must be between 0 and " + MAX + ", was " + perClient);
    }
  }

  /** For people: {@code 20 requests a second per route, bursts of 40}. */
  @Override
  public String toString() {
    String perSecond = java.math.BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    String routes = perSecond + " requests a second per route, bursts of " + burst;
    return perClient == 0 ? routes : routes + ", " + perClient + " per client IP in 5 minutes";
  }

  /** The template's defaults: 20 requests a second, bursts of 40. */
  public static ApiThrottle defaults() {
    return new ApiThrottle(DEFAULT_RATE, DEFAULT_BURST);
  }
}
