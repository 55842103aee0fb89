package palette.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Moves after Lloyd has stopped, to leave a poor local optimum. A swap: the centre whose points
 * would cost least to hand to their second-nearest centre moves onto the point that is served worst
 * (the largest weighted squared distance to its centre). From k = 16, then, on bins, a split: that
 * centre and the centre of the cluster with the largest error go either side of that cluster's mean
 * along its widest axis. After a move Lloyd settles again, and the move is kept only if the
 * weighted error dropped. Lloyd alone never does this: it cannot take a centre from a crowded
 * region to a distant one that the start left uncovered, which is how a small saturated accent or
 * one side of a gradient gets a single colour where the image needs two; nor can it give a broad
 * cluster a second centre that is served by one centre too few.
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

  /**
   * Split moves tried on bins from k = {@link #SPLITS_FROM}; as with swaps, a quarter of that
   * rejected in a row ends them. At k = 32 on the 83 images seen by then they lowered 23 results
   * and raised 3, took the medians to 0.9978, 0.9971, 0.9990 and 1.0011 and two of the worst cases
   * under 1.005 (change 10); at k = 16, on all 101 images of five splits, they lowered 7 results
   * and raised none, and took the newest split's worst case from 1.0090 to 1.0039 (change 11,
   * {@code docs/quality.md}).
   */
  static final int SPLIT_TRIALS = 8;

  /**
   * The smallest k that gets split moves. Below it they lowered few results (k = 6: 2 of 101, by at
   * most 0.09%; k = 10: 3 of 120) for 15–25% more clustering time on one core; from 16 on they cost
   * 0–5% there, and the worst cases need them.
   */
  static final int SPLITS_FROM = 16;

  /**
   * How far either side of its mean a split cluster's two centres go along its widest axis, in
   * standard deviations along that axis: the two halves of a normal distribution have their means
   * at ±√(2/π) ≈ 0.8 of it.
   */
  static final double SPLIT_SPREAD = 0.8;

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
   * Split moves at {@code k} centres: {@link #SPLIT_TRIALS} from {@link #SPLITS_FROM}, else none.
   */
  static int splitTrials(int k) {
    return k >= SPLITS_FROM ? SPLIT_TRIALS : 0;
  }

  /**
   * As {@link #improve(WeightedColors, Lloyd.Result, int, double)}, with at most {@code trials}
   * swaps, then on bins {@link #splitTrials} splits. Not on exact colours: there the splits also
   * found lower errors, but on a dark photo with small bright details (the Hubble photo at k = 32)
   * they spend the near-duplicate colours that {@link Accents} gives to the red galaxies.
   */
  static Lloyd.Result improve(
      WeightedColors points, Lloyd.Result start, int limit, double tolerance, int trials) {
    int k = start.centres().length / 3;
    Lloyd.Result swapped =
        search(points, start, limit, tolerance, trials, new Swaps(points, trials));
    return points.bin != null ? split(points, swapped, limit, tolerance, splitTrials(k)) : swapped;
  }

  /** Up to {@code trials} split moves from {@code start}, as {@link #search} tries them. */
  static Lloyd.Result split(
      WeightedColors points, Lloyd.Result start, int limit, double tolerance, int trials) {
    int k = start.centres().length / 3;
    return search(points, start, limit, tolerance, trials, new Splits(points, k));
  }

  /**
   * Tries up to {@code trials} moves, until a quarter of that are rejected in a row.
   *
   * <p>On several cores the next moves are tried at once, one per core: as long as the moves are
   * rejected the best result does not change, so the next move is the next one proposed; once one
   * is kept, the moves tried beside it after it are dropped, as if never tried. The moves kept, and
   * so the result, are the same on any number of cores.
   */
  private static Lloyd.Result search(
      WeightedColors points,
      Lloyd.Result start,
      int limit,
      double tolerance,
      int trials,
      Moves proposals) {
    Lloyd.Result best = start;
    int allowed = Math.max(1, trials / 4);
    int rejected = 0;
    int trial = 0;
    while (trial < trials && rejected < allowed) {
      int batch = Math.min(Parallel.cores(), Math.min(trials - trial, allowed - rejected));
      List<Move> moves = proposals.next(best, batch);
      if (moves.isEmpty()) {
        break;
      }
      List<Lloyd.Result> settled = settled(points, best, moves, limit, tolerance);
      for (int m = 0; m < moves.size(); m++) {
        trial++;
        boolean kept = settled.get(m).sse() < best.sse() * (1 - 1e-9);
        proposals.tried(moves.get(m), kept);
        if (kept) {
          best = settled.get(m);
          rejected = 0;
          break;
        }
        rejected++;
      }
    }
    return best;
  }

  /**
   * Lloyd settled after each move; one runs on the calling thread, so that it keeps the cores for
   * its own passes.
   */
  private static List<Lloyd.Result> settled(
      WeightedColors points, Lloyd.Result from, List<Move> moves, int limit, double tolerance) {
    int iterations = Math.min(limit, SETTLE_ITERATIONS);
    int k = from.centres().length / 3;
    IntFunction<Lloyd.Result> settle =
        m -> {
          Move move = moves.get(m);
          Bounds bounds =
              from.bounds().points == points
                  ? from.bounds().moved(move.centres(), move.moved())
                  : new Bounds(points, k);
          return Lloyd.iterate(points, move.centres(), bounds, iterations, tolerance);
        };
    return moves.size() == 1 ? List.of(settle.apply(0)) : Parallel.tasks(moves.size(), settle);
  }

  /**
   * New centres to settle from, what they were made from ({@link Moves#tried}), and which centres
   * differ from those of the result they were made from.
   */
  private record Move(int key, double[] centres, int... moved) {}

  /** Where the moves come from. */
  private interface Moves {
    /** Up to {@code n} moves from {@code best}, most promising first. */
    List<Move> next(Lloyd.Result best, int n);

    /** Told of each move tried, in order, and whether it was kept. */
    void tried(Move move, boolean kept);
  }

  /**
   * Swaps: the cheapest centre onto each worst-served point not yet tried. The costs take a pass
   * over every point with every centre, so they are worked out once for each best result, for as
   * many points as there are trials; while moves are rejected the next ones are the next points of
   * that list, the same points a pass of their own would find.
   */
  private static final class Swaps implements Moves {
    private final WeightedColors points;
    private final boolean[] tried;
    private final int trials;
    private Lloyd.Result costed;
    private Costs costs;
    private int taken;

    Swaps(WeightedColors points, int trials) {
      this.points = points;
      this.tried = new boolean[points.size];
      this.trials = trials;
    }

    @Override
    public List<Move> next(Lloyd.Result best, int n) {
      if (best != costed) {
        costs = Costs.of(points, best.centres(), tried, trials);
        costed = best;
        taken = 0;
      }
      List<Move> moves = new ArrayList<>();
      while (moves.size() < n && taken < costs.worst.length) {
        int worst = costs.worst[taken++];
        double[] centres = best.centres().clone();
        int c = costs.cheapest;
        centres[3 * c] = points.x[worst];
        centres[3 * c + 1] = points.y[worst];
        centres[3 * c + 2] = points.z[worst];
        moves.add(new Move(worst, centres, c));
      }
      return moves;
    }

    @Override
    public void tried(Move move, boolean kept) {
      tried[move.key()] = true;
    }
  }

  /**
   * Splits: the cheapest centre and the centre of each cluster with the largest error not tried
   * since the last split kept, either side of that cluster's mean along its widest axis.
   */
  private static final class Splits implements Moves {
    private final WeightedColors points;
    private final boolean[] tried;
    private Lloyd.Result costed;
    private int cheapest;
    private Spreads spreads;

    Splits(WeightedColors points, int k) {
      this.points = points;
      this.tried = new boolean[k];
    }

    @Override
    public List<Move> next(Lloyd.Result best, int n) {
      double[] centres = best.centres();
      if (best != costed) {
        cheapest = Costs.of(points, centres, new boolean[0], 0).cheapest;
        spreads = Spreads.of(points, best);
        costed = best;
      }
      List<Move> moves = new ArrayList<>();
      boolean[] taken = tried.clone();
      taken[cheapest] = true;
      while (moves.size() < n) {
        int widest = spreads.largestError(taken);
        if (widest < 0) {
          break;
        }
        taken[widest] = true;
        double[] axis = spreads.widestAxis(widest);
        double[] split = centres.clone();
        for (int a = 0; a < 3; a++) {
          split[3 * widest + a] = spreads.mean(widest, a) + axis[a];
          split[3 * cheapest + a] = spreads.mean(widest, a) - axis[a];
        }
        moves.add(new Move(widest, split, widest, cheapest));
      }
      return moves;
    }

    @Override
    public void tried(Move move, boolean kept) {
      if (kept) {
        Arrays.fill(tried, false);
      } else {
        tried[move.key()] = true;
      }
    }
  }

  /**
   * Per cluster of a Lloyd result: its weight, weighted mean, error and covariance, from the labels
   * the result's last pass gave.
   */
  record Spreads(double[] moments) {
    /** Per cluster: weight, the three sums of weight × coordinate, then the six second moments. */
    private static final int STRIDE = 10;

    static Spreads of(WeightedColors p, Lloyd.Result result) {
      int k = result.centres().length / 3;
      int[] label = result.bounds().label;
      double[] m = new double[STRIDE * k];
      for (int i = 0; i < p.size; i++) {
        int at = STRIDE * label[i];
        double w = p.weight[i];
        double x = p.x[i];
        double y = p.y[i];
        double z = p.z[i];
        m[at] += w;
        m[at + 1] += w * x;
        m[at + 2] += w * y;
        m[at + 3] += w * z;
        m[at + 4] += w * x * x;
        m[at + 5] += w * x * y;
        m[at + 6] += w * x * z;
        m[at + 7] += w * y * y;
        m[at + 8] += w * y * z;
        m[at + 9] += w * z * z;
      }
      return new Spreads(m);
    }

    double mean(int c, int axis) {
      return moments[STRIDE * c + 1 + axis] / moments[STRIDE * c];
    }

    /** Covariance of cluster {@code c} between two axes. */
    double covariance(int c, int a, int b) {
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      int second = lo == 0 ? 4 + hi : lo == 1 ? 6 + hi : 9;
      return moments[STRIDE * c + second] / moments[STRIDE * c] - mean(c, a) * mean(c, b);
    }

    /** Weighted squared error of cluster {@code c} about its mean: weight × trace of covariance. */
    double error(int c) {
      double w = moments[STRIDE * c];
      return w > 0 ? w * (covariance(c, 0, 0) + covariance(c, 1, 1) + covariance(c, 2, 2)) : 0;
    }

    /** The cluster with the largest error among those not {@code taken}; -1 if none has any. */
    int largestError(boolean[] taken) {
      int largest = -1;
      for (int c = 0; c < taken.length; c++) {
        if (!taken[c] && error(c) > 0 && (largest < 0 || error(c) > error(largest))) {
          largest = c;
        }
      }
      return largest;
    }

    /**
     * The offset from cluster {@code c}'s mean to one of its split centres: {@link #SPLIT_SPREAD}
     * standard deviations along its principal axis, found by power iteration from a fixed vector.
     */
    double[] widestAxis(int c) {
      double[] v = {1, 0.7, 0.4};
      double length = 0;
      for (int step = 0; step < 30; step++) {
        double[] u = new double[3];
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            u[a] += covariance(c, a, b) * v[b];
          }
        }
        length = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        if (length == 0) {
          break;
        }
        for (int a = 0; a < 3; a++) {
          v[a] = u[a] / length;
        }
      }
      double spread = SPLIT_SPREAD * Math.sqrt(length);
      return new double[] {spread * v[0], spread * v[1], spread * v[2]};
    }
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
        if (n > 0 && !tried[i] && cost > 0 && (found < n || cost > worstCost[n - 1])) {
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
