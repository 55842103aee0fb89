package palette.core.image;

/**
 * Turns stored pixels upright according to an EXIF orientation value, so that every output (swatch,
 * replaced image, scatter) shows the picture the way a viewer does. Orientations 5 to 8 swap width
 * and height.
 */
final class OrientationTransform {
  private OrientationTransform() {}

  /**
   * The upright image; {@code argb} is adopted as is for orientation 1, otherwise left untouched.
   */
  static PixelImage apply(int orientation, int width, int height, int[] argb) {
    if (orientation < 2 || orientation > 8) {
      return PixelImage.adopt(width, height, argb);
    }
    int outWidth = swapsSides(orientation) ? height : width;
    int outHeight = swapsSides(orientation) ? width : height;
    int[] out = new int[argb.length];
    for (int y = 0; y < outHeight; y++) {
      int row = y * outWidth;
      for (int x = 0; x < outWidth; x++) {
        out[row + x] = argb[source(orientation, width, height, x, y)];
      }
    }
    return PixelImage.adopt(outWidth, outHeight, out);
  }

  /** The stored index of upright pixel (x, y); width and height are the stored dimensions. */
  private static int source(int orientation, int width, int height, int x, int y) {
    return switch (orientation) {
      case 2 -> y * width + (width - 1 - x); // mirrored left-right
      case 3 -> (height - 1 - y) * width + (width - 1 - x); // rotated 180
      case 4 -> (height - 1 - y) * width + x; // mirrored top-bottom
      case 5 -> x * width + y; // transposed
      case 6 -> (height - 1 - x) * width + y; // stored rotated 90 counter-clockwise
      case 7 -> (height - 1 - x) * width + (width - 1 - y); // transversed
      case 8 -> x * width + (width - 1 - y); // stored rotated 90 clockwise
      default -> y * width + x;
    };
  }

  /** Whether the upright image is the stored one's height wide (orientations 5 to 8). */
  static boolean swapsSides(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * Where stored pixel (x, y) goes in the upright array: the inverse of {@link #source}, and linear
   * in x along a row. Width and height are the stored dimensions.
   */
  static int uprightIndex(int orientation, int width, int height, int x, int y) {
    return switch (orientation) {
      case 2 -> y * width + (width - 1 - x);
      case 3 -> (height - 1 - y) * width + (width - 1 - x);
      case 4 -> (height - 1 - y) * width + x;
      case 5 -> x * height + y;
      case 6 -> x * height + (height - 1 - y);
      case 7 -> (width - 1 - x) * height + (height - 1 - y);
      case 8 -> (width - 1 - x) * height + y;
      default -> y * width + x;
    };
  }
}
