package palette.core.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Swap moves after Lloyd has stopped, to leave a poor local optimum: the centre whose points would
 * cost least to hand to their second-nearest centre moves onto the point that is served worst (the
 * largest weighted squared distance to its centre), Lloyd settles again, and the move is kept only
 * if the weighted error dropped. Lloyd alone never does this: it cannot take a centre from a
 * crowded region to a distant one that the start left uncovered, which is how a small saturated
 * accent or one side of a gradient gets a single colour where the image needs two.
 *
 * <p>Deterministic: the candidates are ranked, not drawn, with ties to the lowest index.
 */
final class LocalSearch {
  /**
   * Most moves tried on bins: the exact pass on the colours follows, and more moves on bins
   * measured no better on the tuning photos while costing a third more time at k = 6.
   */
  static final int BIN_TRIALS = 12;

  /**
   * Moves tried on distinct colours (at most {@link WeightedColors#EXACT_LIMIT} of them, so a move
   * is cheap): few colours make many local optima, and 48 moves took the worst case of the tuning
   * photos reduced to few colours (grey, posterized) at k = 32 from 4.5% to 0.6% above the
   * reference.
   */
  static final int COLOR_TRIALS = 48;

  /**
   * Distance evaluations (points × k × passes) the moves on the exact colours may spend after the
   * exact pass up to k = 16, 1 to 2 ms: a few moves on a photo of some thousands of colours (a
   * dark, smooth wallpaper), none on a photo of a hundred thousand. Ten times as much cost 17 ms on
   * every 2560×1600 photo at k = 6 and 16, and 18 ms on one core at k = 6 for a 1920×1080 photo,
   * for no gain there; at k = 32 it is what the worst cases need ({@link #exactWorkBudget}).
   */
  static final long EXACT_WORK_BUDGET = 3_000_000L;

  /**
   * Above k = 16 the budget grows by {@value} a centre, to ten times the base at k = 32: there
   * local optima are many and one move on a photo's exact colours is worth its cost. On the tuning
   * half at k = 32 it took the worst case from 0.71% to 0.42% above the reference and the median
   * from 1.0003 to 0.9997 ({@code docs/quality.md}).
   */
  static final long EXACT_WORK_PER_CENTRE = 1_875_000L;

  /** Lloyd iterations a move may take to settle. */
  static final int SETTLE_ITERATIONS = 10;

  private LocalSearch() {}

  /**
   * A result at least as good as {@code start} (lower weighted error), same number of centres; a
   * move settles in at most {@code limit} iterations when that is below {@link #SETTLE_ITERATIONS}.
   */
  static Lloyd.Result improve(
      WeightedColors points, Lloyd.Result start, int limit, double tolerance) {
    int k = start.centres().length / 3;
    return improve(
        points, start, limit, tolerance, points.bin == null ? COLOR_TRIALS : binTrials(k));
  }

  /**
   * Moves on bins: k/2, 3 to {@link #BIN_TRIALS}. Bad placements multiply with k; at k = 6 three
   * moves measured as good as twelve on the tuning photos, in four fifths of the time.
   */
  static int binTrials(int k) {
    return Math.max(3, Math.min(BIN_TRIALS, k / 2));
  }

  /** Moves on {@code colors} exact colours: {@link #binTrials} within {@link #exactWorkBudget}. */
  static int exactTrials(int colors, int k) {
    long perTrial = (long) colors * k * (SETTLE_ITERATIONS + 2);
    return (int) Math.min(binTrials(k), exactWorkBudget(k) / perTrial);
  }

  /** {@link #EXACT_WORK_BUDGET}, and from k = 17 on {@link #EXACT_WORK_PER_CENTRE} × (k − 16). */
  static long exactWorkBudget(int k) {
    return Math.max(EXACT_WORK_BUDGET, EXACT_WORK_PER_CENTRE * (k - 16));
  }

  /**
   * As {@link #improve(WeightedColors, Lloyd.Result, int, double)}, with at most {@code trials}.
   *
   * <p>On several cores the next moves are tried at once, one per core: as long as the moves are
   * rejected the best result does not change, so the next move is the one that takes the next worst
   * point; once one is kept, the moves tried beside it after it are dropped, as if never tried. The
   * moves kept, and so the result, are the same on any number of cores.
   */
  static Lloyd.Result improve(
      WeightedColors points, Lloyd.Result start, int limit, double tolerance, int trials) {
    Lloyd.Result best = start;
    boolean[] tried = new boolean[points.size];
    int allowed = Math.max(1, trials / 4);
    int rejected = 0;
    int trial = 0;
    while (trial < trials && rejected < allowed) {
      int batch = Math.min(Parallel.cores(), Math.min(trials - trial, allowed - rejected));
      Costs costs = Costs.of(points, best.centres(), tried, batch);
      if (costs.worst.length == 0) {
        break;
      }
      List<Lloyd.Result> moves = moves(points, best, costs, limit, tolerance);
      for (int m = 0; m < moves.size(); m++) {
        tried[costs.worst[m]] = true;
        trial++;
        if (moves.get(m).sse() < best.sse() * (1 - 1e-9)) {
          best = moves.get(m);
          rejected = 0;
          break;
        }
        rejected++;
      }
    }
    return best;
  }

  /**
   * For each of the worst points, the cheapest centre moved onto it and Lloyd settled again; one
   * move runs on the calling thread, so that it keeps the cores for its own passes.
   */
  private static List<Lloyd.Result> moves(
      WeightedColors points, Lloyd.Result from, Costs costs, int limit, double tolerance) {
    IntFunction<Lloyd.Result> move =
        m -> {
          double[] centres = from.centres().clone();
          int c = costs.cheapest;
          int worst = costs.worst[m];
          centres[3 * c] = points.x[worst];
          centres[3 * c + 1] = points.y[worst];
          centres[3 * c + 2] = points.z[worst];
          return Lloyd.iterate(points, centres, Math.min(limit, SETTLE_ITERATIONS), tolerance);
        };
    return costs.worst.length == 1
        ? List.of(move.apply(0))
        : Parallel.tasks(costs.worst.length, move);
  }

  /**
   * For the current centres: the centre whose removal raises the error least, and the untried
   * points with the largest weighted squared distance to their nearest centre, at most {@code n},
   * worst first (ties: the lower index first; none with a distance of 0).
   */
  private record Costs(int cheapest, int[] worst) {
    static Costs of(WeightedColors p, double[] centres, boolean[] tried, int n) {
      int k = centres.length / 3;
      double[] removal = new double[k];
      int[] worst = new int[n];
      double[] worstCost = new double[n];
      int found = 0;
      double[] two = new double[2];
      Bounds.Axes axes = Bounds.Axes.of(centres);
      for (int i = 0; i < p.size; i++) {
        int nearest = axes.nearestTwo(p.x[i], p.y[i], p.z[i], two);
        removal[nearest] += p.weight[i] * (two[1] - two[0]);
        double cost = p.weight[i] * two[0];
        if (!tried[i] && cost > 0 && (found < n || cost > worstCost[n - 1])) {
          int at = Math.min(found, n - 1);
          while (at > 0 && cost > worstCost[at - 1]) {
            worst[at] = worst[at - 1];
            worstCost[at] = worstCost[at - 1];
            at--;
          }
          worst[at] = i;
          worstCost[at] = cost;
          found = Math.min(n, found + 1);
        }
      }
      int cheapest = 0;
      for (int c = 1; c < k; c++) {
        cheapest = removal[c] < removal[cheapest] ? c : cheapest;
      }
      return new Costs(cheapest, Arrays.copyOf(worst, found));
    }
  }
}
