package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.Fixtures;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;

/**
 * A photo whose colours fill few bins for the number of colours asked for (the Hubble deep field
 * shrunk to a third: 13,053 colours in 4,675 bins), where the search runs on the colours ({@link
 * KMeans#BINS_PER_CLUSTER}): the palette's error, 8-bit colours on both sides, is within 0.5% of
 * the best of ten plain Lloyd runs on the colours to convergence from k-means++ starts, which is
 * scikit-learn's method.
 */
class CoarseBinsTest {
  @ParameterizedTest
  @ValueSource(ints = {40, 44, 48})
  void whereTheBinsAreFewTheResultMatchesTheBestOfTenOnTheColours(int k) {
    PixelImage image = HUBBLE_THIRD;
    int[] argb = image.pixels();
    ColorHistogram histogram = ColorHistogram.of(argb);
    assertThat(WeightedColors.of(histogram, ColorSpace.RGB).size)
        .isLessThan(KMeans.BINS_PER_CLUSTER * k);
    WeightedColors colors = WeightedColors.ofDistinctColors(histogram, ColorSpace.RGB);

    Clustering ours = KMeans.cluster(image, PaletteOptions.defaults().withK(k), false);

    double reference = Double.POSITIVE_INFINITY;
    for (int s = 0; s < 10; s++) {
      double[] start = KMeansPlusPlus.seed(colors, k, new SplitMix(1000 + s));
      Lloyd.Result run = Lloyd.plain(colors, start, 300, 0);
      reference = Math.min(reference, mse8(colors, run.centres(), histogram.opaquePixels, k));
    }
    assertThat(ours.mse()).isLessThanOrEqualTo(reference * 1.005);
  }

  static final PixelImage HUBBLE_THIRD =
      reduced(
          ImageDecoder.decode(
              Fixtures.bytes("photos/hubble_deep_field.jpg"), ImageLimits.defaults()),
          3);

  /** The image shrunk by {@code by} in each direction, each pixel the mean of a square of them. */
  static PixelImage reduced(PixelImage image, int by) {
    int w = image.width() / by;
    int h = image.height() / by;
    int[] argb = new int[w * h];
    int[] from = image.pixels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] sum = new int[3];
        for (int dy = 0; dy < by; dy++) {
          for (int dx = 0; dx < by; dx++) {
            int p = from[(y * by + dy) * image.width() + x * by + dx];
            sum[0] += (p >> 16) & 0xff;
            sum[1] += (p >> 8) & 0xff;
            sum[2] += p & 0xff;
          }
        }
        int n = by * by;
        argb[y * w + x] =
            0xff000000
                | Math.round((float) sum[0] / n) << 16
                | Math.round((float) sum[1] / n) << 8
                | Math.round((float) sum[2] / n);
      }
    }
    return new PixelImage(w, h, argb);
  }

  /** Mean squared error of the points with the centres rounded to 8-bit colours. */
  private static double mse8(WeightedColors points, double[] centres, long pixels, int k) {
    double[] rounded = new double[centres.length];
    for (int i = 0; i < centres.length; i++) {
      rounded[i] = Math.max(0, Math.min(255, Math.rint(centres[i])));
    }
    double sse = 0;
    for (int i = 0; i < points.size; i++) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        nearest = Math.min(nearest, Lloyd.squared(points, i, rounded, c));
      }
      sse += points.weight[i] * nearest;
    }
    return sse / pixels;
  }
}
