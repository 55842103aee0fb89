package palette.local.web;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The local stand-in for the web ACL's rate-based rule ({@code deploy/waf.yaml}): each client IP
 * may make {@code limit} API requests in any trailing window (five minutes, as the rule's
 * evaluation window); past that it is refused until its oldest request leaves the window. API
 * Gateway's per-route throttle is shared by everyone, so without this one script could take a
 * route's whole rate. Refused requests count too, as WAF counts every request it sees, so a client
 * that keeps hammering stays blocked. Safe for concurrent callers; time comes from a nanosecond
 * source so a test can drive it.
 */
final class ClientLimit {
  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, ArrayDeque<Long>> seen = new HashMap<>();

  /**
   * @param limit requests per client in the window; 0 turns the limit off
   */
  ClientLimit(int limit, long windowNanos, LongSupplier nanoTime) {
    this.limit = limit;
    this.windowNanos = windowNanos;
    this.nanoTime = nanoTime;
  }

  /** Counts a request from {@code client}: 0 when it may go on, else nanoseconds to wait. */
  synchronized long tryTake(String client) {
    if (limit == 0) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    seen.values().forEach(times -> forget(times, now));
    seen.values().removeIf(ArrayDeque::isEmpty);
    ArrayDeque<Long> times = seen.computeIfAbsent(client, c -> new ArrayDeque<>());
    boolean allowed = times.size() < limit;
    times.addLast(now);
    if (times.size() > limit) {
      times.removeFirst(); // only the newest `limit` decide when it may go on again
    }
    return allowed ? 0 : Math.max(1, times.peekFirst() + windowNanos - now);
  }

  private void forget(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.removeFirst();
    }
  }
}
