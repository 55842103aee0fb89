package palette.core.options;

/**
 * How big an input may be. Both limits are checked before pixel memory is allocated, so a
 * decompression bomb costs a header read, not a gigabyte. Bounds and defaults are {@link
 * Option#MAX_PIXELS} and {@link Option#MAX_BYTES}.
 */
public record ImageLimits(long maxPixels, long maxBytes) {
  public ImageLimits {
    Option.MAX_PIXELS.check(maxPixels);
    Option.MAX_BYTES.check(maxBytes);
  }

  public static ImageLimits defaults() {
    return new ImageLimits(
        (Long) Option.MAX_PIXELS.defaultValue(), (Long) Option.MAX_BYTES.defaultValue());
  }
}
