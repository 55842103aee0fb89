package palette.core;

import java.util.List;

/**
 * The final pass: every opaque pixel gets the index of its nearest palette colour (exactly, not per
 * bin), and the pixel counts and the RGB sum of squared errors come out exact in integers: per bin
 * from the histogram's moments where the whole bin has one nearest colour, per pixel elsewhere.
 *
 * @param labels per pixel the palette index, or -1 for a transparent pixel
 * @param counts pixels per palette colour
 * @param sse sum over opaque pixels of the squared RGB distance to their palette colour
 */
record PixelLabels(byte[] labels, long[] counts, long sse) {

  static PixelLabels of(int[] argb, ColorHistogram histogram, Palette palette) {
    BinCells bins = BinCells.of(histogram, palette);
    byte[] cells = bins.cell;
    byte[] labels = new byte[argb.length];
    NearestCache cache = NearestCache.of(palette, histogram, bins);
    List<PixelLabels> parts =
        Parallel.ranges(
            argb.length, (from, to) -> labelRange(argb, from, to, cells, cache, labels));
    long[] counts = new long[palette.size()];
    long sse = 0;
    for (PixelLabels part : parts) {
      for (int c = 0; c < counts.length; c++) {
        counts[c] += part.counts[c];
      }
      sse += part.sse;
    }
    for (int bin : histogram.occupied) {
      int c = cells[bin];
      if (c != BinCells.MIXED) {
        counts[c] += histogram.count(bin);
        sse += histogram.squaredError(bin, palette.color(c));
      }
    }
    return new PixelLabels(labels, counts, sse);
  }

  /**
   * Labels pixels {@code [from, to)} into the shared array; returns the counts and error of those
   * in mixed bins.
   */
  private static PixelLabels labelRange(
      int[] argb, int from, int to, byte[] cells, NearestCache cache, byte[] labels) {
    long[] counts = new long[cache.size()];
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
        c = (byte) cache.nearest(rgb, bin);
        counts[c]++;
        sse += cache.rgbDistance(c, rgb);
      }
      labels[i] = c;
    }
    return new PixelLabels(labels, counts, sse);
  }
}
