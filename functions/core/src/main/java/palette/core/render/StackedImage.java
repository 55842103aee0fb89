package palette.core.render;

import java.util.List;
import palette.core.image.PixelImage;

/**
 * Images of one width, one above the other, as one picture. The swatch image is the photo above its
 * palette band; stacking them here instead of copying both into one array keeps a 24-megapixel
 * photo from costing another 115 MB while its swatch image is encoded.
 */
public record StackedImage(List<PixelImage> parts) {
  public StackedImage {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts must not be empty");
    }
    for (PixelImage part : parts) {
      if (part.width() != parts.get(0).width()) {
        throw new IllegalArgumentException(
            "parts must have one width, were " + parts.get(0).width() + " and " + part.width());
      }
    }
  }

  public static StackedImage of(PixelImage... parts) {
    return new StackedImage(List.of(parts));
  }

  public int width() {
    return parts.get(0).width();
  }

  public int height() {
    int height = 0;
    for (PixelImage part : parts) {
      height += part.height();
    }
    return height;
  }

  /** The packed ARGB pixel at column {@code x} of row {@code y} of the whole picture. */
  public int argb(int x, int y) {
    int row = y;
    for (PixelImage part : parts) {
      if (row < part.height()) {
        return part.argb(x, row);
      }
      row -= part.height();
    }
    throw new IndexOutOfBoundsException("row " + y + " of " + height());
  }
}
