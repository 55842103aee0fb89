package palette.core;

import java.util.Arrays;

/**
 * Lloyd's k-means iterations on weighted points. Each run is sequential with sums in point order,
 * so it gives the same centres on every machine; {@link MultiStart} decides where runs start.
 */
final class Lloyd {
  private Lloyd() {}

  /**
   * @param centres {@code [x0, y0, z0, x1, ...]} in the clustering space
   * @param sse weighted sum of squared distances of the points to their nearest centre
   */
  record Result(double[] centres, int iterations, StopReason stopReason, double sse) {}

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
