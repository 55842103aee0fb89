package palette.core.render;

import palette.core.image.PixelImage;

/**
 * PNG encoding written for speed, with identical bytes for identical pixels. The swatch and
 * replaced images are encoded on every run; the JDK's ImageIO PNG writer took 2–3 times as long on
 * a 2560x1920 swatch image and wrote a file half as large again (6.9 MB against 4.5 MB), so the
 * encoder is tuned for time first, then size.
 *
 * <p>Choices, measured on a 2560x1600 photo: truecolour rows use the Average filter (computed on
 * the packed pixels, a few operations per pixel) and are coded as literals with a Huffman code per
 * band ({@link RowDeflater#LITERALS}): 4.75 MB for the swatch image in under half the processor
 * time of zlib level 1 on Up-filtered rows (4.64 MB). Filtered photographs hold few repeated
 * strings, so zlib's string search costs more than it saves. Indexed rows are left unfiltered (runs
 * of equal indices compress well as they are; Sub and Up measured larger) at zlib level {@value
 * #INDEXED_LEVEL}, with the smallest bit depth that holds the palette: higher levels save 5-15% of
 * a 270 KB file for 10-60% more time. Compression runs on bands of rows in parallel ({@link
 * RowDeflater}). No ancillary chunks (no time stamp), so the bytes depend only on the pixels and
 * the JDK's zlib.
 */
public final class PngEncoder {
  static final int TRUECOLOR_LEVEL = RowDeflater.LITERALS;
  static final int INDEXED_LEVEL = 1;
  private static final int COLOR_INDEXED = 3;
  private static final int COLOR_RGB = 2;
  private static final int COLOR_RGBA = 6;
  private static final int FILTER_NONE = 0;
  private static final int FILTER_AVERAGE = 3;

  private PngEncoder() {}

  /** A truecolour PNG (with alpha only if some pixel is not fully opaque). */
  public static byte[] encode(PixelImage image) {
    int[] argb = image.pixels();
    int width = image.width();
    boolean alpha = hasAlpha(argb);
    PngWriter png = new PngWriter(width, image.height(), 8, alpha ? COLOR_RGBA : COLOR_RGB);
    png.image(
        1 + width * (alpha ? 4 : 3),
        TRUECOLOR_LEVEL,
        (y, row) -> averageFiltered(argb, y, width, alpha, row));
    return png.finish();
  }

  /**
   * An indexed PNG whose palette is exactly {@code colors} (plus one fully transparent entry when
   * some label is -1); pixel {@code i} gets colour {@code labels[i]}. The bit depth is the smallest
   * of 1, 2, 4 and 8 that holds every index.
   */
  public static byte[] encodeIndexed(int width, int height, byte[] labels, int[] colors) {
    boolean transparent = checkIndexed(width, height, labels, colors);
    int entries = colors.length + (transparent ? 1 : 0);
    if (entries > 256) {
      throw new IllegalArgumentException(
          "colors must have at most "
              + (transparent ? 255 : 256)
              + " entries, was "
              + colors.length);
    }
    int depth = entries <= 2 ? 1 : entries <= 4 ? 2 : entries <= 16 ? 4 : 8;
    byte transparentIndex = (byte) colors.length;
    PngWriter png = new PngWriter(width, height, depth, COLOR_INDEXED);
    png.palette(colors, transparent);
    png.image(
        1 + (width * depth + 7) / 8,
        INDEXED_LEVEL,
        (y, row) -> pack(labels, y * width, width, depth, transparentIndex, row));
    return png.finish();
  }

  private static boolean checkIndexed(int width, int height, byte[] labels, int[] colors) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image must be at least 1x1, was " + width + "x" + height);
    }
    if ((long) width * height != labels.length) {
      throw new IllegalArgumentException(
          "labels must have width*height = "
              + (long) width * height
              + " entries, was "
              + labels.length);
    }
    if (colors.length < 1) {
      throw new IllegalArgumentException("colors must not be empty");
    }
    boolean transparent = false;
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      if (label < -1 || label >= colors.length) {
        throw new IllegalArgumentException(
            "labels must be -1 or below " + colors.length + ", was " + label + " at pixel " + i);
      }
      transparent |= label < 0;
    }
    return transparent;
  }

  private static boolean hasAlpha(int[] argb) {
    for (int pixel : argb) {
      if (pixel >>> 24 != 0xff) {
        return true;
      }
    }
    return false;
  }

  /**
   * Row {@code y} with the Average filter: each byte minus the mean (rounded down) of its left and
   * upper neighbours (zero outside the image). All four means of a pixel come from one sum on the
   * packed ints, bytes kept apart by masking their lowest bit before halving; the differences are
   * taken on whole ints too, since the low 8 bits of a difference depend only on the low 8 bits.
   */
  private static void averageFiltered(int[] argb, int y, int width, boolean alpha, byte[] row) {
    row[0] = FILTER_AVERAGE;
    int offset = y * width;
    int above = offset - width;
    int left = 0;
    int j = 1;
    for (int x = 0; x < width; x++) {
      int pixel = argb[offset + x];
      int up = above < 0 ? 0 : argb[above + x];
      int mean = (left & up) + (((left ^ up) & 0xfefefefe) >>> 1);
      row[j++] = (byte) ((pixel >> 16) - (mean >> 16));
      row[j++] = (byte) ((pixel >> 8) - (mean >> 8));
      row[j++] = (byte) (pixel - mean);
      if (alpha) {
        row[j++] = (byte) ((pixel >>> 24) - (mean >>> 24));
      }
      left = pixel;
    }
  }

  /** Row {@code y} of indices packed {@code depth} bits each, unfiltered. */
  private static void pack(
      byte[] labels, int offset, int width, int depth, byte transparent, byte[] row) {
    row[0] = FILTER_NONE;
    if (depth == 8) {
      for (int x = 0; x < width; x++) {
        byte label = labels[offset + x];
        row[1 + x] = label < 0 ? transparent : label;
      }
      return;
    }
    int x = 0;
    for (int j = 1; j < row.length; j++) {
      int packed = 0;
      for (int shift = 8 - depth; shift >= 0 && x < width; shift -= depth, x++) {
        int label = labels[offset + x];
        packed |= (label < 0 ? transparent : label) << shift;
      }
      row[j] = (byte) packed;
    }
  }
}
