package palette.core.cluster;

import java.util.HashMap;
import java.util.Map;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;

/**
 * The opaque pixels of many stills pooled so that every still weighs the same: each pixel of a
 * still with n opaque pixels adds the integer weight round(2^32 / n), so every still adds 2^32 give
 * or take n/2 (a relative error below 2^-33 per pixel). Per bin of {@link ColorHistogram} it keeps
 * the colours seen, the summed weight, the weighted offset sums (for the bin's weighted mean) and
 * the plain pixel count; while the stills together have at most {@link WeightedColors#EXACT_LIMIT}
 * distinct colours it also keeps each colour's weight, so small cases are clustered exactly.
 *
 * <p>Everything is a sum of integers, so the result does not depend on the order the stills are
 * added in, and memory stays the same however many stills are added (about 12 MB): a still's pixels
 * can be dropped as soon as it has been added.
 */
public final class PooledHistogram {
  static final long STILL_WEIGHT = 1L << 32;

  /** Per bin: colours seen, weight, weighted red, green and blue offset sums, pixel count. */
  private static final int STRIDE = 6;

  private final long[] cells = new long[STRIDE * ColorHistogram.BINS];

  /** Colour to {weight, pixels}; null once the stills have more distinct colours than the limit. */
  private Map<Integer, long[]> exact = new HashMap<>();

  private long totalWeight;

  /** How the pooled pixels fall to each colour of a palette. */
  record Masses(long[] weights, long[] pixels) {}

  /** Adds a still's opaque pixels; a still with none adds nothing. */
  public void add(PixelImage image) {
    int[] argb = image.pixels();
    ColorHistogram still = ColorHistogram.of(argb);
    long n = still.opaquePixels;
    if (n == 0) {
      return;
    }
    long w = (STILL_WEIGHT + n / 2) / n;
    long[] from = still.cells;
    for (int bin : still.occupied) {
      long count = still.count(bin);
      int in = ColorHistogram.STRIDE * bin;
      int at = STRIDE * bin;
      cells[at] |= from[in];
      cells[at + 1] += count * w;
      cells[at + 2] += (from[in + 1] >>> 32) * w;
      cells[at + 3] += (from[in + 2] & 0xffffffffL) * w;
      cells[at + 4] += (from[in + 2] >>> 32) * w;
      cells[at + 5] += count;
    }
    totalWeight += n * w;
    addExact(still, w);
  }

  private void addExact(ColorHistogram still, long w) {
    if (exact == null || still.distinctColors() > WeightedColors.EXACT_LIMIT) {
      exact = null;
      return;
    }
    int[] colors = still.colors();
    long[] counts = still.colorCounts();
    for (int i = 0; i < colors.length; i++) {
      long[] mass = exact.computeIfAbsent(colors[i], c -> new long[2]);
      mass[0] += counts[i] * w;
      mass[1] += counts[i];
    }
    if (exact.size() > WeightedColors.EXACT_LIMIT) {
      exact = null;
    }
  }

  long totalWeight() {
    return totalWeight;
  }

  int distinctColors() {
    int total = 0;
    for (int bin = 0; bin < ColorHistogram.BINS; bin++) {
      total += Long.bitCount(cells[STRIDE * bin]);
    }
    return total;
  }

  /** Every distinct colour, packed RGB, in bin order (the order never depends on the stills'). */
  int[] colors() {
    int[] colors = new int[distinctColors()];
    int n = 0;
    for (int bin = 0; bin < ColorHistogram.BINS; bin++) {
      for (long seen = cells[STRIDE * bin]; seen != 0; seen &= seen - 1) {
        colors[n++] = ColorHistogram.color(bin, Long.numberOfTrailingZeros(seen));
      }
    }
    return colors;
  }

  /** The weighted points k-means runs on: one per colour when known exactly, else one per bin. */
  WeightedColors points(ColorSpace space) {
    if (exact != null) {
      int[] colors = colors();
      long[] weights = new long[colors.length];
      for (int i = 0; i < colors.length; i++) {
        weights[i] = exact.get(colors[i])[0];
      }
      return WeightedColors.ofColors(colors, weights, space);
    }
    int occupied = 0;
    for (int bin = 0; bin < ColorHistogram.BINS; bin++) {
      occupied += weight(bin) > 0 ? 1 : 0;
    }
    WeightedColors points = new WeightedColors(occupied, true);
    double[] mean = new double[3];
    double[] at = new double[3];
    int n = 0;
    for (int bin = 0; bin < ColorHistogram.BINS; bin++) {
      if (weight(bin) > 0) {
        mean(bin, mean);
        points.bin[n] = bin;
        points.set(n++, space, mean[0], mean[1], mean[2], weight(bin), at);
      }
    }
    return points;
  }

  /**
   * Gives each colour (when known exactly) or each bin to its nearest palette colour. A bin whose
   * colours do not all have the same nearest palette colour goes whole to the one nearest its
   * weighted mean: the only approximation, confined to the 4×4×4 cells a boundary runs through.
   */
  Masses assign(Palette palette) {
    long[] weights = new long[palette.size()];
    long[] pixels = new long[palette.size()];
    if (exact != null) {
      for (int color : colors()) {
        long[] mass = exact.get(color);
        int j = palette.nearest(color);
        weights[j] += mass[0];
        pixels[j] += mass[1];
      }
      return new Masses(weights, pixels);
    }
    double[] mean = new double[3];
    for (int bin = 0; bin < ColorHistogram.BINS; bin++) {
      if (weight(bin) > 0) {
        int j = nearest(bin, palette, mean);
        weights[j] += weight(bin);
        pixels[j] += cells[STRIDE * bin + 5];
      }
    }
    return new Masses(weights, pixels);
  }

  private int nearest(int bin, Palette palette, double[] mean) {
    long seen = cells[STRIDE * bin];
    int j = palette.nearest(ColorHistogram.color(bin, Long.numberOfTrailingZeros(seen)));
    for (seen &= seen - 1; seen != 0; seen &= seen - 1) {
      if (palette.nearest(ColorHistogram.color(bin, Long.numberOfTrailingZeros(seen))) != j) {
        mean(bin, mean);
        return palette.nearest(
            (channel(mean[0]) << 16) | (channel(mean[1]) << 8) | channel(mean[2]));
      }
    }
    return j;
  }

  private long weight(int bin) {
    return cells[STRIDE * bin + 1];
  }

  /** Weighted mean colour of a non-empty bin, as {@code {r, g, b}}. */
  private void mean(int bin, double[] out) {
    int at = STRIDE * bin;
    double w = cells[at + 1];
    int low = ColorHistogram.color(bin, 0);
    out[0] = ((low >> 16) & 0xff) + cells[at + 2] / w;
    out[1] = ((low >> 8) & 0xff) + cells[at + 3] / w;
    out[2] = (low & 0xff) + cells[at + 4] / w;
  }

  private static int channel(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
