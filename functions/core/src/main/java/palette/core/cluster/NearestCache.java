package palette.core.cluster;

import java.util.ArrayList;
import java.util.List;
import palette.core.options.ColorSpace;

/**
 * Nearest palette colour of the colours in mixed bins (bins that may straddle a cell boundary),
 * worked out once per colour that occurs, before the labelling pass. A photo's mixed bins hold a
 * few percent of its pixels but repeat their colours many times over, so each of those pixels then
 * costs one table look-up instead of a comparison with several palette colours (in OKLab, three
 * cube roots).
 */
final class NearestCache {
  /** Colours per bin: a bin's answers are 64 entries indexed by {@link ColorHistogram#offset}. */
  private static final int PER_BIN = 64;

  /** Mixed bins per task when filling the table on several cores. */
  private static final int BINS_PER_TASK = 256;

  private final int[] red;
  private final int[] green;
  private final int[] blue;

  /** For a non-empty mixed bin, where its 64 answers start in {@link #answers}. */
  private final int[] start;

  private final byte[] answers;

  private NearestCache(Palette palette, int[] start, byte[] answers) {
    this.start = start;
    this.answers = answers;
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
    List<Integer> mixed = new ArrayList<>();
    for (int bin : histogram.occupied) {
      if (bins.cell[bin] == BinCells.MIXED) {
        mixed.add(bin);
      }
    }
    int[] start = new int[ColorHistogram.BINS];
    byte[] answers = new byte[PER_BIN * mixed.size()];
    for (int m = 0; m < mixed.size(); m++) {
      start[mixed.get(m)] = PER_BIN * m;
    }
    int tasks = (mixed.size() + BINS_PER_TASK - 1) / BINS_PER_TASK;
    Parallel.tasks(
        tasks,
        t -> {
          int end = Math.min(mixed.size(), (t + 1) * BINS_PER_TASK);
          for (int m = t * BINS_PER_TASK; m < end; m++) {
            fill(mixed.get(m), PER_BIN * m, histogram, palette, bins, answers);
          }
          return null;
        });
    return new NearestCache(palette, start, answers);
  }

  /** The answers for the colours that occur in {@code bin}; the other entries stay unused. */
  private static void fill(
      int bin, int at, ColorHistogram histogram, Palette palette, BinCells bins, byte[] answers) {
    for (long seen = histogram.cells[ColorHistogram.STRIDE * bin]; seen != 0; seen &= seen - 1) {
      int offset = Long.numberOfTrailingZeros(seen);
      int rgb = ColorHistogram.color(bin, offset);
      answers[at + offset] =
          (byte)
              (palette.space() == ColorSpace.RGB
                  ? nearestRgb(palette, bins, rgb, bins.firstCandidate[bin])
                  : palette.nearest(rgb));
    }
  }

  int size() {
    return red.length;
  }

  /**
   * The nearest palette colour, in the clustering space, to a colour that occurs in a mixed bin;
   * ties go to the lowest index.
   */
  int nearest(int rgb, int bin) {
    return answers[start[bin] + ColorHistogram.offset(rgb)];
  }

  /** Squared RGB distance from palette colour {@code c} to {@code rgb}. */
  int rgbDistance(int c, int rgb) {
    int dr = ((rgb >> 16) & 0xff) - red[c];
    int dg = ((rgb >> 8) & 0xff) - green[c];
    int db = (rgb & 0xff) - blue[c];
    return dr * dr + dg * dg + db * db;
  }

  /** Among the bin's candidates (ascending), so the first of equally near colours wins. */
  private static int nearestRgb(Palette palette, BinCells bins, int rgb, int first) {
    byte[] list = bins.candidates;
    int nearest = 0;
    int min = Integer.MAX_VALUE;
    for (int i = first + 1, end = first + 1 + list[first]; i < end; i++) {
      int c = list[i];
      int[] channels = palette.channels(c);
      int dr = ((rgb >> 16) & 0xff) - channels[0];
      int dg = ((rgb >> 8) & 0xff) - channels[1];
      int db = (rgb & 0xff) - channels[2];
      int d = dr * dr + dg * dg + db * db;
      if (d < min) {
        min = d;
        nearest = c;
      }
    }
    return nearest;
  }
}
