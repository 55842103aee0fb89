package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
