package palette.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import palette.core.options.SortOrder;

/**
 * A clustering put into the user's sort order: swatch {@code i} is cluster {@code i}, and labels
 * are renumbered to match, so every output (swatch band, indexed PNG palette, figure traces,
 * exports) lists the colours in the same order.
 *
 * <p>The arrays are never written after construction; they are not copied on access because {@code
 * labels} holds one byte per pixel (it is the clustering's own array when no renumbering was
 * needed) and the record never leaves the engine.
 *
 * @param swatches the colours with their pixel counts and shares, in sort order
 * @param colors packed RGB of each swatch, same order
 * @param labels per pixel the swatch index, or -1 for a transparent pixel
 */
public record Ordered(List<Swatch> swatches, int[] colors, byte[] labels) {

  /**
   * OKLCh chroma below which a colour counts as grey in {@link SortOrder#HUE}: its hue angle is
   * noise there (pure greys have chroma below 1e-4, near-greys such as #808078 about 0.01).
   */
  static final double GREY_CHROMA = 0.02;

  public Ordered {
    swatches = List.copyOf(swatches);
    if (colors.length != swatches.size()) {
      throw new IllegalArgumentException(
          "colors must have one entry per swatch (" + swatches.size() + "), was " + colors.length);
    }
  }

  /** Sorts the clusters of {@code clustering} by {@code order} and renumbers its labels. */
  public static Ordered of(Clustering clustering, SortOrder order) {
    int[] centroids = clustering.centroids();
    long[] counts = clustering.counts();
    if (counts.length != centroids.length) {
      throw new IllegalArgumentException(
          "counts must have one entry per centroid ("
              + centroids.length
              + "), was "
              + counts.length);
    }
    Integer[] rank = new Integer[centroids.length];
    Arrays.setAll(rank, i -> i);
    Arrays.sort(rank, comparator(order, centroids, counts));
    long opaque = clustering.opaquePixels();
    List<Swatch> swatches = new ArrayList<>(rank.length);
    int[] colors = new int[rank.length];
    byte[] newLabel = new byte[rank.length];
    for (int i = 0; i < rank.length; i++) {
      int cluster = rank[i];
      colors[i] = centroids[cluster] & 0xffffff;
      swatches.add(
          new Swatch(Rgb.of(colors[i]), counts[cluster], (double) counts[cluster] / opaque));
      newLabel[cluster] = (byte) i;
    }
    return new Ordered(swatches, colors, relabel(clustering.labels(), newLabel, counts));
  }

  /**
   * The labels renumbered through {@code newLabel}, or the same array when that changes nothing
   * ({@link KMeans} usually delivers its clusters in the requested order already).
   */
  private static byte[] relabel(byte[] labels, byte[] newLabel, long[] counts) {
    for (int c = 0; c < newLabel.length; c++) {
      if (newLabel[c] != c) {
        return renumbered(labels, newLabel, counts);
      }
    }
    return labels;
  }

  /**
   * The labels mapped through {@code newLabel}, checked against the cluster counts; on all cores,
   * since it is a pass over every pixel.
   */
  private static byte[] renumbered(byte[] labels, byte[] newLabel, long[] counts) {
    byte[] result = new byte[labels.length];
    List<long[]> parts =
        Parallel.ranges(
            labels.length, (from, to) -> relabelRange(labels, from, to, newLabel, result));
    long[] seen = new long[newLabel.length];
    for (long[] part : parts) {
      for (int c = 0; c < seen.length; c++) {
        seen[c] += part[c];
      }
    }
    if (!Arrays.equals(seen, counts)) {
      throw new IllegalArgumentException(
          "counts must match the labels: counted "
              + Arrays.toString(seen)
              + ", was "
              + Arrays.toString(counts));
    }
    return result;
  }

  /**
   * Maps labels {@code [from, to)} into {@code result} and returns how many pixels each label has
   * there. A run of equal labels is counted once at its end: a photo's labels come in long runs,
   * and adding to the same counter pixel after pixel would make each add wait for the last.
   */
  private static long[] relabelRange(
      byte[] labels, int from, int to, byte[] newLabel, byte[] result) {
    int k = newLabel.length;
    long[] seen = new long[k];
    byte[] map = new byte[256];
    System.arraycopy(newLabel, 0, map, 0, k);
    map[0xff] = -1;
    int previous = -1;
    int runStart = from;
    for (int i = from; i < to; i++) {
      int label = labels[i];
      if (label != previous) {
        if (label >= k || label < -1) {
          throw new IllegalArgumentException(
              "labels must be -1 or below " + k + ", was " + label + " at pixel " + i);
        }
        if (previous >= 0) {
          seen[previous] += i - runStart;
        }
        previous = label;
        runStart = i;
      }
      result[i] = map[label & 0xff];
    }
    if (previous >= 0) {
      seen[previous] += to - runStart;
    }
    return seen;
  }

  static Comparator<Integer> comparator(SortOrder order, int[] centroids, long[] counts) {
    Comparator<Integer> byRgb = Comparator.comparingInt(i -> centroids[i] & 0xffffff);
    double[][] lab = new double[centroids.length][3];
    for (int i = 0; i < centroids.length; i++) {
      Oklab.fromRgb(centroids[i], lab[i]);
    }
    Comparator<Integer> byLightness = Comparator.comparingDouble(i -> lab[i][0]);
    return switch (order) {
      case SHARE -> Comparator.<Integer>comparingLong(i -> -counts[i]).thenComparing(byRgb);
      case LIGHTNESS -> byLightness.thenComparing(byRgb);
      case HUE ->
          Comparator.<Integer, Boolean>comparing(i -> !isGrey(lab[i]))
              .thenComparingDouble(i -> isGrey(lab[i]) ? lab[i][0] : hueDegrees(lab[i]))
              .thenComparing(byLightness)
              .thenComparing(byRgb);
    };
  }

  private static boolean isGrey(double[] lab) {
    return Math.hypot(lab[1], lab[2]) < GREY_CHROMA;
  }

  /** OKLCh hue in degrees, 0 (pinkish red) up to 360. */
  private static double hueDegrees(double[] lab) {
    double degrees = Math.toDegrees(Math.atan2(lab[2], lab[1]));
    return degrees < 0 ? degrees + 360 : degrees;
  }
}
