package palette.core;

/**
 * Elapsed wall time in milliseconds, rounded to 0.01 ms: the one timer behind the engine's stage
 * timings and the worker's job timings, so both are measured and rounded the same way.
 */
public final class Stopwatch {
  private final long start = System.nanoTime();
  private long last = start;

  private Stopwatch() {}

  public static Stopwatch start() {
    return new Stopwatch();
  }

  /** Milliseconds since the previous lap, or since the start for the first. */
  public double lap() {
    long now = System.nanoTime();
    double ms = round(now - last);
    last = now;
    return ms;
  }

  /** Milliseconds since the start; does not end a lap. */
  public double totalMs() {
    return round(System.nanoTime() - start);
  }

  private static double round(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
