package palette.core.image;

import java.nio.charset.StandardCharsets;
import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * The image formats we decode, recognised by their leading bytes only: a file's name or declared
 * content type is never trusted, so a text file named {@code .jpg} is rejected before any decoder
 * sees it.
 */
enum ImageFormat {
  JPEG("JPEG"),
  PNG("PNG"),
  GIF("GIF"),
  BMP("BMP"),
  WEBP("WebP");

  private final String displayName;

  ImageFormat(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }

  /**
   * The format of {@code bytes}.
   *
   * @throws PaletteException {@link ErrorCode#UNSUPPORTED_IMAGE} for a recognised image format we
   *     do not decode (TIFF, HEIF, AVIF, ...), {@link ErrorCode#NOT_AN_IMAGE} for anything else
   */
  static ImageFormat sniff(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8)) {
      return JPEG;
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
      return GIF;
    }
    if (ascii(bytes, 0, "BM") && isBmpInfoHeaderSize(bytes)) {
      return BMP;
    }
    if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
      return WEBP;
    }
    String other = otherImageFormat(bytes);
    if (other != null) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE,
          other + " images are not supported; use JPEG, PNG, GIF, BMP or WebP");
    }
    throw new PaletteException(
        ErrorCode.NOT_AN_IMAGE,
        bytes.length == 0
            ? "the file is empty"
            : looksLikeText(bytes)
                ? "the file is text, not an image"
                : "the file is not a JPEG, PNG, GIF, BMP or WebP image");
  }

  /** A BMP's second header starts with its own size, one of a few fixed values. */
  private static boolean isBmpInfoHeaderSize(byte[] bytes) {
    if (bytes.length < 18) {
      return false;
    }
    int size =
        (bytes[14] & 0xFF)
            | (bytes[15] & 0xFF) << 8
            | (bytes[16] & 0xFF) << 16
            | (bytes[17] & 0xFF) << 24;
    return size == 12
        || size == 16
        || size == 40
        || size == 52
        || size == 56
        || size == 64
        || size == 108
        || size == 124;
  }

  /** Image formats people commonly upload that we recognise but do not decode. */
  private static String otherImageFormat(byte[] bytes) {
    if (ascii(bytes, 0, "II*\0") || ascii(bytes, 0, "MM\0*")) {
      return "TIFF";
    }
    if (ascii(bytes, 4, "ftyp")) {
      String brand = bytes.length >= 12 ? new String(bytes, 8, 4, StandardCharsets.US_ASCII) : "";
      return brand.startsWith("avi") ? "AVIF" : brand.startsWith("he") ? "HEIF" : null;
    }
    if (startsWith(bytes, 0, 0xFF, 0x0A)
        || startsWith(bytes, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
      return "JPEG XL";
    }
    if (startsWith(bytes, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ')
        || startsWith(bytes, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
      return "JPEG 2000";
    }
    if (ascii(bytes, 0, "8BPS")) {
      return "Photoshop";
    }
    if (startsWith(bytes, 0, 0, 0, 1, 0) && bytes.length >= 22) {
      return "ICO";
    }
    if (ascii(bytes, 0, "qoif")) {
      return "QOI";
    }
    return null;
  }

  /** Printable ASCII and whitespace only in the first bytes: a name, HTML, JSON, an error page. */
  private static boolean looksLikeText(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 256); i++) {
      int c = bytes[i] & 0xFF;
      if ((c < 0x20 || c > 0x7E) && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] bytes, int offset, String expected) {
    int[] values = expected.chars().toArray();
    return startsWith(bytes, offset, values);
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
