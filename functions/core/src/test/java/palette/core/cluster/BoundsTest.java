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

  /**
   * A move of {@link LocalSearch} puts one or two centres elsewhere; the bounds of the result it
   * was made from, with only the distances to those centres computed, settle it exactly as fresh
   * bounds do. Moving a centre far away (onto the worst-served point) and splitting a cluster are
   * both tried, on bins and on the distinct colours.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void aMoveSettlesFromTheBoundsItWasMadeFromAsFromFreshOnes(long seed) {
    ColorHistogram histogram = ColorHistogram.of(blobs(seed));
    for (WeightedColors points :
        new WeightedColors[] {
          WeightedColors.of(histogram, ColorSpace.RGB),
          WeightedColors.ofDistinctColors(histogram, ColorSpace.RGB)
        }) {
      int k = 4 + (int) (seed * 3 % 29);
      Lloyd.Result from = Lloyd.run(points, k, 20, new SplitMix(seed), TOLERANCE);
      Random random = new Random(seed);
      int a = random.nextInt(k);
      int b = (a + 1 + random.nextInt(k - 1)) % k;
      double[] swapped = from.centres().clone();
      int far = random.nextInt(points.size);
      swapped[3 * a] = points.x[far];
      swapped[3 * a + 1] = points.y[far];
      swapped[3 * a + 2] = points.z[far];
      double[] split = from.centres().clone();
      for (int axis = 0; axis < 3; axis++) {
        split[3 * a + axis] = from.centres()[3 * b + axis] + 6;
        split[3 * b + axis] = from.centres()[3 * b + axis] - 6;
      }

      for (Object[] move : new Object[][] {{swapped, new int[] {a}}, {split, new int[] {a, b}}}) {
        double[] centres = (double[]) move[0];
        Bounds bounds = from.bounds().moved(centres, (int[]) move[1]);
        Lloyd.Result settled = Lloyd.iterate(points, centres.clone(), bounds, 10, TOLERANCE);
        Lloyd.Result fresh = Lloyd.iterate(points, centres.clone(), 10, TOLERANCE);

        assertSame(settled, fresh);
      }
    }
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
