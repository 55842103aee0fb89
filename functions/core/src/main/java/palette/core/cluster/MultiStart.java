package palette.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where k-means starts, which decides which local optimum it finds. Several seeded k-means++ starts
 * run and the lowest weighted error wins (ties: the earliest start). Runs are independent and
 * deterministic, so spreading them over cores cannot change the result.
 *
 * <p>When the points are histogram bins, many starts are first screened cheaply on the bins merged
 * 2×2×2 (about a fifth as many points); when they are the distinct colours of an image whose bins
 * are too few for k ({@link KMeans#BINS_PER_CLUSTER}), on the bins. This is in the spirit of
 * Bradley and Fayyad's "Refining initial points for k-means clustering" (1998): every start for
 * {@link #SCREEN_FIRST} iterations, the best third on to {@link #SCREEN_ITERATIONS}. The best few
 * then iterate on the points themselves, halved every {@link #HALVING_ITERATIONS} iterations
 * (successive halving: a start that is behind after a few iterations rarely ends ahead), and the
 * last ones left (one, or as many as the caller keeps to compare on the distinct colours) go on to
 * the limit. Screening is part of choosing the start: only the iterations on the points count
 * towards the user's limit.
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
   * Starts when the points are distinct colours (at most {@link WeightedColors#EXACT_LIMIT}),
   * unscreened: as many as {@link #WORK_BUDGET} allows up to this; few colours make many local
   * optima, and a start is cheap.
   */
  static final int DIRECT_STARTS = 64;

  /** Screened starts: k(k+2)/4 (local optima multiply with k), between 4 and 64. */
  static final int MIN_SCREENED = 4;

  static final int MAX_SCREENED = 64;

  /** Screened starts that go on to the bins: k/2 rounded down to even (two cores), 2 to 8. */
  static final int MAX_FINALISTS = 8;

  /** Iterations of a screened start on the merged bins, in two rounds. */
  static final int SCREEN_ITERATIONS = 10;

  /**
   * Iterations every screened start gets before the best third (and at least the finalists) go on:
   * the order after three iterations already picks the starts that end best (the tuning half's
   * worst cases are unchanged with 3, and worse at k = 16 with 2).
   */
  static final int SCREEN_FIRST = 3;

  /** One screened start in this many goes on to the second round. */
  static final int SCREEN_KEPT = 3;

  /**
   * Iterations on the bins between halvings of the finalists: each round the better half goes on,
   * and the last one left continues to the limit (4 keeps the tuning half's worst cases; 2 loses
   * 0.3% at k = 32).
   */
  static final int HALVING_ITERATIONS = 4;

  private MultiStart() {}

  /**
   * The best result of the direct starts, or, when the starts are screened, the best {@code kept}
   * finalists (lowest error first): the halving stops at that many, and each goes on to the limit.
   */
  static List<Lloyd.Result> cluster(
      WeightedColors points, int k, int limit, long seed, double tolerance, int kept) {
    return cluster(points, points.coarser(k), k, limit, seed, tolerance, kept);
  }

  /**
   * As {@link #cluster(WeightedColors, int, int, long, double, int)}, with the starts screened on
   * {@code coarse} (null: no screening), a reduction of {@code points} to fewer points.
   */
  static List<Lloyd.Result> cluster(
      WeightedColors points,
      WeightedColors coarse,
      int k,
      int limit,
      long seed,
      double tolerance,
      int kept) {
    if (coarse == null) {
      int starts = starts(points.size, k, limit, DIRECT_STARTS);
      return best(
          Parallel.tasks(
              starts, s -> Lloyd.run(points, k, limit, SplitMix.forRestart(seed, s), tolerance)),
          1);
    }
    int wanted = Math.max(MIN_SCREENED, Math.min(MAX_SCREENED, k * (k + 2) / 4));
    int screened = starts(coarse.size, k, SCREEN_ITERATIONS, wanted);
    int finalists = finalists(screened, points.size, k, limit);
    List<Lloyd.Result> trials =
        Parallel.tasks(
            screened,
            s -> Lloyd.run(coarse, k, SCREEN_FIRST, SplitMix.forRestart(seed, s), tolerance));
    List<Lloyd.Result> survivors =
        continued(
            coarse,
            best(trials, Math.max(finalists, screened / SCREEN_KEPT)),
            SCREEN_ITERATIONS - SCREEN_FIRST,
            tolerance);
    List<Lloyd.Result> round = best(survivors, finalists);
    int spent = 0;
    while (round.size() > kept && spent < limit) {
      int step = Math.min(HALVING_ITERATIONS, limit - spent);
      round =
          best(continued(points, round, step, tolerance), Math.max(kept, (round.size() + 1) / 2));
      spent += step;
    }
    return best(spent < limit ? continued(points, round, limit - spent, tolerance) : round, kept);
  }

  /** The {@code n} results with the lowest error, lowest first (ties: the earlier one). */
  private static List<Lloyd.Result> best(List<Lloyd.Result> results, int n) {
    Integer[] order = new Integer[results.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> results.get(i).sse()));
    List<Lloyd.Result> kept = new ArrayList<>();
    for (int i = 0; i < Math.min(n, order.length); i++) {
      kept.add(results.get(order[i]));
    }
    return kept;
  }

  /** Each result's centres iterated on {@code points} for up to {@code iterations} more. */
  private static List<Lloyd.Result> continued(
      WeightedColors points, List<Lloyd.Result> from, int iterations, double tolerance) {
    return Parallel.tasks(
        from.size(), i -> Lloyd.iterate(points, from.get(i), iterations, tolerance));
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
}
