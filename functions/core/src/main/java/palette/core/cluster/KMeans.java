package palette.core.cluster;

import java.util.Arrays;
import java.util.List;
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
 * points from the best of several seeded k-means++ starts ({@link MultiStart}), each step going
 * past the means while that pays ({@link Lloyd}); swap moves, and from k = 16 on bins split moves
 * ({@link LocalSearch}), leave the local optimum Lloyd stopped in when that lowers the error; on
 * bins, Lloyd then goes on from there on the distinct colours themselves, weighted by their pixel
 * counts (up to {@link ColorHistogram#COUNTED_COLORS} colours), which is k-means on every pixel:
 * the best {@link #EXACT_FINALISTS} results on bins each get their moves and {@link
 * #EXACT_FIRST_ITERATIONS} iterations on the colours, and the better goes on to the limit, with a
 * few more swap moves when the colours are few enough for them to be cheap (but when the bins are
 * too few for k, under {@link #BINS_PER_CLUSTER} a cluster, and the colours at most {@link
 * #SEARCH_COLORS}, the whole search runs on the colours, its starts screened on the bins); colours
 * closer than the eye can tell apart give way to unserved saturated details ({@link Accents}); the
 * centroids are rounded to 8-bit sRGB; a last pass gives every pixel its exact nearest palette
 * colour and measures the error over all pixels.
 *
 * <p>Why each step: bins make the search cheap, but a bin that straddles two clusters pulls both,
 * and the best start on bins is not always the best on pixels. On the held-out photos at k = 32 the
 * swap moves and the exact pass take the worst case from 5% above scikit-learn's best of ten to
 * 0.7%, at about 1.2–1.6 (k = 6) to 2.2 (k = 32) times the clustering time; the steps past the
 * means and the second finalist on the colours take it to 0.3% ({@code docs/quality.md}, change
 * 13). The limit bounds the Lloyd iterations of each stage; the iterations and stop reason reported
 * are those of the last stage, the one that gives the palette (on the colours, both its parts).
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
    int limit = options.limit();
    boolean exact = points.bin != null && histogram.colorCounts() != null;
    Lloyd.Result best;
    if (exact && points.size < BINS_PER_CLUSTER * k && distinct <= SEARCH_COLORS) {
      best = searchOnColors(histogram, space, points, k, limit, options.seed(), tolerance);
    } else {
      List<Lloyd.Result> finalists =
          MultiStart.cluster(
              points, k, limit, options.seed(), tolerance, exact ? EXACT_FINALISTS : 1);
      best =
          exact
              ? onColors(histogram, space, points, finalists, limit, tolerance)
              : LocalSearch.improve(points, finalists.get(0), limit, tolerance);
    }
    double[] centres =
        accents
            ? Accents.spread(points, best.centres(), space, options.limit(), tolerance)
            : best.centres();
    Palette palette = new Palette(space, rounded(centres, space));
    return finish(
        argb, histogram, palette, options.sort(), best.iterations(), best.stopReason(), distinct);
  }

  /**
   * Finalists on bins that go on to the distinct colours. Which ends best on the colours is not
   * told by the bins: on one held-out photo at k = 32, twelve finalists each taken through every
   * stage ended 0.1% to 1.1% above scikit-learn's best of ten, in an order their errors on bins did
   * not predict.
   */
  static final int EXACT_FINALISTS = 2;

  /**
   * Iterations on the distinct colours after which the finalists are compared: by then each is most
   * of the way to where twenty iterations take it.
   */
  static final int EXACT_FIRST_ITERATIONS = 5;

  /**
   * Each finalist's moves on bins ({@link LocalSearch}), then a few Lloyd iterations on the
   * distinct colours, weighted by their pixel counts; the lower error goes on to the limit, with a
   * few more moves when the colours are few enough for them to be cheap.
   */
  private static Lloyd.Result onColors(
      ColorHistogram histogram,
      ColorSpace space,
      WeightedColors bins,
      List<Lloyd.Result> finalists,
      int limit,
      double tolerance) {
    WeightedColors colors = WeightedColors.ofDistinctColors(histogram, space);
    int first = Math.min(limit, EXACT_FIRST_ITERATIONS);
    List<Lloyd.Result> compared =
        Parallel.tasks(
            finalists.size(),
            i -> {
              Lloyd.Result moved = LocalSearch.improve(bins, finalists.get(i), limit, tolerance);
              Bounds start = Bounds.ofColors(colors, histogram, moved.bounds());
              return Lloyd.iterate(colors, moved.centres().clone(), start, first, tolerance);
            });
    Lloyd.Result best = null;
    for (Lloyd.Result result : compared) {
      best = best == null || result.sse() < best.sse() ? result : best;
    }
    if (!best.stopReason().converged() && first < limit) {
      Lloyd.Result more = Lloyd.iterate(colors, best, limit - first, tolerance);
      best =
          new Lloyd.Result(
              more.centres(),
              first + more.iterations(),
              more.stopReason(),
              more.sse(),
              more.bounds());
    }
    int k = best.centres().length / 3;
    return LocalSearch.improve(
        colors, best, limit, tolerance, LocalSearch.exactTrials(colors.size, k));
  }

  /**
   * Bins per cluster below which the bins are too coarse to search on: a 640×480 photo of 14,000
   * colours in 3,900 bins, at k = 32, had 2% less error than scikit-learn's best of ten on the
   * bins' mean colours and 1.6% more on its pixels (change 14 in {@code docs/quality.md}).
   */
  static final int BINS_PER_CLUSTER = 128;

  /**
   * Distinct colours up to which the search runs on them when the bins are too few: about as many
   * points as a large photo's bins (17,000 to 35,000), so the search costs about what it costs
   * there.
   */
  static final int SEARCH_COLORS = 1 << 15;

  /**
   * The search of {@link MultiStart} on the distinct colours themselves, weighted by their pixel
   * counts, its starts screened on the bins; then swap and split moves on the colours.
   */
  private static Lloyd.Result searchOnColors(
      ColorHistogram histogram,
      ColorSpace space,
      WeightedColors bins,
      int k,
      int limit,
      long seed,
      double tolerance) {
    WeightedColors colors = WeightedColors.ofDistinctColors(histogram, space);
    Lloyd.Result found = MultiStart.cluster(colors, bins, k, limit, seed, tolerance, 1).get(0);
    Lloyd.Result swapped =
        LocalSearch.improve(colors, found, limit, tolerance, LocalSearch.binTrials(k));
    return LocalSearch.split(colors, swapped, limit, tolerance, LocalSearch.splitTrials(k));
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
