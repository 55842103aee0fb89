package palette.core.cluster;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import palette.core.options.ColorSpace;

/**
 * For each histogram bin, the palette index every colour of the bin is nearest to, or {@link
 * #MIXED} when the bin may straddle a boundary between two palette colours; for a mixed bin in RGB
 * also the few palette colours that can be nearest to any of its colours. Lets the labelling pass
 * settle most pixels with one table look-up and still give every pixel its exact nearest colour.
 */
final class BinCells {
  static final byte MIXED = -1;

  /** Below this many bins per core, a second thread costs more than it saves. */
  private static final int BINS_PER_CORE = 4096;

  /** Rows of the OKLab matrix from l', m', s' (cube roots of LMS) to L, a, b. */
  private static final double[][] LMS_TO_LAB = {
    {0.2104542553, 0.7936177850, -0.0040720468},
    {1.9779984951, -2.4285922050, 0.4505937099},
    {0.0259040371, 0.7827717662, -0.8086757660}
  };

  /** Frobenius norm of {@link #LMS_TO_LAB}: bounds how far a step in l'm's' moves in OKLab. */
  private static final double LAB_STRETCH = frobenius(LMS_TO_LAB) * (1 + 1e-6);

  /** Absorbs floating-point rounding in the OKLab bounds; far below any real distance. */
  private static final double SLACK = 1e-9;

  /** Per bin, a palette index or {@link #MIXED}. */
  final byte[] cell;

  /**
   * For a non-empty mixed bin in RGB, where its candidates start in {@link #candidates}: a count
   * followed by that many palette indices, ascending.
   */
  final int[] firstCandidate;

  final byte[] candidates;

  private BinCells(byte[] cell, int[] firstCandidate, byte[] candidates) {
    this.cell = cell;
    this.firstCandidate = firstCandidate;
    this.candidates = candidates;
  }

  /** The cell table for the non-empty bins of {@code histogram}; empty bins are {@link #MIXED}. */
  static BinCells of(ColorHistogram histogram, Palette palette) {
    byte[] cells = new byte[ColorHistogram.BINS];
    int[] first = new int[ColorHistogram.BINS];
    Arrays.fill(cells, MIXED);
    int[] occupied = histogram.occupied;
    List<Part> parts =
        Parallel.ranges(
            occupied.length,
            BINS_PER_CORE,
            (from, to) -> fill(occupied, from, to, palette, cells, first));
    return new BinCells(cells, first, joined(parts, occupied, cells, first));
  }

  /** The candidate lists of the bins {@code occupied[from..to)}. */
  private record Part(int from, int to, byte[] pool) {}

  /**
   * Fills the cells of {@code occupied[from..to)}; returns their candidate lists, with each mixed
   * bin's {@code first} an offset into them.
   */
  private static Part fill(
      int[] occupied, int from, int to, Palette palette, byte[] cells, int[] first) {
    ByteArrayOutputStream pool = new ByteArrayOutputStream();
    double[] lo = new double[3];
    double[] hi = new double[3];
    for (int i = from; i < to; i++) {
      int bin = occupied[i];
      if (palette.space() == ColorSpace.OKLAB) {
        cells[bin] = oklabCell(bin, palette, lo, hi);
      } else {
        cells[bin] = rgbCell(bin, palette);
        if (cells[bin] == MIXED) {
          first[bin] = pool.size();
          addCandidates(bin, palette, pool);
        }
      }
    }
    return new Part(from, to, pool.toByteArray());
  }

  /**
   * The candidate lists of all parts in order, moving each mixed bin's {@code first} by the length
   * of the parts before its own.
   */
  private static byte[] joined(List<Part> parts, int[] occupied, byte[] cells, int[] first) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Part part : parts) {
      int shift = all.size();
      for (int i = part.from; i < part.to && shift > 0; i++) {
        if (cells[occupied[i]] == MIXED) {
          first[occupied[i]] += shift;
        }
      }
      all.writeBytes(part.pool);
    }
    return all.toByteArray();
  }

  /**
   * The palette colours whose nearest point of the bin box is no farther than the farthest point of
   * the box from some other colour: every other colour is strictly beaten everywhere in the bin.
   */
  private static void addCandidates(int bin, Palette palette, ByteArrayOutputStream pool) {
    int low = ColorHistogram.color(bin, 0);
    int span = ColorHistogram.BIN_WIDTH - 1;
    int k = palette.size();
    int[] near = new int[k];
    int bound = Integer.MAX_VALUE;
    for (int c = 0; c < k; c++) {
      int[] rgb = palette.channels(c);
      int min = 0;
      int max = 0;
      for (int ch = 0; ch < 3; ch++) {
        int lo = (low >> (16 - 8 * ch)) & 0xff;
        int below = Math.max(0, lo - rgb[ch]);
        int above = Math.max(0, rgb[ch] - lo - span);
        min += (below + above) * (below + above);
        int far = Math.max(Math.abs(rgb[ch] - lo), Math.abs(rgb[ch] - lo - span));
        max += far * far;
      }
      near[c] = min;
      bound = Math.min(bound, max);
    }
    int count = 0;
    for (int c = 0; c < k; c++) {
      count += near[c] <= bound ? 1 : 0;
    }
    pool.write(count);
    for (int c = 0; c < k; c++) {
      if (near[c] <= bound) {
        pool.write(c);
      }
    }
  }

  /**
   * Exact integer test in RGB: Voronoi cells are convex, so the bin box lies in cell j when, for
   * every other colour i, the linear function |x-c_i|² - |x-c_j|² stays positive at the box corner
   * that minimises it.
   */
  private static byte rgbCell(int bin, Palette palette) {
    int low = ColorHistogram.color(bin, 0);
    int[] lo = {(low >> 16) & 0xff, (low >> 8) & 0xff, low & 0xff};
    int span = ColorHistogram.BIN_WIDTH - 1;
    int centre = low + 0x010101 * (ColorHistogram.BIN_WIDTH / 2);
    int j = palette.nearest(centre);
    int[] cj = palette.channels(j);
    for (int i = 0; i < palette.size(); i++) {
      if (i == j) {
        continue;
      }
      int[] ci = palette.channels(i);
      long gap = (long) squares(ci) - squares(cj);
      for (int ch = 0; ch < 3; ch++) {
        int g = ci[ch] - cj[ch];
        gap -= 2L * g * (g > 0 ? lo[ch] + span : lo[ch]);
      }
      if (gap <= 0) {
        return MIXED;
      }
    }
    return (byte) j;
  }

  /**
   * Conservative test in OKLab. l', m' and s' grow with each of r, g and b, so the bin's colours
   * lie in the l'm's' box spanned by its lowest and highest corner; its image in OKLab lies within
   * {@code LAB_STRETCH × half-diagonal} of the box centre's image. The bin is in cell j when even
   * the worst case keeps j strictly nearest.
   */
  private static byte oklabCell(int bin, Palette palette, double[] lo, double[] hi) {
    int low = ColorHistogram.color(bin, 0);
    Oklab.fromRgb(low, lo);
    Oklab.fromRgb(low + 0x010101 * (ColorHistogram.BIN_WIDTH - 1), hi);
    double[] centre = {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
    double radius = LAB_STRETCH * labToLmsLength(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) / 2;
    int j = palette.nearest(centre);
    double reach = Math.sqrt(palette.distance(j, centre)) + radius + SLACK;
    for (int i = 0; i < palette.size(); i++) {
      if (i != j && Math.sqrt(palette.distance(i, centre)) - radius <= reach) {
        return MIXED;
      }
    }
    return (byte) j;
  }

  /** Length in l'm's' of an OKLab difference (the inverse matrix, as in {@link Oklab#toRgb}). */
  private static double labToLmsLength(double dl, double da, double db) {
    double l = dl + 0.3963377774 * da + 0.2158037573 * db;
    double m = dl - 0.1055613458 * da - 0.0638541728 * db;
    double s = dl - 0.0894841775 * da - 1.2914855480 * db;
    return Math.sqrt(l * l + m * m + s * s);
  }

  private static int squares(int[] c) {
    return c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
  }

  private static double frobenius(double[][] m) {
    double sum = 0;
    for (double[] row : m) {
      for (double v : row) {
        sum += v * v;
      }
    }
    return Math.sqrt(sum);
  }
}
