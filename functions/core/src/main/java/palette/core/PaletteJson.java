package palette.core;

/** Writes a {@link PaletteDocument} as JSON with a fixed field order. */
final class PaletteJson {
  private PaletteJson() {}

  static String write(PaletteDocument document, boolean withTimings) {
    throw new UnsupportedOperationException("PaletteJson.write");
  }
}
