package palette.core.cluster;

/**
 * One palette colour and how much of the image it covers.
 *
 * @param color the cluster's centroid, rounded to 8-bit sRGB
 * @param pixels number of opaque pixels assigned to it
 * @param share {@code pixels} divided by all opaque pixels, 0 to 1
 */
public record Swatch(Rgb color, long pixels, double share) {
  public Swatch {
    if (color == null) {
      throw new IllegalArgumentException("color must not be null");
    }
    if (pixels < 1) {
      throw new IllegalArgumentException("pixels must be at least 1, was " + pixels);
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], was " + share);
    }
  }
}
