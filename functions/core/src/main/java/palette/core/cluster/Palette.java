package palette.core.cluster;

import palette.core.options.ColorSpace;

/**
 * The final palette colours together with their coordinates in the clustering space; answers "which
 * palette colour is nearest" the same way for the bin table and for single pixels, with ties going
 * to the lowest index.
 */
final class Palette {
  private final ColorSpace space;
  private final int[] colors;
  private final double[] coordinates;
  private final int[][] channels;

  /**
   * @param colors distinct packed RGB colours
   */
  Palette(ColorSpace space, int[] colors) {
    this.space = space;
    this.colors = colors.clone();
    this.coordinates = new double[3 * colors.length];
    this.channels = new int[colors.length][];
    double[] at = new double[3];
    for (int i = 0; i < colors.length; i++) {
      int c = colors[i];
      channels[i] = new int[] {(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff};
      WeightedColors.coordinates(space, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, at);
      System.arraycopy(at, 0, coordinates, 3 * i, 3);
    }
  }

  ColorSpace space() {
    return space;
  }

  int size() {
    return colors.length;
  }

  int[] colors() {
    return colors.clone();
  }

  int color(int i) {
    return colors[i];
  }

  /** {@code {r, g, b}} of colour {@code i}; shared, callers must not modify it. */
  int[] channels(int i) {
    return channels[i];
  }

  /** The nearest palette colour to a packed RGB colour, measured in the clustering space. */
  int nearest(int rgb) {
    if (space == ColorSpace.OKLAB) {
      double[] at = new double[3];
      Oklab.fromRgb(rgb, at);
      return nearest(at);
    }
    int nearest = 0;
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < colors.length; i++) {
      int d = rgbDistance(i, rgb);
      if (d < min) {
        min = d;
        nearest = i;
      }
    }
    return nearest;
  }

  /** The nearest palette colour to a point of the clustering space. */
  int nearest(double[] point) {
    int nearest = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < colors.length; i++) {
      double d = distance(i, point);
      if (d < min) {
        min = d;
        nearest = i;
      }
    }
    return nearest;
  }

  /** Squared distance in the clustering space from colour {@code i} to {@code point}. */
  double distance(int i, double[] point) {
    double dx = point[0] - coordinates[3 * i];
    double dy = point[1] - coordinates[3 * i + 1];
    double dz = point[2] - coordinates[3 * i + 2];
    return dx * dx + dy * dy + dz * dz;
  }

  /** Squared RGB distance from colour {@code i} to a packed colour (what the MSE measures). */
  int rgbDistance(int i, int rgb) {
    int c = colors[i];
    int dr = ((c >> 16) & 0xff) - ((rgb >> 16) & 0xff);
    int dg = ((c >> 8) & 0xff) - ((rgb >> 8) & 0xff);
    int db = (c & 0xff) - (rgb & 0xff);
    return dr * dr + dg * dg + db * db;
  }
}
