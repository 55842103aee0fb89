package palette.core;

import java.util.List;

/** Palette files other tools read: CSS custom properties, GIMP palette, Adobe Swatch Exchange. */
final class PaletteExports {
  private PaletteExports() {}

  static String css(List<Swatch> swatches) {
    throw new UnsupportedOperationException("css");
  }

  static String gpl(List<Swatch> swatches, String name) {
    throw new UnsupportedOperationException("gpl");
  }

  static byte[] ase(List<Swatch> swatches) {
    throw new UnsupportedOperationException("ase");
  }
}
