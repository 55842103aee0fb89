package palette.core.image;

import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * Checks a WebP's RIFF structure before decoding, as libwebp does. The lossless decoder does not
 * notice when its data runs out and returns an image padded with made-up pixels, so a file shorter
 * than its RIFF header declares, or a chunk that runs past the end, is refused as truncated. And a
 * still image whose extended header declares a canvas larger than the image itself would make the
 * decoder fill megapixels of nothing, so the two sizes must agree.
 */
final class WebpChunks {
  private WebpChunks() {}

  static void check(byte[] b) {
    long declared = u32le(b, 4) + 8;
    if (declared > b.length) {
      throw corrupt(
          "it is truncated: its header declares " + declared + " bytes, the file has " + b.length);
    }
    int pos = 12;
    int end = (int) declared;
    long canvas = -1;
    long image = -1;
    boolean animation = false;
    while (pos < end) {
      if (pos + 8 > end) {
        throw corrupt("it is truncated inside a chunk header");
      }
      long size = u32le(b, pos + 4);
      if (size > end - pos - 8L) {
        throw corrupt(
            "it is truncated: a chunk declares "
                + size
                + " bytes but only "
                + (end - pos - 8)
                + " remain");
      }
      int data = pos + 8;
      String type = new String(b, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (type.equals("VP8X") && size >= 10) {
        canvas = (u24le(b, data + 4) + 1) << 32 | (u24le(b, data + 7) + 1);
      } else if (type.equals("ANIM") || type.equals("ANMF")) {
        animation = true;
      } else if (image < 0 && type.equals("VP8L") && size >= 5) {
        long bits = u32le(b, data + 1);
        image = ((bits & 0x3FFF) + 1) << 32 | ((bits >> 14 & 0x3FFF) + 1);
      } else if (image < 0 && type.equals("VP8 ") && size >= 10) {
        image = (long) (u16le(b, data + 6) & 0x3FFF) << 32 | (u16le(b, data + 8) & 0x3FFF);
      }
      pos = data + (int) size + (int) (size & 1);
    }
    if (image < 0 && !animation) {
      throw corrupt("it holds no image data");
    }
    // An animation keeps its frames inside ANMF chunks: a top-level frame means a still image.
    if (canvas >= 0 && image >= 0 && canvas != image) {
      throw corrupt(
          "its canvas of " + size(canvas) + " pixels does not match its image of " + size(image));
    }
  }

  private static String size(long packed) {
    return (packed >>> 32) + "x" + (packed & 0xFFFFFFFFL);
  }

  private static int u16le(byte[] b, int pos) {
    return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
  }

  private static long u24le(byte[] b, int pos) {
    return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16;
  }

  private static long u32le(byte[] b, int pos) {
    return u24le(b, pos) | (b[pos + 3] & 0xFFL) << 24;
  }

  private static PaletteException corrupt(String why) {
    return new PaletteException(ErrorCode.CORRUPT_IMAGE, "the WebP image cannot be read: " + why);
  }
}
