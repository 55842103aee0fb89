package palette.core;

/** Wall time of each stage of one run, in milliseconds. */
public record Timings(double decodeMs, double clusterMs, double renderMs, double encodeMs) {
  public double totalMs() {
    return decodeMs + clusterMs + renderMs + encodeMs;
  }
}
