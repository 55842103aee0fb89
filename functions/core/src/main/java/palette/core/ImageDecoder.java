package palette.core;

/**
 * Turns untrusted bytes into a {@link PixelImage}: format sniffed from the bytes, header checked
 * against the limits before any pixel memory is allocated, EXIF orientation applied.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * @throws PaletteException with {@link ErrorCode#FILE_TOO_LARGE}, {@link ErrorCode#NOT_AN_IMAGE},
   *     {@link ErrorCode#UNSUPPORTED_IMAGE}, {@link ErrorCode#TOO_MANY_PIXELS} or {@link
   *     ErrorCode#CORRUPT_IMAGE}; never any other exception
   */
  static PixelImage decode(byte[] bytes, ImageLimits limits) {
    throw new UnsupportedOperationException("ImageDecoder.decode");
  }
}
