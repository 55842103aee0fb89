package palette.core;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import palette.core.cluster.Clustering;
import palette.core.cluster.StopReason;
import palette.core.image.PixelImage;

/**
 * Synthetic images and clusterings for the rendering tests, built without k-means: each opaque
 * pixel is labelled with its nearest given centroid, as a converged k-means would.
 */
public final class Synthetic {
  private Synthetic() {}

  /**
   * The clustering of {@code image} around {@code centroids} (packed RGB): nearest centroid by
   * squared RGB distance, ties to the earlier one; alpha below 128 gives label -1. Every centroid
   * must win at least one pixel.
   */
  public static Clustering clusteringOf(PixelImage image, int... centroids) {
    int[] argb = image.argb();
    byte[] labels = new byte[argb.length];
    long[] counts = new long[centroids.length];
    double squares = 0;
    Set<Integer> distinct = new HashSet<>();
    for (int i = 0; i < argb.length; i++) {
      if (argb[i] >>> 24 < 128) {
        labels[i] = -1;
        continue;
      }
      distinct.add(argb[i] & 0xffffff);
      int best = 0;
      for (int c = 1; c < centroids.length; c++) {
        if (distance(argb[i], centroids[c]) < distance(argb[i], centroids[best])) {
          best = c;
        }
      }
      labels[i] = (byte) best;
      counts[best]++;
      squares += distance(argb[i], centroids[best]);
    }
    long opaque = argb.length - countTransparent(labels);
    return new Clustering(
        centroids.clone(),
        labels,
        counts,
        3,
        StopReason.ASSIGNMENTS_STABLE,
        squares / opaque,
        distinct.size());
  }

  /** An image whose pixels are drawn uniformly from {@code colors} (ARGB), seeded. */
  public static PixelImage randomOf(int width, int height, long seed, int... colors) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = colors[random.nextInt(colors.length)];
    }
    return new PixelImage(width, height, argb);
  }

  /** Uniform random opaque noise: the worst case for compression and for the figure's size. */
  public static PixelImage noise(int width, int height, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xff000000 | random.nextInt(1 << 24);
    }
    return new PixelImage(width, height, argb);
  }

  /** Centroids on a coarse grid of the RGB cube, as many as asked (up to 64). */
  public static int[] gridCentroids(int count) {
    int[] centroids = new int[count];
    for (int i = 0; i < count; i++) {
      int r = 32 + 64 * (i % 4);
      int g = 32 + 64 * (i / 4 % 4);
      int b = 32 + 64 * (i / 16 % 4);
      centroids[i] = (r << 16) | (g << 8) | b;
    }
    return centroids;
  }

  private static int distance(int a, int b) {
    int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
    int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }

  private static long countTransparent(byte[] labels) {
    long n = 0;
    for (byte label : labels) {
      n += label < 0 ? 1 : 0;
    }
    return n;
  }
}
