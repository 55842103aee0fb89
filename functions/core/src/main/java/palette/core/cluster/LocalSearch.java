package palette.core.cluster;

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
   */
  static Lloyd.Result improve(
      WeightedColors points, Lloyd.Result start, int limit, double tolerance, int trials) {
    Lloyd.Result best = start;
    boolean[] tried = new boolean[points.size];
    int rejected = 0;
    for (int trial = 0; trial < trials && rejected < Math.max(1, trials / 4); trial++) {
      Costs costs = Costs.of(points, best.centres(), tried);
      if (costs.worst < 0) {
        break;
      }
      tried[costs.worst] = true;
      double[] centres = best.centres().clone();
      int c = costs.cheapest;
      centres[3 * c] = points.x[costs.worst];
      centres[3 * c + 1] = points.y[costs.worst];
      centres[3 * c + 2] = points.z[costs.worst];
      Lloyd.Result moved =
          Lloyd.iterate(points, centres, Math.min(limit, SETTLE_ITERATIONS), tolerance);
      if (moved.sse() < best.sse() * (1 - 1e-9)) {
        best = moved;
        rejected = 0;
      } else {
        rejected++;
      }
    }
    return best;
  }

  /**
   * For the current centres: the centre whose removal raises the error least, and the untried point
   * with the largest weighted squared distance to its nearest centre (-1 if none).
   */
  private record Costs(int cheapest, int worst) {
    static Costs of(WeightedColors p, double[] centres, boolean[] tried) {
      int k = centres.length / 3;
      double[] removal = new double[k];
      int worst = -1;
      double worstCost = 0;
      double[] two = new double[2];
      for (int i = 0; i < p.size; i++) {
        int nearest = Bounds.nearestTwo(p, i, centres, two);
        removal[nearest] += p.weight[i] * (two[1] - two[0]);
        double cost = p.weight[i] * two[0];
        if (!tried[i] && cost > worstCost) {
          worstCost = cost;
          worst = i;
        }
      }
      int cheapest = 0;
      for (int c = 1; c < k; c++) {
        cheapest = removal[c] < removal[cheapest] ? c : cheapest;
      }
      return new Costs(cheapest, worst);
    }
  }
}
