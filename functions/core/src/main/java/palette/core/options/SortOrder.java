package palette.core.options;

/** The order of colours in the palette, the swatch band and every export. */
public enum SortOrder {
  /** Largest share of pixels first (ties broken by packed RGB value). */
  SHARE,
  /** By OKLCh hue angle, greys (chroma below a small threshold) first, darkest first. */
  HUE,
  /** By OKLab lightness, darkest first. */
  LIGHTNESS;

  /** Parses {@code share}, {@code hue} or {@code lightness}, any case. */
  public static SortOrder parse(String text) {
    return valueOf(((String) Option.SORT.parseText(text)).toUpperCase(java.util.Locale.ROOT));
  }

  /** The lower-case name used on the command line and in documents. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
