package palette.core.image;

import java.util.Arrays;

/**
 * A decoded image as packed {@code 0xAARRGGBB} ints in row-major order, already rotated to its EXIF
 * orientation. Immutable: the constructor copies its array and {@link #argb()} returns a copy; the
 * engine's stages read the pixels in place through {@link #pixels()} and hand over fresh arrays
 * through {@link #adopt}, so a 40-megapixel image is never copied between stages.
 */
public final class PixelImage {
  private final int width;
  private final int height;
  private final int[] argb;

  public PixelImage(int width, int height, int[] argb) {
    this(width, height, argb.clone(), true);
  }

  private PixelImage(int width, int height, int[] argb, boolean owned) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image must be at least 1x1, was " + width + "x" + height);
    }
    if ((long) width * height != argb.length) {
      throw new IllegalArgumentException(
          "expected "
              + (long) width * height
              + " pixels for "
              + width
              + "x"
              + height
              + ", got "
              + argb.length);
    }
    this.width = width;
    this.height = height;
    this.argb = argb;
  }

  /** Takes ownership of a freshly made array without copying it (decoders and renderers). */
  public static PixelImage adopt(int width, int height, int[] argb) {
    return new PixelImage(width, height, argb, true);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** A copy of the pixels. */
  public int[] argb() {
    return argb.clone();
  }

  /** The pixel at (x, y). */
  public int argb(int x, int y) {
    return argb[y * width + x];
  }

  /** The backing array, read in place by the engine's stages, which must never write to it. */
  public int[] pixels() {
    return argb;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PixelImage that
        && width == that.width
        && height == that.height
        && Arrays.equals(argb, that.argb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(argb);
  }

  @Override
  public String toString() {
    return "PixelImage[" + width + "x" + height + "]";
  }
}
