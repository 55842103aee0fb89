package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.options.ColorSpace;

/**
 * Bounds handed from one run to the next only save distance computations: going on from them gives
 * exactly what fresh bounds give, on random photos-like images.
 */
class BoundsTest {
  private static final double TOLERANCE = Clustering.TOLERANCE;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void goingOnFromAResultIsGoingOnFromItsCentres(long seed) {
    WeightedColors bins = WeightedColors.of(ColorHistogram.of(blobs(seed)), ColorSpace.RGB);
    int k = 4 + (int) (seed * 5 % 29);
    Lloyd.Result first = Lloyd.run(bins, k, 2, new SplitMix(seed), TOLERANCE);
    double[] centres = first.centres().clone();

    Lloyd.Result resumed = Lloyd.iterate(bins, first, 20, TOLERANCE);
    Lloyd.Result again = Lloyd.iterate(bins, first, 20, TOLERANCE);
    Lloyd.Result fresh = Lloyd.iterate(bins, centres.clone(), 20, TOLERANCE);

    assertSame(resumed, fresh);
    assertSame(again, fresh);
    assertThat(first.centres()).containsExactly(centres);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void theColoursStartFromTheirBinsBoundsAsFromFreshOnes(long seed) {
    ColorHistogram histogram = ColorHistogram.of(blobs(seed));
    WeightedColors bins = WeightedColors.of(histogram, ColorSpace.RGB);
    assertThat(bins.bin).as("more colours than the exact limit").isNotNull();
    int k = 4 + (int) (seed * 7 % 29);
    Lloyd.Result onBins = Lloyd.run(bins, k, 20, new SplitMix(seed), TOLERANCE);
    WeightedColors colors = WeightedColors.ofDistinctColors(histogram, ColorSpace.RGB);

    Lloyd.Result handed =
        Lloyd.iterate(
            colors,
            onBins.centres().clone(),
            Bounds.ofColors(colors, histogram, onBins.bounds()),
            20,
            TOLERANCE);
    Lloyd.Result fresh = Lloyd.iterate(colors, onBins.centres().clone(), 20, TOLERANCE);

    assertSame(handed, fresh);
  }

  private static void assertSame(Lloyd.Result actual, Lloyd.Result expected) {
    assertThat(actual.centres()).containsExactly(expected.centres());
    assertThat(actual.sse()).isEqualTo(expected.sse());
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
    assertThat(actual.bounds().label).containsExactly(expected.bounds().label);
  }

  /**
   * A 200×200 image of a few colour blobs with noise: clusters that touch, so that many points lie
   * near a boundary, and more distinct colours than {@link WeightedColors#EXACT_LIMIT}.
   */
  static int[] blobs(long seed) {
    Random random = new Random(seed);
    int[][] centres = new int[3 + random.nextInt(6)][3];
    for (int[] c : centres) {
      for (int a = 0; a < 3; a++) {
        c[a] = 30 + random.nextInt(196);
      }
    }
    int[] argb = new int[200 * 200];
    for (int i = 0; i < argb.length; i++) {
      int[] c = centres[random.nextInt(centres.length)];
      int rgb = 0;
      for (int a = 0; a < 3; a++) {
        int v = (int) Math.round(c[a] + random.nextGaussian() * 22);
        rgb = rgb << 8 | Math.max(0, Math.min(255, v));
      }
      argb[i] = 0xff000000 | rgb;
    }
    return argb;
  }
}
