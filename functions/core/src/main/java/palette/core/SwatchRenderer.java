package palette.core;

import java.util.List;

/** The original image with a palette band, 1/5 of its height, added along the bottom. */
final class SwatchRenderer {
  private SwatchRenderer() {}

  static PixelImage render(PixelImage image, List<Swatch> swatches, boolean equalStripes) {
    throw new UnsupportedOperationException("SwatchRenderer.render");
  }
}
