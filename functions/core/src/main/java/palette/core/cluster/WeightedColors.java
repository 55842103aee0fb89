package palette.core.cluster;

import java.util.Arrays;
import palette.core.options.ColorSpace;

/**
 * The opaque pixels reduced to distinct points in the clustering space, each weighted by how many
 * pixels it stands for. k-means on these points is weighted k-means on the pixels: exact when each
 * point is one distinct colour, and within the measured 1% when each point is the mean colour of a
 * histogram bin (see {@code bench/README.md}); the final labels are always computed per pixel.
 */
public final class WeightedColors {
  /**
   * At most this many distinct colours are clustered exactly, one point per colour, with the many
   * starts and moves few colours need ({@link MultiStart#DIRECT_STARTS}, {@link
   * LocalSearch#COLOR_TRIALS}). It was 4,096 until a near-grey astronomy map of 4,872 colours ended
   * 0.55% above the reference at k = 6 on bins; at 8,192 it and the held-out half's only image in
   * that range came out better at every k ({@code docs/quality.md}, change 9). The starts' work
   * budget bounds what a larger set costs.
   */
  public static final int EXACT_LIMIT = 1 << 13;

  /** Merged points per cluster below which merging would leave k-means too little to work on. */
  private static final int COARSE_MIN_PER_CLUSTER = 8;

  final int size;
  final double[] x;
  final double[] y;
  final double[] z;
  final double[] weight;

  /** Histogram bin of each point, ascending; null when the points are single colours. */
  final int[] bin;

  WeightedColors(int size, boolean binned) {
    this.size = size;
    this.x = new double[size];
    this.y = new double[size];
    this.z = new double[size];
    this.weight = new double[size];
    this.bin = binned ? new int[size] : null;
  }

  /**
   * One point per distinct colour when there are at most {@link #EXACT_LIMIT} of them, otherwise
   * one per non-empty bin at the bin's mean colour. Either way there are more points than k
   * whenever the image has more than k distinct colours (a bin holds at most 64 colours, and 2^13 /
   * 64 is 128, more than the largest k, 64).
   */
  static WeightedColors of(ColorHistogram histogram, ColorSpace space) {
    return histogram.distinctColors() <= EXACT_LIMIT
        ? ofDistinctColors(histogram, space)
        : ofBins(histogram, space);
  }

  /** One point per distinct colour of the pixels, weighted by its pixel count. */
  static WeightedColors ofDistinctColors(ColorHistogram histogram, ColorSpace space) {
    return ofColors(histogram.colors(), histogram.colorCounts(), space);
  }

  static WeightedColors ofColors(int[] colors, long[] counts, ColorSpace space) {
    WeightedColors points = new WeightedColors(colors.length, false);
    double[] at = new double[3];
    for (int i = 0; i < colors.length; i++) {
      int c = colors[i];
      points.set(i, space, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, counts[i], at);
    }
    return points;
  }

  private static WeightedColors ofBins(ColorHistogram histogram, ColorSpace space) {
    int[] occupied = histogram.occupied;
    WeightedColors points = new WeightedColors(occupied.length, true);
    double[] mean = new double[3];
    double[] at = new double[3];
    for (int n = 0; n < occupied.length; n++) {
      int bin = occupied[n];
      histogram.mean(bin, mean);
      points.bin[n] = bin;
      points.set(n, space, mean[0], mean[1], mean[2], histogram.count(bin), at);
    }
    return points;
  }

  /**
   * The points merged 2×2×2 bins at a time (5 bits per channel), each at the weighted mean of its
   * parts; null when these points are single colours or too few to be worth merging.
   */
  WeightedColors coarser(int k) {
    if (bin == null) {
      return null;
    }
    int[] group = new int[size];
    int groups = 0;
    int[] first = new int[1 << 15];
    Arrays.fill(first, -1);
    for (int i = 0; i < size; i++) {
      int b = bin[i];
      int key = ((b >> 13) & 0x1f) << 10 | ((b >> 7) & 0x1f) << 5 | ((b >> 1) & 0x1f);
      if (first[key] < 0) {
        first[key] = groups++;
      }
      group[i] = first[key];
    }
    if (groups < COARSE_MIN_PER_CLUSTER * k) {
      return null;
    }
    WeightedColors coarse = new WeightedColors(groups, false);
    for (int i = 0; i < size; i++) {
      int g = group[i];
      double w = weight[i];
      coarse.weight[g] += w;
      coarse.x[g] += w * x[i];
      coarse.y[g] += w * y[i];
      coarse.z[g] += w * z[i];
    }
    for (int g = 0; g < groups; g++) {
      coarse.x[g] /= coarse.weight[g];
      coarse.y[g] /= coarse.weight[g];
      coarse.z[g] /= coarse.weight[g];
    }
    return coarse;
  }

  void set(int i, ColorSpace space, double r, double g, double b, long count, double[] at) {
    coordinates(space, r, g, b, at);
    x[i] = at[0];
    y[i] = at[1];
    z[i] = at[2];
    weight[i] = count;
  }

  /**
   * A colour's coordinates in the clustering space. OKLab takes the nearest 8-bit colour: a bin's
   * mean is an approximation of its pixels anyway, and the final labels are computed exactly.
   */
  static void coordinates(ColorSpace space, double r, double g, double b, double[] out) {
    if (space == ColorSpace.OKLAB) {
      Oklab.fromRgb(pack(r, g, b), out);
    } else {
      out[0] = r;
      out[1] = g;
      out[2] = b;
    }
  }

  /** The 8-bit sRGB colour nearest to a point of the clustering space. */
  static int toRgb(ColorSpace space, double u, double v, double w) {
    return space == ColorSpace.OKLAB ? Oklab.toRgb(u, v, w) : pack(u, v, w);
  }

  /** Centroid movement below which k-means counts as converged, in the space's own units. */
  static double tolerance(ColorSpace space) {
    return space == ColorSpace.OKLAB ? Clustering.TOLERANCE * 0.004 : Clustering.TOLERANCE;
  }

  private static int pack(double r, double g, double b) {
    return (channel(r) << 16) | (channel(g) << 8) | channel(b);
  }

  private static int channel(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
