package palette.core.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * One pass over the opaque pixels: per bin (the top 6 bits of each channel, 262,144 bins of 4×4×4
 * colours) which of its 64 colours occur, how many pixels fall in it and the sums of their offsets
 * within the bin. Everything is integer, so the per-core partial histograms merge exactly and the
 * result never depends on the split.
 */
public final class ColorHistogram {
  static final int BITS = 6;
  static final int BINS = 1 << (3 * BITS);

  /** Channel values per bin edge: a bin spans {@code [lo, lo + BIN_WIDTH - 1]} in each channel. */
  static final int BIN_WIDTH = 1 << (8 - BITS);

  /** Bigger images could overflow the packed offset sums; the pixel limits stop far below this. */
  static final int MAX_PIXELS = 1 << 30;

  /**
   * Per bin {@link #STRIDE} longs: the set of colours seen (bit {@code offset}), then {@code count
   * | sum of red offsets << 32}, then {@code sum of green offsets | sum of blue offsets << 32},
   * then the sum of squared offsets over all three channels. The packed halves never carry: a count
   * stays below 2^31 and an offset sum below 3 × 2^30.
   */
  final long[] cells;

  static final int STRIDE = 4;

  /**
   * What one pixel adds to the last three words of its bin, by its offset: looking the packed
   * increments up costs the scan, which does little else, a quarter less than working them out.
   */
  private static final long[] COUNT_AND_RED = new long[64];

  private static final long[] GREEN_AND_BLUE = new long[64];

  private static final long[] SQUARES = new long[64];

  static {
    for (int o = 0; o < 64; o++) {
      int r = o >> 4;
      int g = (o >> 2) & 3;
      int b = o & 3;
      COUNT_AND_RED[o] = 1 | (long) r << 32;
      GREEN_AND_BLUE[o] = g | (long) b << 32;
      SQUARES[o] = r * r + g * g + b * b;
    }
  }

  final long opaquePixels;

  /**
   * The non-empty bins, ascending. A photo fills only a few percent of the bins, so the passes
   * after the scan visit these instead of reading all 8 MB of cells.
   */
  final int[] occupied;

  private final int distinct;

  private ColorHistogram(long[] cells, long opaquePixels, int[] occupied) {
    this.cells = cells;
    this.opaquePixels = opaquePixels;
    this.occupied = occupied;
    int colors = 0;
    for (int bin : occupied) {
      colors += Long.bitCount(cells[STRIDE * bin]);
    }
    this.distinct = colors;
  }

  /** One core's share of the scan: its cells and the bins it filled, in the order first seen. */
  private record Part(long[] cells, long opaquePixels, int[] filled, int size) {}

  static ColorHistogram of(int[] argb) {
    if (argb.length > MAX_PIXELS) {
      throw new IllegalArgumentException("at most 2^30 pixels supported, was " + argb.length);
    }
    List<Part> parts = Parallel.ranges(argb.length, (from, to) -> scan(argb, from, to));
    long[] total = parts.get(0).cells;
    long opaque = 0;
    for (Part part : parts) {
      opaque += part.opaquePixels;
      if (part.cells != total) {
        merge(total, part);
      }
    }
    return new ColorHistogram(total, opaque, occupied(parts));
  }

  /** Adds the filled bins of {@code part} into {@code total}; the other bins hold only zeros. */
  private static void merge(long[] total, Part part) {
    long[] more = part.cells;
    for (int i = 0; i < part.size; i++) {
      int at = STRIDE * part.filled[i];
      total[at] |= more[at];
      total[at + 1] += more[at + 1];
      total[at + 2] += more[at + 2];
      total[at + 3] += more[at + 3];
    }
  }

  /** The bins any part filled, ascending, by way of a bit set over all bins. */
  private static int[] occupied(List<Part> parts) {
    long[] set = new long[BINS / Long.SIZE];
    for (Part part : parts) {
      for (int i = 0; i < part.size; i++) {
        set[part.filled[i] >>> 6] |= 1L << part.filled[i];
      }
    }
    int n = 0;
    for (long word : set) {
      n += Long.bitCount(word);
    }
    int[] bins = new int[n];
    n = 0;
    for (int w = 0; w < set.length; w++) {
      for (long bits = set[w]; bits != 0; bits &= bits - 1) {
        bins[n++] = (w << 6) | Long.numberOfTrailingZeros(bits);
      }
    }
    return bins;
  }

  /** Opaque means alpha of at least 128, which is exactly the sign bit of a packed ARGB int. */
  public static boolean isOpaque(int argb) {
    return argb < 0;
  }

  /** The bin of a packed RGB (or ARGB) colour: the top {@link #BITS} bits of each channel. */
  static int bin(int rgb) {
    return ((rgb >> 6) & 0x3f000) | ((rgb >> 4) & 0xfc0) | ((rgb >> 2) & 0x3f);
  }

  /** The colour's place within its bin: the low 2 bits of each channel, red highest. */
  static int offset(int rgb) {
    int low = rgb & 0x030303;
    return (low | (low >> 6) | (low >> 12)) & 0x3f;
  }

  /** The colour at {@code offset} in {@code bin}, packed RGB. */
  static int color(int bin, int offset) {
    int r = (bin >> 10) & 0xfc | (offset >> 4);
    int g = (bin >> 4) & 0xfc | ((offset >> 2) & 3);
    int b = (bin << 2) & 0xfc | (offset & 3);
    return (r << 16) | (g << 8) | b;
  }

  long count(int bin) {
    return cells[STRIDE * bin + 1] & 0xffffffffL;
  }

  /** Mean colour of the pixels in a non-empty bin, as {@code {r, g, b}}. */
  void mean(int bin, double[] out) {
    double n = count(bin);
    int low = color(bin, 0);
    out[0] = ((low >> 16) & 0xff) + (cells[STRIDE * bin + 1] >>> 32) / n;
    out[1] = ((low >> 8) & 0xff) + (cells[STRIDE * bin + 2] & 0xffffffffL) / n;
    out[2] = (low & 0xff) + (cells[STRIDE * bin + 2] >>> 32) / n;
  }

  /**
   * Sum over the bin's pixels of the squared RGB distance to {@code rgb}: Σ|p - c|² = n|lo - c|² +
   * 2 (lo - c)·Σo + Σ|o|², where each pixel p is the bin's lowest colour lo plus its offset o.
   */
  long squaredError(int bin, int rgb) {
    int at = STRIDE * bin;
    int low = color(bin, 0);
    long dr = ((low >> 16) & 0xff) - ((rgb >> 16) & 0xff);
    long dg = ((low >> 8) & 0xff) - ((rgb >> 8) & 0xff);
    long db = (low & 0xff) - (rgb & 0xff);
    long cross =
        dr * (cells[at + 1] >>> 32)
            + dg * (cells[at + 2] & 0xffffffffL)
            + db * (cells[at + 2] >>> 32);
    return count(bin) * (dr * dr + dg * dg + db * db) + 2 * cross + cells[at + 3];
  }

  int distinctColors() {
    return distinct;
  }

  /** Every distinct opaque colour, packed RGB, in bin order. */
  int[] colors() {
    int[] colors = new int[distinct];
    int n = 0;
    for (int bin : occupied) {
      for (long seen = cells[STRIDE * bin]; seen != 0; seen &= seen - 1) {
        colors[n++] = color(bin, Long.numberOfTrailingZeros(seen));
      }
    }
    return colors;
  }

  /**
   * Pixel count of each colour of {@link #colors()}, same order: a second pass that ranks each
   * pixel's colour among the bits of its bin. The pass reads each bin's colour set and first rank
   * side by side from a table half the cells' size, one cache line for both.
   */
  long[] colorCounts(int[] argb) {
    long[] table = new long[2 * BINS];
    int size = 0;
    for (int bin : occupied) {
      long seen = cells[STRIDE * bin];
      table[2 * bin] = seen;
      table[2 * bin + 1] = size;
      size += Long.bitCount(seen);
    }
    int distinctColors = size;
    List<int[]> parts =
        Parallel.ranges(
            argb.length,
            (from, to) -> {
              int[] counts = new int[distinctColors];
              for (int i = from; i < to; i++) {
                int p = argb[i];
                if (isOpaque(p)) {
                  int at = 2 * bin(p);
                  counts[
                      (int) table[at + 1] + Long.bitCount(table[at] & ((1L << offset(p)) - 1))]++;
                }
              }
              return counts;
            });
    long[] total = new long[distinctColors];
    for (int[] part : parts) {
      for (int c = 0; c < distinctColors; c++) {
        total[c] += part[c];
      }
    }
    return total;
  }

  /**
   * Counts pixels {@code [from, to)} into fresh cells, listing each bin when it is first filled.
   */
  private static Part scan(int[] argb, int from, int to) {
    long[] cells = new long[STRIDE * BINS];
    int[] filled = new int[1 << 12];
    int size = 0;
    long opaque = 0;
    for (int i = from; i < to; i++) {
      int p = argb[i];
      if (isOpaque(p)) {
        opaque++;
        int bin = bin(p);
        int at = STRIDE * bin;
        int o = offset(p);
        long seen = cells[at];
        if (seen == 0) {
          filled = append(filled, size++, bin);
        }
        cells[at] = seen | 1L << o;
        cells[at + 1] += COUNT_AND_RED[o];
        cells[at + 2] += GREEN_AND_BLUE[o];
        cells[at + 3] += SQUARES[o];
      }
    }
    return new Part(cells, opaque, filled, size);
  }

  private static int[] append(int[] list, int size, int value) {
    int[] to = size < list.length ? list : Arrays.copyOf(list, 2 * size);
    to[size] = value;
    return to;
  }
}
