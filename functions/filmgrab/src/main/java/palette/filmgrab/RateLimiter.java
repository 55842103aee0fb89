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
  private final Map<String, Long> slower = new HashMap<>();

  RateLimiter(Duration minInterval) {
    this.intervalNanos = minInterval.toNanos();
  }

  /** Blocks until a request to {@code host} is allowed. */
  void acquire(String host) {
    long wait = reserve(host.toLowerCase(Locale.ROOT), System.nanoTime());
    if (wait > 0) {
      sleep(wait);
    }
  }

  /**
   * Spaces requests to {@code host} at least {@code interval} apart (a robots.txt Crawl-delay),
   * counting from the request already made (the one that read robots.txt).
   */
  synchronized void atLeast(String host, Duration interval) {
    String key = host.toLowerCase(Locale.ROOT);
    long before = Math.max(intervalNanos, slower.getOrDefault(key, 0L));
    long after = Math.max(before, interval.toNanos());
    slower.put(key, after);
    nextSlot.computeIfPresent(key, (h, next) -> next + after - before);
  }

  /**
   * Blocks until a request to every host this limiter has spaced would be allowed: a caller that
   * hands over to another client (the next job may run in a fresh container, with its own limiter)
   * leaves the pace intact that way.
   */
  void awaitPace() {
    long wait = untilAllFree(System.nanoTime());
    if (wait > 0) {
      sleep(wait);
    }
  }

  private synchronized long untilAllFree(long now) {
    return nextSlot.values().stream().mapToLong(slot -> slot - now).max().orElse(0);
  }

  private synchronized long reserve(String host, long now) {
    long interval = Math.max(intervalNanos, slower.getOrDefault(host, 0L));
    long slot = Math.max(now, nextSlot.getOrDefault(host, now));
    nextSlot.put(host, slot + interval);
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
