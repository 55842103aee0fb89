package palette.core.image;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * Checks a PNG's chunk structure before decoding. The JDK's PNG reader never verifies checksums and
 * trusts chunk lengths, so damage there would otherwise decode into wrong pixels or surface as an
 * obscure exception. Ancillary chunks with a bad checksum are tolerated, as libpng does.
 */
final class PngChunks {
  /** Deflate cannot compress better than about 1032:1; a little slack on top. */
  private static final long MAX_DEFLATE_RATIO = 1100;

  private PngChunks() {}

  static void check(byte[] b) {
    int pos = 8;
    long idatBytes = 0;
    long rawBytes = -1;
    boolean first = true;
    while (pos < b.length) {
      if (pos + 12 > b.length) {
        throw corrupt("it is truncated inside a chunk header");
      }
      long length = u32(b, pos);
      String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
      if (length > b.length - pos - 12L) {
        throw corrupt(
            "it is truncated or damaged: chunk "
                + printable(type)
                + " declares "
                + length
                + " bytes but only "
                + (b.length - pos - 12)
                + " remain");
      }
      int data = pos + 8;
      int end = data + (int) length;
      boolean critical = Character.isUpperCase(type.charAt(0));
      if (critical && crc(b, pos + 4, (int) length + 4) != u32(b, end)) {
        throw corrupt("the checksum of its " + printable(type) + " chunk does not match");
      }
      if (first && (!type.equals("IHDR") || length != 13)) {
        throw corrupt("it does not start with a valid IHDR chunk");
      }
      if (first) {
        rawBytes = rawBytes(b, data);
      }
      first = false;
      if (type.equals("IDAT")) {
        idatBytes += length;
      } else if (type.equals("IEND")) {
        break;
      }
      pos = end + 4;
    }
    if (rawBytes > 0 && idatBytes * MAX_DEFLATE_RATIO < rawBytes) {
      throw corrupt(
          "it is truncated: " + idatBytes + " bytes of image data cannot hold the declared size");
    }
  }

  /** The size of the uncompressed, non-interlaced scanlines the header declares, or -1. */
  private static long rawBytes(byte[] b, int ihdr) {
    long width = u32(b, ihdr);
    long height = u32(b, ihdr + 4);
    int depth = b[ihdr + 8] & 0xFF;
    int channels =
        switch (b[ihdr + 9] & 0xFF) {
          case 0, 3 -> 1;
          case 2 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 0;
        };
    if (channels == 0 || width == 0 || height == 0) {
      return -1; // the decoder names the problem
    }
    return height * (1 + (width * channels * depth + 7) / 8);
  }

  private static long crc(byte[] b, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(b, offset, length);
    return crc.getValue();
  }

  private static long u32(byte[] b, int pos) {
    return (b[pos] & 0xFFL) << 24
        | (b[pos + 1] & 0xFF) << 16
        | (b[pos + 2] & 0xFF) << 8
        | b[pos + 3] & 0xFF;
  }

  private static String printable(String type) {
    return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? type : "?";
  }

  private static PaletteException corrupt(String why) {
    return new PaletteException(ErrorCode.CORRUPT_IMAGE, "the PNG image cannot be read: " + why);
  }
}
