package palette.core;

/**
 * Checks a WebP's RIFF structure before decoding. The lossless decoder does not notice when its
 * data runs out and returns an image padded with made-up pixels, so a file shorter than its RIFF
 * header declares, or a chunk that runs past the end, is refused here as truncated.
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
      pos += 8 + (int) size + (int) (size & 1);
    }
  }

  private static long u32le(byte[] b, int pos) {
    return (b[pos] & 0xFF)
        | (b[pos + 1] & 0xFF) << 8
        | (b[pos + 2] & 0xFF) << 16
        | (b[pos + 3] & 0xFFL) << 24;
  }

  private static PaletteException corrupt(String why) {
    return new PaletteException(ErrorCode.CORRUPT_IMAGE, "the WebP image cannot be read: " + why);
  }
}
