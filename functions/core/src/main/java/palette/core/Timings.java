package palette.core;

import java.util.Locale;

/**
 * Wall time of each stage of one run, in milliseconds. Kept out of the palette document, which must
 * be the same for the same input: the command line prints them on request, the worker logs them.
 */
public record Timings(double decodeMs, double clusterMs, double renderMs, double encodeMs) {
  public double totalMs() {
    return decodeMs + clusterMs + renderMs + encodeMs;
  }

  /** One line for people: {@code decode 20.5 ms, cluster 8.1 ms, …, total 50.5 ms}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "decode %.1f ms, cluster %.1f ms, render %.1f ms, encode %.1f ms, total %.1f ms",
        decodeMs,
        clusterMs,
        renderMs,
        encodeMs,
        totalMs());
  }
}
