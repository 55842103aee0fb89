package palette.core.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where k-means starts, which decides which local optimum it finds. Several seeded k-means++ starts
 * run and the lowest weighted error wins (ties: the earliest start). Runs are independent and
 * deterministic, so spreading them over cores cannot change the result.
 *
 * <p>When the points are histogram bins, many starts are first screened cheaply, each run for
 * {@link #SCREEN_ITERATIONS} iterations on the bins merged 2×2×2 (about a fifth as many points), in
 * the spirit of Bradley and Fayyad's "Refining initial points for k-means clustering" (1998); the
 * best few then iterate on the bins themselves. Screening is part of choosing the start: only the
 * iterations on the bins count towards the user's limit and are reported.
 */
final class MultiStart {
  /** Distance evaluations (points × k × passes) the starts on one set of points may spend. */
  static final long WORK_BUDGET = 60_000_000L;

  /**
   * Distance evaluations the finalists together may spend: at k = 32 on a photo this lets about
   * four finalists reach the bins instead of one (the tuning half's worst case at k = 32: 1.2%
   * above the reference with one, 0.7% with four).
   */
  static final long FINAL_BUDGET = 120_000_000L;

  /**
   * Starts when the points are distinct colours (at most 4,096), unscreened: as many as {@link
   * #WORK_BUDGET} allows up to this; few colours make many local optima, and a start is cheap.
   */
  static final int DIRECT_STARTS = 64;

  /** Screened starts: k(k+2)/4 (local optima multiply with k), between 4 and 64. */
  static final int MIN_SCREENED = 4;

  static final int MAX_SCREENED = 64;

  /** Screened starts that go on to the bins: k/2 rounded down to even (two cores), 2 to 8. */
  static final int MAX_FINALISTS = 8;

  static final int SCREEN_ITERATIONS = 10;

  private MultiStart() {}

  static Lloyd.Result cluster(
      WeightedColors points, int k, int limit, long seed, double tolerance) {
    WeightedColors coarse = points.coarser(k);
    if (coarse == null) {
      int starts = starts(points.size, k, limit, DIRECT_STARTS);
      return lowest(
          Parallel.tasks(
              starts, s -> Lloyd.run(points, k, limit, SplitMix.forRestart(seed, s), tolerance)));
    }
    int wanted = Math.max(MIN_SCREENED, Math.min(MAX_SCREENED, k * (k + 2) / 4));
    int screened = starts(coarse.size, k, SCREEN_ITERATIONS, wanted);
    List<Lloyd.Result> trials =
        Parallel.tasks(
            screened,
            s -> Lloyd.run(coarse, k, SCREEN_ITERATIONS, SplitMix.forRestart(seed, s), tolerance));
    Integer[] order = new Integer[screened];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> trials.get(i).sse()));
    return lowest(
        Parallel.tasks(
            finalists(screened, points.size, k, limit),
            f -> Lloyd.iterate(points, trials.get(order[f]).centres().clone(), limit, tolerance)));
  }

  /** k/2 rounded down to even, 2 to {@link #MAX_FINALISTS}, within {@link #FINAL_BUDGET}. */
  private static int finalists(int screened, int points, int k, int limit) {
    long perFinalist = (long) points * k * (Math.min(limit, 30) + 1);
    long wanted = Math.max(2, Math.min(MAX_FINALISTS, k / 4 * 2));
    return (int) Math.min(Math.min(screened, wanted), Math.max(1, FINAL_BUDGET / perFinalist));
  }

  /** As many starts as {@link #WORK_BUDGET} allows, between 1 and {@code most}. */
  static int starts(int points, int k, int limit, int most) {
    long passes = 2L * (2 + (int) Math.log(k)) + Math.min(limit, 30) + 1;
    long perStart = Math.max(1, (long) points * k * passes);
    return (int) Math.max(1, Math.min(most, WORK_BUDGET / perStart));
  }

  /** The result with the lowest error; the earliest of equal ones. */
  private static Lloyd.Result lowest(List<Lloyd.Result> results) {
    Lloyd.Result best = results.get(0);
    for (Lloyd.Result r : results) {
      if (r.sse() < best.sse()) {
        best = r;
      }
    }
    return best;
  }
}
