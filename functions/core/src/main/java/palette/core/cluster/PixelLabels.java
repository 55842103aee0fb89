package palette.core.cluster;

import java.util.Arrays;
import java.util.List;
import palette.core.options.SortOrder;

/**
 * The final pass: every opaque pixel gets the index of its nearest palette colour (exactly, not per
 * bin), and the pixel counts and the RGB sum of squared errors come out exact in integers: per bin
 * from the histogram's moments where the whole bin has one nearest colour, per pixel elsewhere.
 *
 * <p>The palette comes out in the order the user asked for as far as it can be told before the pass
 * (for {@link SortOrder#SHARE}, exactly when the histogram counted every colour, otherwise by the
 * pixels of the bins settled by the bin table), so {@link Ordered} need not renumber every pixel
 * afterwards. Which colour is nearest, ties included, is decided in the palette's given order; only
 * the numbering changes.
 *
 * @param palette the palette colours, renumbered
 * @param labels per pixel the index into {@code palette}, or -1 for a transparent pixel
 * @param counts pixels per palette colour
 * @param sse sum over opaque pixels of the squared RGB distance to their palette colour
 */
record PixelLabels(Palette palette, byte[] labels, long[] counts, long sse) {

  static PixelLabels of(int[] argb, ColorHistogram histogram, Palette palette, SortOrder order) {
    BinCells bins = BinCells.of(histogram, palette);
    NearestCache cache = NearestCache.of(palette, histogram, bins);
    long[] counts = new long[palette.size()];
    long sse = 0;
    for (int bin : histogram.occupied) {
      int c = bins.cell[bin];
      if (c != BinCells.MIXED) {
        counts[c] += histogram.count(bin);
        sse += histogram.squaredError(bin, palette.color(c));
      }
    }
    long[] shares =
        order == SortOrder.SHARE ? withMixedBins(counts, histogram, bins, cache) : counts;
    byte[] rank = likelyRank(palette, shares, order);
    byte[] cells = renumbered(bins.cell, histogram.occupied, rank);
    byte[] labels = new byte[argb.length];
    List<long[]> parts =
        Parallel.ranges(
            argb.length, (from, to) -> labelRange(argb, from, to, cells, cache, rank, labels));
    for (long[] part : parts) {
      for (int c = 0; c < counts.length; c++) {
        counts[c] += part[c];
      }
      sse += part[counts.length];
    }
    int[] colors = new int[palette.size()];
    long[] ranked = new long[palette.size()];
    for (int c = 0; c < colors.length; c++) {
      colors[rank[c]] = palette.color(c);
      ranked[rank[c]] = counts[c];
    }
    return new PixelLabels(new Palette(palette.space(), colors), labels, ranked, sse);
  }

  /**
   * The pixels of each colour: {@code settled} (the bins that lie wholly in one colour's cell)
   * plus, when the histogram counted every colour, the mixed bins' colours by their nearest palette
   * colour, which makes the shares exact before the labelling pass; otherwise {@code settled} as it
   * is.
   */
  private static long[] withMixedBins(
      long[] settled, ColorHistogram histogram, BinCells bins, NearestCache cache) {
    long[] colorCounts = histogram.colorCounts();
    if (colorCounts == null) {
      return settled;
    }
    long[] counts = settled.clone();
    int color = 0;
    for (int bin : histogram.occupied) {
      long seen = histogram.cells[ColorHistogram.STRIDE * bin];
      if (bins.cell[bin] == BinCells.MIXED) {
        for (long bits = seen; bits != 0; bits &= bits - 1, color++) {
          int rgb = ColorHistogram.color(bin, Long.numberOfTrailingZeros(bits));
          counts[cache.nearest(rgb, bin)] += colorCounts[color];
        }
      } else {
        color += Long.bitCount(seen);
      }
    }
    return counts;
  }

  /**
   * Each colour's place in {@code order}, judged by {@code counts}: exact for hue and lightness,
   * and for share exact when the counts are (see {@link #withMixedBins}), and otherwise right
   * unless two colours' shares differ by less than the few pixels of the mixed bins.
   */
  private static byte[] likelyRank(Palette palette, long[] counts, SortOrder order) {
    Integer[] byOrder = new Integer[palette.size()];
    Arrays.setAll(byOrder, i -> i);
    Arrays.sort(byOrder, Ordered.comparator(order, palette.colors(), counts));
    byte[] rank = new byte[palette.size()];
    for (int i = 0; i < byOrder.length; i++) {
      rank[byOrder[i]] = (byte) i;
    }
    return rank;
  }

  /** The bin table with each palette index replaced by its rank; mixed bins stay mixed. */
  private static byte[] renumbered(byte[] cell, int[] occupied, byte[] rank) {
    byte[] cells = cell.clone();
    for (int bin : occupied) {
      if (cells[bin] != BinCells.MIXED) {
        cells[bin] = rank[cells[bin]];
      }
    }
    return cells;
  }

  /**
   * Labels pixels {@code [from, to)} into the shared array, by rank; returns the counts (by palette
   * index) of those in mixed bins, followed by their squared error.
   */
  private static long[] labelRange(
      int[] argb, int from, int to, byte[] cells, NearestCache cache, byte[] rank, byte[] labels) {
    long[] counts = new long[cache.size() + 1];
    long sse = 0;
    for (int i = from; i < to; i++) {
      int p = argb[i];
      if (!ColorHistogram.isOpaque(p)) {
        labels[i] = -1;
        continue;
      }
      int bin = ColorHistogram.bin(p);
      byte c = cells[bin];
      if (c == BinCells.MIXED) {
        int rgb = p & 0xffffff;
        int nearest = cache.nearest(rgb, bin);
        counts[nearest]++;
        sse += cache.rgbDistance(nearest, rgb);
        c = rank[nearest];
      }
      labels[i] = c;
    }
    counts[cache.size()] = sse;
    return counts;
  }
}
