package palette.core.options;

/** The space k-means measures distances in; results are always reported in sRGB. */
public enum ColorSpace {
  /** Euclidean distance on 8-bit sRGB values, as the original tool did. */
  RGB,
  /** OKLab, where equal distances look about equally different to a person. */
  OKLAB;

  /** Parses {@code rgb} or {@code oklab}, any case. */
  public static ColorSpace parse(String text) {
    return valueOf(((String) Option.SPACE.parseText(text)).toUpperCase(java.util.Locale.ROOT));
  }

  /** The lower-case name used on the command line and in documents. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
