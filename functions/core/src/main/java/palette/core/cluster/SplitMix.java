package palette.core.cluster;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014), written out here rather than borrowed from {@code
 * java.util} so the k-means++ draws and the scatter's sample, and therefore every palette and
 * figure, stay bit-for-bit identical on any JDK: the algorithm is part of our output contract.
 */
public final class SplitMix {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  public SplitMix(long seed) {
    this.state = seed;
  }

  /** An independent stream per k-means restart, derived from the user's seed. */
  static SplitMix forRestart(long seed, int restart) {
    return new SplitMix(new SplitMix(seed ^ 0x632BE59BD9B4E019L * (restart + 1L)).nextLong());
  }

  long nextLong() {
    long z = (state += GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, bound)}, without bias (Lemire's multiply-and-reject). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    long product = (nextLong() >>> 32) * bound;
    if ((product & 0xFFFFFFFFL) < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while ((product & 0xFFFFFFFFL) < threshold) {
        product = (nextLong() >>> 32) * bound;
      }
    }
    return (int) (product >>> 32);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
