package palette.filmgrab;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spaces requests to each host at least {@code minInterval} apart, across threads: a caller
 * reserves the next free slot under the lock and sleeps outside it. film-grab.com resets
 * connections when requests come faster than about one every 0.4 s.
 */
final class RateLimiter {
  private final long intervalNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();

  RateLimiter(Duration minInterval) {
    this.intervalNanos = minInterval.toNanos();
  }

  /** Blocks until a request to {@code host} is allowed. */
  void acquire(String host) {
    if (intervalNanos == 0) {
      return;
    }
    long wait = reserve(host.toLowerCase(Locale.ROOT), System.nanoTime());
    if (wait > 0) {
      sleep(wait);
    }
  }

  private synchronized long reserve(String host, long now) {
    long slot = Math.max(now, nextSlot.getOrDefault(host, now));
    nextSlot.put(host, slot + intervalNanos);
    return slot - now;
  }

  static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FilmGrabException(
          FilmGrabException.Reason.NETWORK, "interrupted while waiting", null, 0, e);
    }
  }
}
