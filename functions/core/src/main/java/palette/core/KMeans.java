package palette.core;

/** Deterministic k-means over the opaque pixels of an image. */
final class KMeans {
  private KMeans() {}

  /**
   * @throws PaletteException with {@link ErrorCode#NO_OPAQUE_PIXELS} when every pixel is
   *     transparent
   */
  static Clustering cluster(PixelImage image, PaletteOptions options) {
    throw new UnsupportedOperationException("KMeans.cluster");
  }
}
