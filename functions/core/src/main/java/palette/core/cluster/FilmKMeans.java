package palette.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * The film palette: the same seeded k-means as a single image ({@link MultiStart}, centres rounded
 * to 8-bit sRGB), run on the {@link PooledHistogram} of all the stills instead of one image's
 * histogram. Shares are weighted so every still counts the same.
 */
public final class FilmKMeans {
  private FilmKMeans() {}

  /**
   * @param swatches the film palette in the chosen sort order
   */
  public record Result(
      List<Swatch> swatches, int distinctColors, int iterations, StopReason stopReason) {}

  public static Result cluster(PooledHistogram pooled, PaletteOptions options) {
    int distinct = pooled.distinctColors();
    ColorSpace space = options.space();
    if (distinct <= options.k()) {
      Palette palette = new Palette(space, pooled.colors());
      return finish(pooled, palette, 0, StopReason.FEW_DISTINCT_COLORS, distinct, options);
    }
    Lloyd.Result best =
        MultiStart.cluster(
                pooled.points(space),
                options.k(),
                options.limit(),
                options.seed(),
                WeightedColors.tolerance(space),
                1)
            .get(0);
    Palette palette = new Palette(space, KMeans.rounded(best.centres(), space));
    return finish(pooled, palette, best.iterations(), best.stopReason(), distinct, options);
  }

  /** Drops a rounded colour nearest to nothing (as {@link KMeans} does) and sorts the rest. */
  private static Result finish(
      PooledHistogram pooled,
      Palette palette,
      int iterations,
      StopReason reason,
      int distinct,
      PaletteOptions options) {
    PooledHistogram.Masses masses = pooled.assign(palette);
    long[] weights = masses.weights();
    int[] used = new int[palette.size()];
    int n = 0;
    for (int c = 0; c < weights.length; c++) {
      if (weights[c] > 0) {
        used[n++] = palette.color(c);
      }
    }
    if (n < palette.size()) {
      Palette smaller = new Palette(palette.space(), Arrays.copyOf(used, n));
      return finish(pooled, smaller, iterations, reason, distinct, options);
    }
    int[] colors = palette.colors();
    Integer[] rank = new Integer[colors.length];
    Arrays.setAll(rank, i -> i);
    Arrays.sort(rank, Ordered.comparator(options.sort(), colors, weights));
    List<Swatch> swatches = new ArrayList<>(colors.length);
    double total = pooled.totalWeight();
    for (int c : rank) {
      swatches.add(new Swatch(Rgb.of(colors[c]), masses.pixels()[c], weights[c] / total));
    }
    return new Result(swatches, distinct, iterations, reason);
  }
}
