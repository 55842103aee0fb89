package palette.core.render;

import java.util.List;
import palette.core.image.PixelImage;

/**
 * PNG encoding written for speed, with identical bytes for identical pixels. The swatch and
 * replaced images are encoded on every run; the JDK's ImageIO PNG writer took 2–3 times as long on
 * a 2560x1920 swatch image and wrote a file half as large again (6.9 MB against 4.5 MB), so the
 * encoder is tuned for time first, then size.
 *
 * <p>Choices, measured on a 2560x1600 photo: truecolour rows use the Average filter (computed on
 * the packed pixels, a few operations per pixel) and are coded as literals with a Huffman code per
 * band ({@link RowDeflater.Coding#LITERALS}): 4.75 MB for the swatch image in under half the
 * processor time of zlib level 1 on Up-filtered rows (4.64 MB). Filtered photographs hold few
 * repeated strings, so zlib's string search costs more than it saves. Indexed rows are left
 * unfiltered (runs of equal indices compress well as they are; Sub and Up measured larger), with
 * the smallest bit depth that holds the palette, and coded as runs and copies of the row above
 * ({@link RowDeflater.Coding#RUNS}): 214 KB at k = 6 in two thirds of the time zlib level 1 took
 * for 268 KB. Compression runs on bands of rows in parallel ({@link RowDeflater}). No ancillary
 * chunks (no time stamp), so the bytes depend only on the pixels.
 */
public final class PngEncoder {

  private static final int COLOR_INDEXED = 3;
  private static final int COLOR_RGB = 2;
  private static final int COLOR_RGBA = 6;
  private static final int FILTER_NONE = 0;
  private static final int FILTER_AVERAGE = 3;

  private PngEncoder() {}

  /** A truecolour PNG (with alpha only if some pixel is not fully opaque). */
  public static byte[] encode(PixelImage image) {
    return encode(StackedImage.of(image));
  }

  /** As {@link #encode(PixelImage)}, for images stacked into one picture. */
  public static byte[] encode(StackedImage image) {
    List<PixelImage> parts = image.parts();
    int width = image.width();
    int[] firstRow = new int[parts.size() + 1]; // of each part, in rows of the picture
    boolean alpha = false;
    for (int p = 0; p < parts.size(); p++) {
      firstRow[p + 1] = firstRow[p] + parts.get(p).height();
      alpha |= hasAlpha(parts.get(p).pixels());
    }
    boolean withAlpha = alpha;
    PngWriter png = new PngWriter(width, image.height(), 8, withAlpha ? COLOR_RGBA : COLOR_RGB);
    png.image(
        1 + width * (withAlpha ? 4 : 3),
        RowDeflater.Coding.LITERALS,
        (y, row, at) -> {
          int p = part(firstRow, parts.size(), y);
          int[] pixels = parts.get(p).pixels();
          int offset = (y - firstRow[p]) * width;
          int[] above = pixels;
          int aboveOffset = offset - width;
          if (y == 0) {
            above = null;
          } else if (y == firstRow[p]) { // the last row of the part above
            above = parts.get(p - 1).pixels();
            aboveOffset = (parts.get(p - 1).height() - 1) * width;
          }
          averageFiltered(pixels, offset, above, aboveOffset, width, withAlpha, row, at);
        });
    return png.finish();
  }

  /** The part that row {@code y} of the picture lies in. */
  private static int part(int[] firstRow, int parts, int y) {
    int p = 0;
    while (p + 1 < parts && y >= firstRow[p + 1]) {
      p++;
    }
    return p;
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
        RowDeflater.Coding.RUNS,
        (y, row, at) ->
            pack(labels, y * width, width, depth, transparent, transparentIndex, row, at));
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

  /** Whether some pixel is not fully opaque; one AND over all pixels, which the JIT vectorises. */
  private static boolean hasAlpha(int[] argb) {
    int all = -1;
    for (int pixel : argb) {
      all &= pixel;
    }
    return all >>> 24 != 0xff;
  }

  /**
   * Row {@code y} with the Average filter: each byte minus the mean (rounded down) of its left and
   * upper neighbours (zero outside the image). All four means of a pixel come from one sum on the
   * packed ints, bytes kept apart by masking their lowest bit before halving, and the four
   * differences from one subtraction whose borrows are kept from crossing bytes. The bytes are
   * stored one by one: a four-byte view store was 7% faster with the optimising compiler but 10%
   * slower with the quick one, which is what Lambda and the command line run.
   */
  private static void averageFiltered(
      int[] argb,
      int offset,
      int[] aboveArgb,
      int above,
      int width,
      boolean alpha,
      byte[] row,
      int at) {
    row[at] = FILTER_AVERAGE;
    int[] upper = aboveArgb == null ? new int[width] : aboveArgb; // zero above the first row
    int upperOffset = aboveArgb == null ? 0 : above;
    int left = 0;
    int j = at + 1;
    if (alpha) {
      for (int x = 0; x < width; x++) {
        int pixel = argb[offset + x];
        int difference = bytewiseDifference(pixel, mean(left, upper[upperOffset + x])); // ARGB
        row[j] = (byte) (difference >> 16);
        row[j + 1] = (byte) (difference >> 8);
        row[j + 2] = (byte) difference;
        row[j + 3] = (byte) (difference >>> 24);
        j += 4;
        left = pixel;
      }
      return;
    }
    for (int x = 0; x < width; x++) {
      int pixel = argb[offset + x];
      int difference = bytewiseDifference(pixel, mean(left, upper[upperOffset + x]));
      row[j] = (byte) (difference >> 16);
      row[j + 1] = (byte) (difference >> 8);
      row[j + 2] = (byte) difference;
      j += 3;
      left = pixel;
    }
  }

  /** The mean of each of the four bytes, rounded down. */
  private static int mean(int a, int b) {
    return (a & b) + (((a ^ b) & 0xfefefefe) >>> 1);
  }

  /** {@code a - b} in each of the four bytes on its own, modulo 256 (no borrow between bytes). */
  static int bytewiseDifference(int a, int b) {
    return ((a | 0x80808080) - (b & 0x7f7f7f7f)) ^ ((a ^ ~b) & 0x80808080);
  }

  /**
   * Row {@code y} of indices packed {@code depth} bits each, unfiltered, from {@code at}; label -1
   * becomes {@code transparent}. Without such labels ({@code anyTransparent} false) 8-bit rows are
   * a plain copy and 4-bit ones (up to 16 colours, the usual case) take two labels a byte.
   */
  private static void pack(
      byte[] labels,
      int offset,
      int width,
      int depth,
      boolean anyTransparent,
      byte transparent,
      byte[] row,
      int at) {
    row[at] = FILTER_NONE;
    int j = at + 1;
    if (!anyTransparent && depth == 8) {
      System.arraycopy(labels, offset, row, j, width);
      return;
    }
    int x = 0;
    if (!anyTransparent && depth == 4) {
      for (; x + 1 < width; x += 2) {
        row[j++] = (byte) (labels[offset + x] << 4 | labels[offset + x + 1]);
      }
    }
    int perByte = 8 / depth;
    for (int end = width - perByte; x <= end; x += perByte) {
      int packed = 0;
      for (int i = 0; i < perByte; i++) {
        int label = labels[offset + x + i];
        packed = packed << depth | (label < 0 ? transparent : label);
      }
      row[j++] = (byte) packed;
    }
    if (x < width) { // a last, partly filled byte
      int packed = 0;
      for (int i = 0; i < perByte; i++) {
        int label = x + i < width ? labels[offset + x + i] : 0;
        packed = packed << depth | (label < 0 ? transparent : label);
      }
      row[j] = (byte) packed;
    }
  }
}
