package palette.core.options;

import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * Everything a caller can choose about one palette run. Validated here, once, with messages that
 * name the option and its allowed range, so every front end (command line, S3 metadata, API)
 * reports the same sentence. Names, defaults and ranges are {@link Option}'s.
 *
 * @param k number of colours
 * @param limit maximum number of k-means iterations
 * @param space the colour space distances are measured in
 * @param seed seed of the k-means++ initialisation; the same seed gives the same palette
 * @param sort order of the colours in every output
 * @param equalStripes swatch stripes of equal width (the original's look) instead of by share
 * @param plotPoints most points drawn in the 3D scatter (at most 80,000, so the figure stays under
 *     1 MB)
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

  public PaletteOptions {
    Option.K.check(k);
    Option.LIMIT.check(limit);
    Option.SEED.check(seed);
    Option.PLOT_POINTS.check(plotPoints);
    if (space == null || sort == null || limits == null) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION, "space, sort and limits must not be null");
    }
  }

  /** Every option at its {@link Option#defaultValue()}. */
  public static PaletteOptions defaults() {
    return new PaletteOptions(
        Math.toIntExact((Long) Option.K.defaultValue()),
        Math.toIntExact((Long) Option.LIMIT.defaultValue()),
        ColorSpace.RGB,
        (Long) Option.SEED.defaultValue(),
        SortOrder.SHARE,
        (Boolean) Option.EQUAL_STRIPES.defaultValue(),
        Math.toIntExact((Long) Option.PLOT_POINTS.defaultValue()),
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
}
