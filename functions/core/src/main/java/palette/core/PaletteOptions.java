package palette.core;

/**
 * Everything a caller can choose about one palette run. Validated here, once, with messages that
 * name the option and its allowed range, so every front end (command line, S3 metadata, API)
 * reports the same sentence.
 *
 * @param k number of colours, 1 to 64
 * @param limit maximum number of k-means iterations, 1 to 1000
 * @param space the colour space distances are measured in
 * @param seed seed of the k-means++ initialisation; the same seed gives the same palette
 * @param sort order of the colours in every output
 * @param equalStripes swatch stripes of equal width (the original's look) instead of by share
 * @param plotPoints most points drawn in the 3D scatter, 100 to 80,000 (so the figure stays under 1
 *     MB)
 * @param limits input size limits
 */
public record PaletteOptions(
    int k,
    int limit,
    ColorSpace space,
    long seed,
    SortOrder sort,
    boolean equalStripes,
    int plotPoints,
    ImageLimits limits) {

  public static final int MAX_K = 64;
  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_K = 6;
  public static final int DEFAULT_LIMIT = 20;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_PLOT_POINTS = 20_000;
  public static final int MIN_PLOT_POINTS = 100;
  public static final int MAX_PLOT_POINTS = 80_000;

  public PaletteOptions {
    checkRange("k", k, 1, MAX_K);
    checkRange("limit", limit, 1, MAX_LIMIT);
    checkRange("plotPoints", plotPoints, MIN_PLOT_POINTS, MAX_PLOT_POINTS);
    if (space == null || sort == null || limits == null) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION, "space, sort and limits must not be null");
    }
  }

  /** k=6, limit=20, RGB, seed 42, by share, proportional stripes, 20,000 plot points. */
  public static PaletteOptions defaults() {
    return new PaletteOptions(
        DEFAULT_K,
        DEFAULT_LIMIT,
        ColorSpace.RGB,
        DEFAULT_SEED,
        SortOrder.SHARE,
        false,
        DEFAULT_PLOT_POINTS,
        ImageLimits.defaults());
  }

  public PaletteOptions withK(int k) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withLimit(int limit) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withSpace(ColorSpace space) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withSeed(long seed) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withSort(SortOrder sort) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withEqualStripes(boolean equalStripes) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withPlotPoints(int plotPoints) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  public PaletteOptions withLimits(ImageLimits limits) {
    return new PaletteOptions(k, limit, space, seed, sort, equalStripes, plotPoints, limits);
  }

  private static void checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION,
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
