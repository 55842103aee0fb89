package palette.core.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * One pass over the opaque pixels: how many pixels have each colour, kept per bin (the top 6 bits
 * of each channel, 262,144 bins of 4×4×4 colours) as 64 counts; from those, per bin, which of its
 * colours occur, how many pixels fall in it and the sums of their offsets within the bin, and the
 * count of every distinct colour while there are at most {@link #COUNTED_COLORS}. Everything is
 * integer, so the per-core partial counts merge exactly and the result never depends on the split.
 */
public final class ColorHistogram {
  static final int BITS = 6;
  static final int BINS = 1 << (3 * BITS);

  /** Channel values per bin edge: a bin spans {@code [lo, lo + BIN_WIDTH - 1]} in each channel. */
  static final int BIN_WIDTH = 1 << (8 - BITS);

  /** Colours per bin, and counts per bin in the scan. */
  private static final int PER_BIN = 64;

  /** Bigger images could overflow the packed offset sums; the pixel limits stop far below this. */
  static final int MAX_PIXELS = 1 << 30;

  /**
   * Distinct colours up to which each one's pixel count is kept (8 bytes each; k-means on them
   * takes about 100 bytes per colour, about 50 MB at the limit); beyond it only the bins are.
   */
  static final int COUNTED_COLORS = 1 << 19;

  /**
   * Per bin {@link #STRIDE} longs: the set of colours seen (bit {@code offset}), then {@code count
   * | sum of red offsets << 32}, then {@code sum of green offsets | sum of blue offsets << 32},
   * then the sum of squared offsets over all three channels. The packed halves never carry: a count
   * stays below 2^31 and an offset sum below 3 × 2^30.
   */
  final long[] cells;

  static final int STRIDE = 4;

  final long opaquePixels;

  /**
   * The non-empty bins, ascending. A photo fills only a few percent of the bins, so the passes
   * after the scan visit these instead of reading all 8 MB of cells.
   */
  final int[] occupied;

  private final int distinct;

  /**
   * Pixels of each colour of {@link #colors()}, same order; null beyond {@link #COUNTED_COLORS}.
   */
  private final long[] colorCounts;

  private ColorHistogram(long[] cells, int[] occupied, long[] colorCounts) {
    this.cells = cells;
    this.occupied = occupied;
    this.colorCounts = colorCounts;
    int colors = 0;
    long opaque = 0;
    for (int bin : occupied) {
      colors += Long.bitCount(cells[STRIDE * bin]);
      opaque += cells[STRIDE * bin + 1] & 0xffffffffL;
    }
    this.distinct = colors;
    this.opaquePixels = opaque;
  }

  static ColorHistogram of(int[] argb) {
    if (argb.length > MAX_PIXELS) {
      throw new IllegalArgumentException("at most 2^30 pixels supported, was " + argb.length);
    }
    List<BinCounts> parts = Parallel.ranges(argb.length, (from, to) -> scan(argb, from, to));
    BinCounts all = parts.get(0);
    for (BinCounts part : parts.subList(1, parts.size())) {
      all.add(part);
    }
    int[] occupied = all.bins();
    long[] cells = new long[STRIDE * BINS];
    Parallel.ranges(
        occupied.length,
        BINS_PER_TASK,
        (from, to) -> {
          for (int n = from; n < to; n++) {
            summarise(all.counts, all.slot[occupied[n]], cells, STRIDE * occupied[n]);
          }
          return null;
        });
    return new ColorHistogram(cells, occupied, colorCounts(all, occupied, cells));
  }

  /**
   * Occupied bins per range of the passes over them that run on several cores; each bin's words and
   * counts depend on that bin alone, and they are integers, so the split changes nothing.
   */
  private static final int BINS_PER_TASK = 2048;

  /**
   * The pixel count of every distinct colour, in bin order, or null when there are more than {@link
   * #COUNTED_COLORS}.
   */
  private static long[] colorCounts(BinCounts all, int[] occupied, long[] cells) {
    int[] first = new int[occupied.length + 1];
    for (int n = 0; n < occupied.length; n++) {
      first[n + 1] = first[n] + Long.bitCount(cells[STRIDE * occupied[n]]);
    }
    if (first[occupied.length] > COUNTED_COLORS) {
      return null;
    }
    long[] colorCounts = new long[first[occupied.length]];
    Parallel.ranges(
        occupied.length,
        BINS_PER_TASK,
        (from, to) -> {
          for (int n = from; n < to; n++) {
            int base = all.slot[occupied[n]];
            int colors = first[n];
            for (long bits = cells[STRIDE * occupied[n]]; bits != 0; bits &= bits - 1) {
              colorCounts[colors++] = all.counts[base + Long.numberOfTrailingZeros(bits)];
            }
          }
          return null;
        });
    return colorCounts;
  }

  /** Writes a bin's cell words from its 64 colour counts at {@code counts[base..]}. */
  private static void summarise(int[] counts, int base, long[] cells, int at) {
    long seen = 0;
    for (int o = 0; o < PER_BIN; o++) {
      // -n >>> 31 is 1 for a positive count and 0 for none, without a branch to mispredict.
      seen |= (long) (-counts[base + o] >>> 31) << o;
    }
    long pixels = 0;
    long red = 0;
    long green = 0;
    long blue = 0;
    long squares = 0;
    for (long bits = seen; bits != 0; bits &= bits - 1) {
      int o = Long.numberOfTrailingZeros(bits);
      long n = counts[base + o];
      int r = o >> 4;
      int g = (o >> 2) & 3;
      int b = o & 3;
      pixels += n;
      red += n * r;
      green += n * g;
      blue += n * b;
      squares += n * (r * r + g * g + b * b);
    }
    cells[at] = seen;
    cells[at + 1] = pixels | red << 32;
    cells[at + 2] = green | blue << 32;
    cells[at + 3] = squares;
  }

  /**
   * The pixel count of each colour of the bins some pixels fell in: 64 counts per bin, the bin's
   * slot, starting at {@code counts[slot[bin]]} (0 for a bin without pixels: the first slot is
   * never used). Slots are handed out as bins are first seen, so a photo that fills a few thousand
   * bins needs a few thousand slots, not all 262,144.
   */
  private static final class BinCounts {
    final int[] slot = new int[BINS];
    int[] counts = new int[PER_BIN << 10];
    int[] filled = new int[1 << 12];
    int size;

    /** Gives {@code bin} the next free slot and returns where it starts. */
    int open(int bin) {
      filled = append(filled, size++, bin);
      int at = PER_BIN * size;
      if (at + PER_BIN > counts.length) {
        counts = Arrays.copyOf(counts, 2 * counts.length);
      }
      slot[bin] = at;
      return at;
    }

    /**
     * Adds another core's counts into these: the bins new to these get their slots first, then the
     * counts are added on several cores, each bin into its own slot.
     */
    void add(BinCounts other) {
      for (int i = 0; i < other.size; i++) {
        if (slot[other.filled[i]] == 0) {
          open(other.filled[i]);
        }
      }
      int[] into = counts;
      Parallel.ranges(
          other.size,
          BINS_PER_TASK,
          (first, last) -> {
            for (int i = first; i < last; i++) {
              int to = slot[other.filled[i]];
              int from = other.slot[other.filled[i]];
              for (int o = 0; o < PER_BIN; o++) {
                into[to + o] += other.counts[from + o];
              }
            }
            return null;
          });
    }

    /** The bins with pixels, ascending, by way of a bit set over all bins. */
    int[] bins() {
      long[] set = new long[BINS / Long.SIZE];
      for (int i = 0; i < size; i++) {
        set[filled[i] >>> 6] |= 1L << filled[i];
      }
      int[] bins = new int[size];
      int n = 0;
      for (int w = 0; w < set.length; w++) {
        for (long bits = set[w]; bits != 0; bits &= bits - 1) {
          bins[n++] = (w << 6) | Long.numberOfTrailingZeros(bits);
        }
      }
      return bins;
    }
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
   * Pixel count of each colour of {@link #colors()}, same order; null when the image has more than
   * {@link #COUNTED_COLORS} distinct colours.
   */
  long[] colorCounts() {
    return colorCounts;
  }

  /** Counts pixels {@code [from, to)} by colour. */
  private static BinCounts scan(int[] argb, int from, int to) {
    BinCounts counts = new BinCounts();
    int[] slot = counts.slot;
    int[] perColor = counts.counts;
    for (int i = from; i < to; i++) {
      int p = argb[i];
      if (isOpaque(p)) {
        int bin = bin(p);
        int at = slot[bin];
        if (at == 0) {
          at = counts.open(bin);
          perColor = counts.counts;
        }
        perColor[at + offset(p)]++;
      }
    }
    return counts;
  }

  private static int[] append(int[] list, int size, int value) {
    int[] to = size < list.length ? list : Arrays.copyOf(list, 2 * size);
    to[size] = value;
    return to;
  }
}
