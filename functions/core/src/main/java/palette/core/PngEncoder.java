package palette.core;

/** PNG encoding, deterministic bytes for identical pixels. */
final class PngEncoder {
  private PngEncoder() {}

  /** A truecolour PNG (with alpha only if some pixel is not fully opaque). */
  static byte[] encode(PixelImage image) {
    throw new UnsupportedOperationException("PngEncoder.encode");
  }

  /**
   * An indexed PNG whose palette is exactly {@code colors} (plus one fully transparent entry when
   * some label is -1); pixel {@code i} gets colour {@code labels[i]}.
   */
  static byte[] encodeIndexed(int width, int height, byte[] labels, int[] colors) {
    throw new UnsupportedOperationException("PngEncoder.encodeIndexed");
  }
}
