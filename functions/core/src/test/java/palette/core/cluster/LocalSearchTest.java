package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.options.ColorSpace;

class LocalSearchTest {
  private static final double TOLERANCE = WeightedColors.tolerance(ColorSpace.RGB);

  /** Three tight groups of grey: dark (heavy), mid and light. */
  private static WeightedColors threeGroups() {
    int[] colors = new int[9];
    long[] counts = new long[9];
    int[] levels = {10, 11, 12, 120, 121, 122, 240, 241, 242};
    long[] weights = {500, 500, 500, 50, 50, 50, 50, 50, 50};
    for (int i = 0; i < 9; i++) {
      colors[i] = levels[i] * 0x010101;
      counts[i] = weights[i];
    }
    return WeightedColors.ofColors(colors, counts, ColorSpace.RGB);
  }

  @Test
  void aSwapLeavesTheOptimumWhereTwoCentresShareOneGroup() {
    WeightedColors points = threeGroups();
    // Lloyd's fixed point: two centres split the dark group, one serves mid and light together.
    double[] centres = {10, 10, 10, 12, 12, 12, 181, 181, 181};
    Lloyd.Result stuck = Lloyd.iterate(points, centres, 20, TOLERANCE);
    assertThat(Lloyd.iterate(points, stuck.centres().clone(), 20, TOLERANCE).sse())
        .isEqualTo(stuck.sse());

    Lloyd.Result better = LocalSearch.improve(points, stuck, 20, TOLERANCE);

    assertThat(better.sse()).isLessThan(stuck.sse() / 10);
    assertThat(greys(better.centres())).containsExactlyInAnyOrder(11L, 121L, 241L);
  }

  @Test
  void aResultAlreadyOptimalIsKept() {
    WeightedColors points = threeGroups();
    Lloyd.Result optimum =
        Lloyd.iterate(
            points, new double[] {11, 11, 11, 121, 121, 121, 241, 241, 241}, 20, TOLERANCE);

    Lloyd.Result after = LocalSearch.improve(points, optimum, 20, TOLERANCE);

    assertThat(after).isSameAs(optimum);
  }

  /**
   * Up to k = 16 the moves on exact colours keep the budget their speed was measured with, so those
   * palettes do not change; at k = 32 a photo of 60,000 colours gets a move, which the worst cases
   * there needed.
   */
  @Test
  void onlyLargeKGetsMovesOnAPhotosExactColours() {
    for (int k = 1; k <= 17; k++) {
      assertThat(LocalSearch.exactWorkBudget(k)).as("k = %d", k).isEqualTo(3_000_000L);
    }
    assertThat(LocalSearch.exactWorkBudget(32)).isEqualTo(30_000_000L);
    assertThat(LocalSearch.exactTrials(60_000, 16)).isZero();
    assertThat(LocalSearch.exactTrials(60_000, 32)).isEqualTo(1);
    assertThat(LocalSearch.exactTrials(1_000, 6)).isEqualTo(LocalSearch.binTrials(6));
  }

  /**
   * A broad cluster served by one centre next to a tight pair served by two: the split gives the
   * broad one two centres, at its 2-means optimum, and the pair one.
   */
  @Test
  void aSplitGivesABroadClusterTheCentreATightPairDoesNotNeed() {
    int[] colors = new int[203];
    long[] counts = new long[203];
    for (int i = 0; i <= 200; i++) {
      colors[i] = i << 16 | (i / 2) << 8 | 30; // a line not along an axis nor the grey diagonal
      counts[i] = 10;
    }
    colors[201] = 0xff00ff;
    colors[202] = 0xfa00ff;
    counts[201] = 1000;
    counts[202] = 1000;
    WeightedColors points = WeightedColors.ofColors(colors, counts, ColorSpace.RGB);
    Lloyd.Result stuck =
        Lloyd.iterate(points, new double[] {100, 50, 30, 255, 0, 255, 250, 0, 255}, 20, TOLERANCE);
    assertThat(greys(stuck.centres())).containsExactly(100L, 255L, 250L);

    Lloyd.Result split = LocalSearch.split(points, stuck, 20, TOLERANCE, 8);

    assertThat(split.sse()).isLessThan(stuck.sse() / 2);
    double[] c = split.centres();
    assertThat(greys(c)).containsExactlyInAnyOrder(50L, 150L, 253L);
    assertThat(LocalSearch.splitTrials(LocalSearch.SPLITS_FROM - 1)).isZero();
    assertThat(LocalSearch.splitTrials(LocalSearch.SPLITS_FROM))
        .isEqualTo(LocalSearch.SPLIT_TRIALS);
    for (int centre = 0; centre < 3; centre++) {
      if (c[3 * centre] < 200) {
        assertThat(c[3 * centre + 1]).isCloseTo(c[3 * centre] / 2, within(1.0));
        assertThat(c[3 * centre + 2]).isCloseTo(30, within(1e-9));
      }
    }
  }

  /** The split goes along the cluster's widest axis, 0.8 standard deviations either side. */
  @Test
  void theSplitAxisIsTheClustersPrincipalAxis() {
    // Points x = t, y = t / 2, z = 30 - t / 4 for t = -100..100: one direction, known spread.
    int n = 201;
    WeightedColors points = new WeightedColors(n, false);
    for (int i = 0; i < n; i++) {
      double t = i - 100;
      points.x[i] = 100 + t;
      points.y[i] = 60 + t / 2;
      points.z[i] = 30 - t / 4;
      points.weight[i] = 1;
    }
    Lloyd.Result one = Lloyd.iterate(points, new double[] {100, 60, 30}, 1, TOLERANCE);

    LocalSearch.Spreads spreads = LocalSearch.Spreads.of(points, one);
    double[] axis = spreads.widestAxis(0);

    double variance = 0;
    for (int i = 0; i < n; i++) {
      double t = i - 100;
      variance += t * t * (1 + 0.25 + 0.0625) / n;
    }
    double length = LocalSearch.SPLIT_SPREAD * Math.sqrt(variance);
    double norm = Math.sqrt(1 + 0.25 + 0.0625);
    double sign = Math.signum(axis[0]);
    assertThat(sign * axis[0]).isCloseTo(length / norm, within(1e-6));
    assertThat(sign * axis[1]).isCloseTo(length * 0.5 / norm, within(1e-6));
    assertThat(sign * axis[2]).isCloseTo(-length * 0.25 / norm, within(1e-6));
    assertThat(spreads.mean(0, 1)).isCloseTo(60, within(1e-9));
    assertThat(spreads.error(0)).isCloseTo(variance * n, within(1e-6));
  }

  /**
   * On several cores the next moves are tried side by side; the moves kept, and so the result, are
   * those of one core, also when a move is kept in the middle of a batch.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void theMovesKeptDoNotDependOnTheNumberOfCores(long seed) {
    WeightedColors bins =
        WeightedColors.of(ColorHistogram.of(BoundsTest.blobs(seed)), ColorSpace.RGB);
    Lloyd.Result start = Lloyd.run(bins, 16, 3, new SplitMix(seed), TOLERANCE);

    Lloyd.Result one = improveWithCores(1, bins, start);
    assertThat(one.sse()).isLessThan(start.sse());
    for (int cores = 2; cores <= 4; cores++) {
      Lloyd.Result several = improveWithCores(cores, bins, start);
      assertThat(several.centres()).as("%d cores", cores).containsExactly(one.centres());
      assertThat(several.sse()).isEqualTo(one.sse());
    }
  }

  private static Lloyd.Result improveWithCores(int cores, WeightedColors points, Lloyd.Result r) {
    Parallel.assumedCores = cores;
    try {
      return LocalSearch.improve(points, r, 20, TOLERANCE, 24);
    } finally {
      Parallel.assumedCores = 0;
    }
  }

  private static Long[] greys(double[] centres) {
    Long[] out = new Long[centres.length / 3];
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.round(centres[3 * c]);
    }
    return out;
  }
}
