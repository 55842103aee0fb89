package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.options.ColorSpace;

/** The k-means steps on their own: empty clusters, stop reasons, the fixed random stream. */
class LloydTest {

  @Test
  void anEmptyClusterTakesTheFarthestPointAndNeverStaysEmpty() {
    WeightedColors points = onALine(0, 1, 10, 11);
    double[] start = {0.5, 0, 0, 1000, 0, 0};

    Lloyd.Result result = Lloyd.iterate(points, start, 20, Clustering.TOLERANCE);

    assertThat(result.centres()).containsExactly(0.5, 0, 0, 10.5, 0, 0);
    assertThat(result.stopReason().converged()).isTrue();
    assertThat(result.sse()).isEqualTo(4 * 0.25);
  }

  @Test
  void theLimitStopsTheIterationsAndIsReported() {
    WeightedColors points = onALine(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 51);
    double[] start = {0, 0, 0, 1, 0, 0};

    Lloyd.Result one = Lloyd.iterate(points, start.clone(), 1, Clustering.TOLERANCE);
    Lloyd.Result many = Lloyd.iterate(points, start.clone(), 100, Clustering.TOLERANCE);

    assertThat(one.iterations()).isEqualTo(1);
    assertThat(one.stopReason()).isEqualTo(StopReason.LIMIT_REACHED);
    assertThat(many.stopReason().converged()).isTrue();
    assertThat(many.iterations()).isBetween(2, 99);
    assertThat(many.centres()).containsExactly(4.5, 0, 0, 50.5, 0, 0);
  }

  @Test
  void kMeansPlusPlusPicksDistinctPointsAndRepeatsForTheSameSeed() {
    WeightedColors points = onALine(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    double[] a = KMeansPlusPlus.seed(points, 5, new SplitMix(7));
    double[] b = KMeansPlusPlus.seed(points, 5, new SplitMix(7));

    assertThat(a).containsExactly(b);
    double[] xs = new double[5];
    for (int c = 0; c < 5; c++) {
      xs[c] = a[3 * c];
      assertThat(a[3 * c]).isBetween(0.0, 9.0).isEqualTo(Math.rint(a[3 * c]));
    }
    assertThat(java.util.Arrays.stream(xs).distinct().count()).isEqualTo(5);
  }

  /**
   * The first centre is drawn by weight: over many seeds each point comes up in proportion to its
   * pixels, also the points in blocks that a draw passes by their sums.
   */
  @Test
  void kMeansPlusPlusDrawsTheFirstCentreByWeight() {
    int n = 300;
    int[] colors = new int[n];
    long[] counts = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      colors[i] = i << 8; // red 1 from i = 256 on
      counts[i] = 1 + (i * 37) % 50;
      total += counts[i];
    }
    WeightedColors points = WeightedColors.ofColors(colors, counts, ColorSpace.RGB);
    int draws = 40_000;
    int groups = 15;
    long[] seen = new long[groups];
    for (int s = 0; s < draws; s++) {
      double[] centres = KMeansPlusPlus.seed(points, 2, new SplitMix(s));
      int drawn = (int) Math.round(centres[0] * 256 + centres[1]);
      seen[drawn * groups / n]++;
    }
    for (int g = 0; g < groups; g++) {
      long weight = 0;
      for (int i = g * n / groups; i < (g + 1) * n / groups; i++) {
        weight += counts[i];
      }
      double p = (double) weight / total;
      double expected = draws * p;
      double sigma = Math.sqrt(draws * p * (1 - p));
      assertThat((double) seen[g])
          .as("points %d..", g * n / groups)
          .isCloseTo(expected, within(5 * sigma));
    }
  }

  @Test
  void splitMixIsTheReferenceSplitMix64() {
    SplitMix random = new SplitMix(0);

    assertThat(random.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(random.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
    assertThat(random.nextLong()).isEqualTo(0x06c45d188009454fL);
  }

  /**
   * Evenly spread points and centres bunched at one end: plain Lloyd creeps, each centre moving a
   * little further each step. Steps past the means get to the same spacing in far fewer.
   */
  @Test
  void stepsPastTheMeansConvergeInFewerIterationsWhereLloydCreeps() {
    int[] xs = new int[256];
    Arrays.setAll(xs, i -> i);
    WeightedColors points = onALine(xs);
    double[] start = new double[3 * 8];
    for (int c = 0; c < 8; c++) {
      start[3 * c] = c;
    }

    Lloyd.Result plain = Lloyd.plain(points, start.clone(), 1000, Clustering.TOLERANCE);
    Lloyd.Result relaxed = Lloyd.iterate(points, start.clone(), 1000, Clustering.TOLERANCE);

    assertThat(plain.stopReason().converged()).isTrue();
    assertThat(relaxed.stopReason().converged()).isTrue();
    assertThat(relaxed.iterations()).isLessThan(plain.iterations() * 2 / 3);
    assertThat(relaxed.sse()).isLessThanOrEqualTo(plain.sse() * 1.001);
  }

  /**
   * Where relaxed steps stop because no label changed, the result is a fixed point of plain Lloyd:
   * every point labelled with its nearest centre, every centre the weighted mean of its points. A
   * step left past the means would fail the second.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void whereRelaxedStepsConvergeTheCentresAreTheMeansOfTheirPoints(long seed) {
    Random random = new Random(seed);
    int n = 3000;
    int[] colors = new int[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      colors[i] = random.nextInt(1 << 24);
      counts[i] = 1 + random.nextInt(random.nextBoolean() ? 5 : 500);
    }
    WeightedColors points = WeightedColors.ofColors(colors, counts, ColorSpace.RGB);
    int k = 2 + random.nextInt(30);

    Lloyd.Result result = Lloyd.run(points, k, 1000, new SplitMix(seed), 0);

    assertThat(result.stopReason()).isEqualTo(StopReason.ASSIGNMENTS_STABLE);
    double[] centres = result.centres();
    double[] sums = new double[4 * k];
    for (int i = 0; i < n; i++) {
      int own = result.bounds().label[i];
      for (int c = 0; c < k; c++) {
        assertThat(Lloyd.squared(points, i, centres, own))
            .isLessThanOrEqualTo(Lloyd.squared(points, i, centres, c));
      }
      sums[4 * own] += points.weight[i];
      sums[4 * own + 1] += points.weight[i] * points.x[i];
      sums[4 * own + 2] += points.weight[i] * points.y[i];
      sums[4 * own + 3] += points.weight[i] * points.z[i];
    }
    for (int c = 0; c < k; c++) {
      for (int axis = 0; axis < 3; axis++) {
        assertThat(centres[3 * c + axis])
            .isCloseTo(sums[4 * c + 1 + axis] / sums[4 * c], within(1e-9));
      }
    }
  }

  /** Unit-weight points at these x positions (y = z = 0), clustered exactly as colours would be. */
  private static WeightedColors onALine(int... xs) {
    int[] argb = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      argb[i] = 0xff000000 | xs[i] << 16;
    }
    return WeightedColors.of(ColorHistogram.of(argb), ColorSpace.RGB);
  }
}
