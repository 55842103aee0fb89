package palette.core.image;

import java.util.Locale;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

/**
 * Checks the width and height an image header declares, before a single pixel is allocated: that is
 * what makes a decompression bomb (a few bytes declaring gigapixels) cost a header read.
 */
final class DeclaredSize {
  /** The most pixels a 4-byte-per-pixel raster can hold in one Java array. */
  static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE / 4;

  private DeclaredSize() {}

  static void check(ImageFormat format, int width, int height, int fileBytes, ImageLimits limits) {
    if (width < 1 || height < 1) {
      throw ImageDecoder.corrupt(
          format, "its header declares a size of " + width + "x" + height, null);
    }
    long pixels = (long) width * height;
    long limit = Math.min(limits.maxPixels(), MAX_ARRAY_PIXELS);
    if (pixels > limit) {
      throw new PaletteException(
          ErrorCode.TOO_MANY_PIXELS,
          String.format(
              Locale.ROOT,
              "the image is %dx%d (%.1f megapixels), more than the limit of %.1f megapixels",
              width,
              height,
              pixels / 1e6,
              limit / 1e6));
    }
    // Some formats cannot compress beyond a fixed ratio, so a file too small for its declared
    // size was cut short: refusing it now avoids decoding megapixels of filler. Huffman-coded
    // JPEG spends at least one bit on every 8x8 block; one 12-bit LZW code in a GIF expands to
    // at most 4096 pixels.
    long blocks = ((width + 7L) / 8) * ((height + 7L) / 8);
    if (format == ImageFormat.JPEG && blocks > 8L * fileBytes
        || format == ImageFormat.GIF && pixels > 4096L * fileBytes) {
      throw ImageDecoder.corrupt(
          format,
          "it is truncated: "
              + width
              + "x"
              + height
              + " pixels cannot fit in "
              + fileBytes
              + " bytes",
          null);
    }
  }

  /**
   * An image within the limits whose decoding ran out of memory: too many pixels for this process,
   * said as such (not as a damaged file), with what would help.
   */
  static PaletteException tooLargeForMemory(int width, int height, long heapBytes) {
    return new PaletteException(
        ErrorCode.TOO_MANY_PIXELS,
        String.format(
            Locale.ROOT,
            "the image is %dx%d (%.1f megapixels), more than this process has the memory to decode"
                + " (%d MB of heap); give it more memory or send a smaller image",
            width,
            height,
            (long) width * height / 1e6,
            heapBytes >> 20));
  }

  /**
   * The JDK's BMP reader rejects a huge size with a vague "invalid width/height", so a BMP's
   * declared size is read from its header here, before the reader sees it.
   */
  static void checkBmp(byte[] b, ImageLimits limits) {
    if (b.length < 26) {
      return; // the reader reports the truncation
    }
    boolean core = (b[14] & 0xFF) == 12; // the old OS/2 header has 16-bit sizes
    int width = core ? (b[18] & 0xFF) | (b[19] & 0xFF) << 8 : le32(b, 18);
    int height = core ? (b[20] & 0xFF) | (b[21] & 0xFF) << 8 : le32(b, 22);
    if (width > 0 && height != 0 && height != Integer.MIN_VALUE) {
      check(ImageFormat.BMP, width, Math.abs(height), b.length, limits); // negative: top-down
    }
  }

  private static int le32(byte[] b, int pos) {
    return (b[pos] & 0xFF)
        | (b[pos + 1] & 0xFF) << 8
        | (b[pos + 2] & 0xFF) << 16
        | b[pos + 3] << 24;
  }
}
