package palette.local.web;

import java.util.function.LongSupplier;

/**
 * The token bucket API Gateway throttles with: it holds at most {@code burst} tokens, starts full
 * and gains {@code rate} tokens a second; each request takes one or is refused. Time comes from a
 * nanosecond source so a test can drive it; every method is safe for concurrent callers. Tokens are
 * counted in billionths, so a whole number of rate intervals refills exactly.
 */
final class TokenBucket {
  private static final long ONE = 1_000_000_000L;

  /** Billionths of a token gained per nanosecond: the rate per second. */
  private final double unitsPerNano;

  private final long capacity;
  private final LongSupplier nanoTime;
  private long units;
  private long last;

  TokenBucket(ApiThrottle limits, LongSupplier nanoTime) {
    this.unitsPerNano = limits.rate();
    this.capacity = limits.burst() * ONE;
    this.nanoTime = nanoTime;
    this.units = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes a token if there is one: 0 when taken, otherwise the nanoseconds until there is one. */
  synchronized long tryTake() {
    refill();
    if (units >= ONE) {
      units -= ONE;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((ONE - units) / unitsPerNano));
  }

  /** Whole tokens in the bucket now. */
  synchronized long available() {
    refill();
    return units / ONE;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    double gained = Math.max(0, now - last) * unitsPerNano;
    units = gained >= capacity - units ? capacity : units + (long) gained;
    last = now;
  }
}
