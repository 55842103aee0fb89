package palette.core;

import java.util.Arrays;
import java.util.List;

/**
 * Lloyd's k-means iterations on weighted points, from several seeded k-means++ starts; the start
 * with the lowest weighted sum of squared distances wins (ties: the earliest start). Each start is
 * sequential and deterministic, so running starts on different cores cannot change the result.
 */
final class Lloyd {
  /** Distance evaluations (points × k × passes) all starts together may spend. */
  static final long WORK_BUDGET = 60_000_000L;

  static final int MAX_STARTS = 8;
  static final int MAX_SCREENED = Integer.getInteger("screened", 64);
  static final int SCREENED_PER_CLUSTER = Integer.getInteger("perk", 4);
  static final int FINALISTS = Integer.getInteger("finalists", 8);
  static final long FINAL_BUDGET = 30_000_000L;
  static final boolean NO_COARSE = Boolean.getBoolean("nocoarse");

  /** Lloyd iterations each start gets on the merged bins before the best one is refined. */
  static final int COARSE_ITERATIONS = 10;

  private Lloyd() {}

  /**
   * @param centres {@code [x0, y0, z0, x1, ...]} in the clustering space
   * @param sse weighted sum of squared distances of the points to their nearest centre
   */
  record Result(double[] centres, int iterations, StopReason stopReason, double sse) {}

  /**
   * Clusters {@code points}. When they are histogram bins, many k-means++ starts are first screened
   * cheaply, each run for up to {@link #COARSE_ITERATIONS} iterations on the bins merged 2×2×2
   * (about eight times fewer points), in the spirit of Bradley and Fayyad's "Refining initial
   * points for k-means clustering" (1998); the {@link #FINALISTS} best then iterate on {@code
   * points} and the lowest error wins. Only the iterations on {@code points} count towards {@code
   * limit}.
   */
  static Result cluster(WeightedColors points, int k, int limit, long seed, double tolerance) {
    WeightedColors coarse = points.coarser(k);
    if (coarse == null || NO_COARSE) {
      return best(points, k, limit, seed, tolerance);
    }
    int screened =
        starts(coarse.size, k, COARSE_ITERATIONS, Math.min(MAX_SCREENED, SCREENED_PER_CLUSTER * k));
    List<Result> trials =
        Parallel.tasks(
            screened,
            start ->
                run(coarse, k, COARSE_ITERATIONS, SplitMix.forRestart(seed, start), tolerance));
    Integer[] order = new Integer[screened];
    for (int i = 0; i < screened; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, java.util.Comparator.comparingDouble((Integer i) -> trials.get(i).sse()));
    long perFinalist = (long) points.size * k * (Math.min(limit, 30) + 1);
    int finalists =
        (int)
            Math.min(
                Math.min(screened, Math.max(2, Math.min(FINALISTS, k / 2))),
                Math.max(1, FINAL_BUDGET / perFinalist));
    return lowest(
        Parallel.tasks(
            finalists,
            f -> iterate(points, trials.get(order[f]).centres().clone(), limit, tolerance)));
  }

  private static Result lowest(List<Result> results) {
    Result best = results.get(0);
    for (Result r : results) {
      if (r.sse() < best.sse()) {
        best = r;
      }
    }
    return best;
  }

  static Result best(WeightedColors points, int k, int limit, long seed, double tolerance) {
    List<Result> results =
        Parallel.tasks(
            starts(points.size, k, limit, MAX_STARTS),
            start -> run(points, k, limit, SplitMix.forRestart(seed, start), tolerance));
    return lowest(results);
  }

  /** As many starts as the work budget allows, between 1 and {@link #MAX_STARTS}. */
  static int starts(int points, int k, int limit, int most) {
    long passes = 2L * (2 + (int) Math.log(k)) + Math.min(limit, 30) + 1;
    long perStart = Math.max(1, (long) points * k * passes);
    return (int) Math.max(1, Math.min(most, WORK_BUDGET / perStart));
  }

  static Result run(WeightedColors points, int k, int limit, SplitMix random, double tolerance) {
    return iterate(points, KMeansPlusPlus.seed(points, k, random), limit, tolerance);
  }

  /** Lloyd iterations from {@code centres} (updated in place) until converged or {@code limit}. */
  static Result iterate(WeightedColors points, double[] centres, int limit, double tolerance) {
    int[] label = new int[points.size];
    Arrays.fill(label, -1);
    double[] distance = new double[points.size];
    for (int iteration = 1; ; iteration++) {
      if (assign(points, centres, label, distance) == 0) {
        return result(points, centres, iteration, StopReason.ASSIGNMENTS_STABLE, distance);
      }
      double moved = update(points, centres, label, distance);
      if (moved < tolerance || iteration == limit) {
        assign(points, centres, label, distance);
        StopReason reason =
            moved < tolerance ? StopReason.CENTROIDS_STABLE : StopReason.LIMIT_REACHED;
        return result(points, centres, iteration, reason, distance);
      }
    }
  }

  private static Result result(
      WeightedColors points, double[] centres, int iterations, StopReason reason, double[] d) {
    double sse = 0;
    for (int i = 0; i < points.size; i++) {
      sse += points.weight[i] * d[i];
    }
    return new Result(centres, iterations, reason, sse);
  }

  /** Nearest centre of every point (ties: lowest index); returns how many labels changed. */
  static int assign(WeightedColors p, double[] centres, int[] label, double[] distance) {
    int k = centres.length / 3;
    int changed = 0;
    for (int i = 0; i < p.size; i++) {
      double px = p.x[i];
      double py = p.y[i];
      double pz = p.z[i];
      int nearest = 0;
      double min = Double.POSITIVE_INFINITY;
      for (int c = 0, at = 0; c < k; c++, at += 3) {
        double dx = px - centres[at];
        double dy = py - centres[at + 1];
        double dz = pz - centres[at + 2];
        double d = dx * dx + dy * dy + dz * dz;
        if (d < min) {
          min = d;
          nearest = c;
        }
      }
      distance[i] = min;
      if (label[i] != nearest) {
        label[i] = nearest;
        changed++;
      }
    }
    return changed;
  }

  /**
   * Moves every centre to the weighted mean of its points; an empty cluster takes over the point
   * farthest from its centre (among clusters with more than one point). Returns the largest
   * distance a centre moved.
   */
  private static double update(WeightedColors p, double[] centres, int[] label, double[] distance) {
    int k = centres.length / 3;
    double[] sums = new double[4 * k];
    int[] members = new int[k];
    for (int i = 0; i < p.size; i++) {
      add(sums, label[i], p, i, 1);
      members[label[i]]++;
    }
    for (int c = 0; c < k; c++) {
      if (members[c] == 0) {
        int far = farthest(label, distance, members);
        add(sums, label[far], p, far, -1);
        members[label[far]]--;
        label[far] = c;
        distance[far] = 0;
        add(sums, c, p, far, 1);
        members[c]++;
      }
    }
    double moved = 0;
    for (int c = 0; c < k; c++) {
      double w = sums[4 * c];
      double nx = sums[4 * c + 1] / w;
      double ny = sums[4 * c + 2] / w;
      double nz = sums[4 * c + 3] / w;
      double dx = nx - centres[3 * c];
      double dy = ny - centres[3 * c + 1];
      double dz = nz - centres[3 * c + 2];
      moved = Math.max(moved, Math.sqrt(dx * dx + dy * dy + dz * dz));
      centres[3 * c] = nx;
      centres[3 * c + 1] = ny;
      centres[3 * c + 2] = nz;
    }
    return moved;
  }

  private static void add(double[] sums, int c, WeightedColors p, int i, int sign) {
    double w = sign * p.weight[i];
    sums[4 * c] += w;
    sums[4 * c + 1] += w * p.x[i];
    sums[4 * c + 2] += w * p.y[i];
    sums[4 * c + 3] += w * p.z[i];
  }

  private static int farthest(int[] label, double[] distance, int[] members) {
    int far = -1;
    for (int i = 0; i < label.length; i++) {
      if (members[label[i]] > 1 && (far < 0 || distance[i] > distance[far])) {
        far = i;
      }
    }
    return far;
  }
}
