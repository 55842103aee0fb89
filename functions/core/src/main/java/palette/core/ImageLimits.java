package palette.core;

/**
 * How big an input may be. Both limits are checked before pixel memory is allocated, so a
 * decompression bomb costs a header read, not a gigabyte.
 */
public record ImageLimits(long maxPixels, long maxBytes) {
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  public ImageLimits {
    if (maxPixels < 1) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION, "maxPixels must be at least 1, was " + maxPixels);
    }
    if (maxBytes < 1) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION, "maxBytes must be at least 1, was " + maxBytes);
    }
  }

  public static ImageLimits defaults() {
    return new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES);
  }
}
