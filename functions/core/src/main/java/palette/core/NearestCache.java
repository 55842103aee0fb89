package palette.core;

/**
 * Nearest palette colour of single colours, for pixels whose bin straddles a cell boundary. In RGB
 * the answer is a few integer operations; in OKLab each colour needs three cube roots, so answers
 * are remembered per colour in a 16 MB table, allocated only when some bin is mixed.
 *
 * <p>Threads share the table without locking: an entry is either 0 (unknown) or the one answer for
 * that colour plus one, and Java never tears byte writes, so a race only repeats a computation.
 */
final class NearestCache {
  private final Palette palette;
  private final int[] red;
  private final int[] green;
  private final int[] blue;
  private final byte[] known;
  private final BinCells bins;

  private NearestCache(Palette palette, BinCells bins, byte[] known) {
    this.palette = palette;
    this.bins = bins;
    this.known = known;
    int k = palette.size();
    red = new int[k];
    green = new int[k];
    blue = new int[k];
    for (int c = 0; c < k; c++) {
      int rgb = palette.color(c);
      red[c] = (rgb >> 16) & 0xff;
      green[c] = (rgb >> 8) & 0xff;
      blue[c] = rgb & 0xff;
    }
  }

  static NearestCache of(Palette palette, ColorHistogram histogram, BinCells bins) {
    boolean mixed = false;
    for (int bin : histogram.occupied) {
      mixed |= bins.cell[bin] == BinCells.MIXED;
    }
    boolean remember = mixed && palette.space() == ColorSpace.OKLAB;
    return new NearestCache(palette, bins, remember ? new byte[1 << 24] : null);
  }

  int size() {
    return red.length;
  }

  /**
   * The nearest palette colour to a colour of a mixed bin, in the clustering space; ties go to the
   * lowest index.
   */
  int nearest(int rgb, int bin) {
    if (palette.space() == ColorSpace.RGB) {
      return nearestRgb(rgb, bins.firstCandidate[bin]);
    }
    int k = known[rgb];
    if (k == 0) {
      k = palette.nearest(rgb) + 1;
      known[rgb] = (byte) k;
    }
    return k - 1;
  }

  /** Squared RGB distance from palette colour {@code c} to {@code rgb}. */
  int rgbDistance(int c, int rgb) {
    int dr = ((rgb >> 16) & 0xff) - red[c];
    int dg = ((rgb >> 8) & 0xff) - green[c];
    int db = (rgb & 0xff) - blue[c];
    return dr * dr + dg * dg + db * db;
  }

  /** Among the bin's candidates (ascending), so the first of equally near colours wins. */
  private int nearestRgb(int rgb, int first) {
    byte[] list = bins.candidates;
    int nearest = 0;
    int min = Integer.MAX_VALUE;
    for (int i = first + 1, end = first + 1 + list[first]; i < end; i++) {
      int c = list[i];
      int d = rgbDistance(c, rgb);
      if (d < min) {
        min = d;
        nearest = c;
      }
    }
    return nearest;
  }
}
