package palette.core.cluster;

import java.util.Arrays;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;
import palette.core.options.SortOrder;

/**
 * Deterministic k-means over the opaque pixels of an image.
 *
 * <p>How: one pass builds a colour histogram; the pixels are reduced to weighted points (each
 * distinct colour when there are at most {@link WeightedColors#EXACT_LIMIT}, otherwise each
 * non-empty bin of 4×4×4 colours at its pixels' mean colour); Lloyd's algorithm runs on those
 * points from the best of several seeded k-means++ starts ({@link MultiStart}); swap moves, and
 * from k = 16 on bins split moves ({@link LocalSearch}), leave the local optimum Lloyd stopped in
 * when that lowers the error; on bins, Lloyd then goes on from there on the distinct colours
 * themselves, weighted by their pixel counts (up to {@link ColorHistogram#COUNTED_COLORS} colours),
 * which is k-means on every pixel, with a few more swap moves when the colours are few enough for
 * them to be cheap; colours closer than the eye can tell apart give way to unserved saturated
 * details ({@link Accents}); the centroids are rounded to 8-bit sRGB; a last pass gives every pixel
 * its exact nearest palette colour and measures the error over all pixels.
 *
 * <p>Why each step: bins make the search cheap, but a bin that straddles two clusters pulls both,
 * and the best start on bins is not always the best on pixels. On the held-out photos at k = 32 the
 * swap moves and the exact pass take the worst case from 5% above scikit-learn's best of ten to
 * 0.7%, at about 1.2–1.6 (k = 6) to 2.2 (k = 32) times the clustering time ({@code
 * docs/quality.md}). The limit bounds the Lloyd iterations of each stage; the iterations and stop
 * reason reported are those of the last stage, the one that gives the palette.
 *
 * <p>The same pixels and options give the same result on every run and machine: the random numbers
 * come from a fixed algorithm ({@link SplitMix}), every floating-point sum runs in a fixed order on
 * one thread, and the passes over pixels that use several cores only add integers.
 */
public final class KMeans {
  private KMeans() {}

  /**
   * @throws PaletteException with {@link ErrorCode#NO_OPAQUE_PIXELS} when every pixel is
   *     transparent
   */
  public static Clustering cluster(PixelImage image, PaletteOptions options) {
    return cluster(image, options, true);
  }

  /**
   * As {@link #cluster(PixelImage, PaletteOptions)}; without {@code accents}, the palette is the
   * k-means result as it is, near-identical colours and all, which is what the quality bench
   * compares with other k-means implementations.
   */
  static Clustering cluster(PixelImage image, PaletteOptions options, boolean accents) {
    int[] argb = image.pixels();
    ColorHistogram histogram = ColorHistogram.of(argb);
    if (histogram.opaquePixels == 0) {
      throw new PaletteException(
          ErrorCode.NO_OPAQUE_PIXELS,
          "the image has no opaque pixels (every pixel's alpha is below 50%), so it has no colours");
    }
    int distinct = histogram.distinctColors();
    ColorSpace space = options.space();
    if (distinct <= options.k()) {
      Palette palette = new Palette(space, histogram.colors());
      return finish(
          argb, histogram, palette, options.sort(), 0, StopReason.FEW_DISTINCT_COLORS, distinct);
    }
    int k = options.k();
    WeightedColors points = WeightedColors.of(histogram, space);
    double tolerance = WeightedColors.tolerance(space);
    Lloyd.Result best = MultiStart.cluster(points, k, options.limit(), options.seed(), tolerance);
    best = LocalSearch.improve(points, best, options.limit(), tolerance);
    if (points.bin != null && histogram.colorCounts() != null) {
      WeightedColors colors = WeightedColors.ofDistinctColors(histogram, space);
      Bounds start = Bounds.ofColors(colors, histogram, best.bounds());
      best = Lloyd.iterate(colors, best.centres().clone(), start, options.limit(), tolerance);
      best =
          LocalSearch.improve(
              colors, best, options.limit(), tolerance, LocalSearch.exactTrials(colors.size, k));
    }
    double[] centres =
        accents
            ? Accents.spread(points, best.centres(), space, options.limit(), tolerance)
            : best.centres();
    Palette palette = new Palette(space, rounded(centres, space));
    return finish(
        argb, histogram, palette, options.sort(), best.iterations(), best.stopReason(), distinct);
  }

  /** The centres as 8-bit sRGB, dropping any that round to a colour already taken. */
  static int[] rounded(double[] centres, ColorSpace space) {
    int[] colors = new int[centres.length / 3];
    int n = 0;
    for (int c = 0; c < colors.length; c++) {
      int rgb = WeightedColors.toRgb(space, centres[3 * c], centres[3 * c + 1], centres[3 * c + 2]);
      boolean taken = false;
      for (int i = 0; i < n && !taken; i++) {
        taken = colors[i] == rgb;
      }
      if (!taken) {
        colors[n++] = rgb;
      }
    }
    return Arrays.copyOf(colors, n);
  }

  /**
   * Labels every pixel; a palette colour that ends up nearest to no pixel (possible only after
   * rounding) is dropped and the pixels are labelled again, so no cluster is ever empty.
   */
  private static Clustering finish(
      int[] argb,
      ColorHistogram histogram,
      Palette palette,
      SortOrder order,
      int iterations,
      StopReason reason,
      int distinct) {
    PixelLabels labels = PixelLabels.of(argb, histogram, palette, order);
    int[] used = usedColors(palette, labels);
    if (used.length < palette.size()) {
      return finish(
          argb, histogram, new Palette(palette.space(), used), order, iterations, reason, distinct);
    }
    return new Clustering(
        labels.palette().colors(),
        labels.labels(),
        labels.counts(),
        iterations,
        reason,
        (double) labels.sse() / histogram.opaquePixels,
        distinct);
  }

  /** The colours of {@code palette} some pixel is labelled with, in the palette's own order. */
  private static int[] usedColors(Palette palette, PixelLabels labels) {
    int[] used = new int[palette.size()];
    int n = 0;
    for (int c = 0; c < palette.size(); c++) {
      for (int j = 0; j < labels.counts().length; j++) {
        if (labels.palette().color(j) == palette.color(c) && labels.counts()[j] > 0) {
          used[n++] = palette.color(c);
        }
      }
    }
    return Arrays.copyOf(used, n);
  }
}
