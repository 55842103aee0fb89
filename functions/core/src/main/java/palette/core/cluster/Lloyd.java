package palette.core.cluster;

/**
 * Lloyd's k-means iterations on weighted points. Each run is sequential with sums in point order,
 * so it gives the same centres on every machine; {@link MultiStart} decides where runs start.
 */
final class Lloyd {
  private Lloyd() {}

  /**
   * @param centres {@code [x0, y0, z0, x1, ...]} in the clustering space
   * @param sse weighted sum of squared distances of the points to their nearest centre
   * @param bounds each point's nearest of {@code centres}, with its distance bounds
   */
  record Result(
      double[] centres, int iterations, StopReason stopReason, double sse, Bounds bounds) {}

  static Result run(WeightedColors points, int k, int limit, SplitMix random, double tolerance) {
    return iterate(points, KMeansPlusPlus.seed(points, k, random), limit, tolerance);
  }

  /**
   * Lloyd iterations from {@code centres} (updated in place) until converged or {@code limit}.
   * Hamerly's bounds (2010) skip the distance computations that cannot change a point's nearest
   * centre: an upper bound on the distance to its own centre and a lower bound on the distance to
   * any other, loosened by how far the centres move.
   */
  static Result iterate(WeightedColors points, double[] centres, int limit, double tolerance) {
    return iterate(points, centres, new Bounds(points, centres.length / 3), limit, tolerance);
  }

  /**
   * As {@link #iterate(WeightedColors, double[], int, double)} from {@code from}'s centres, with
   * the same result. When {@code from} was found on these points, its bounds still hold for its
   * centres, so the first pass computes few distances instead of k for every point.
   */
  static Result iterate(WeightedColors points, Result from, int limit, double tolerance) {
    double[] centres = from.centres().clone();
    return from.bounds().points == points
        ? iterate(points, centres, from.bounds().copy(), limit, tolerance)
        : iterate(points, centres, limit, tolerance);
  }

  /**
   * The iterations from {@code centres} with {@code bounds} either fresh or valid for exactly these
   * centres: the first pass then gives every point the label fresh bounds would, whether or not it
   * changes any, and the iteration goes on as if from fresh bounds.
   */
  static Result iterate(
      WeightedColors points, double[] centres, Bounds bounds, int limit, double tolerance) {
    Moments moments = Moments.of(points);
    double[] moves = new double[centres.length / 3];
    for (int iteration = 1; ; iteration++) {
      if (bounds.assign(points, centres) == 0 && iteration > 1) {
        return result(points, centres, iteration, StopReason.ASSIGNMENTS_STABLE, bounds);
      }
      double moved = update(points, moments, centres, bounds, moves);
      bounds.loosen(moves);
      if (moved < tolerance || iteration == limit) {
        bounds.assign(points, centres);
        StopReason reason =
            moved < tolerance ? StopReason.CENTROIDS_STABLE : StopReason.LIMIT_REACHED;
        return result(points, centres, iteration, reason, bounds);
      }
    }
  }

  /**
   * Each point's weight times its coordinates, worked out once per run instead of once per
   * iteration; the products are the same numbers either way.
   */
  private record Moments(double[] x, double[] y, double[] z) {
    static Moments of(WeightedColors p) {
      Moments m = new Moments(new double[p.size], new double[p.size], new double[p.size]);
      for (int i = 0; i < p.size; i++) {
        m.x[i] = p.weight[i] * p.x[i];
        m.y[i] = p.weight[i] * p.y[i];
        m.z[i] = p.weight[i] * p.z[i];
      }
      return m;
    }
  }

  private static Result result(
      WeightedColors points, double[] centres, int iterations, StopReason reason, Bounds bounds) {
    int[] label = bounds.label;
    double sse = 0;
    for (int i = 0; i < points.size; i++) {
      sse += points.weight[i] * squared(points, i, centres, label[i]);
    }
    return new Result(centres, iterations, reason, sse, bounds);
  }

  static double squared(WeightedColors p, int i, double[] centres, int c) {
    double dx = p.x[i] - centres[3 * c];
    double dy = p.y[i] - centres[3 * c + 1];
    double dz = p.z[i] - centres[3 * c + 2];
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * Moves every centre to the weighted mean of its points, writing how far each moved into {@code
   * moves}; an empty cluster takes over the point farthest from its centre (among clusters with
   * more than one point). Returns the largest move.
   */
  private static double update(
      WeightedColors p, Moments moments, double[] centres, Bounds bounds, double[] moves) {
    int k = centres.length / 3;
    int[] label = bounds.label;
    double[] sums = new double[4 * k];
    int[] members = new int[k];
    for (int i = 0; i < p.size; ) {
      i = addRun(sums, members, label, i, p, moments);
    }
    for (int c = 0; c < k; c++) {
      if (members[c] == 0) {
        int far = farthest(p, centres, label, members);
        add(sums, label[far], p, far, -1);
        members[label[far]]--;
        label[far] = c;
        bounds.forget(far);
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
      moves[c] = Math.sqrt(dx * dx + dy * dy + dz * dz);
      moved = Math.max(moved, moves[c]);
      centres[3 * c] = nx;
      centres[3 * c + 1] = ny;
      centres[3 * c + 2] = nz;
    }
    return moved;
  }

  /**
   * Adds the points from {@code from} on that share its label and returns the first that does not.
   * Neighbouring points (bins in order) mostly share a centre, so the sums stay in registers for
   * the run; they are the same additions in the same order as one point at a time.
   */
  private static int addRun(
      double[] sums, int[] members, int[] label, int from, WeightedColors p, Moments m) {
    int c = label[from];
    double w = sums[4 * c];
    double x = sums[4 * c + 1];
    double y = sums[4 * c + 2];
    double z = sums[4 * c + 3];
    int i = from;
    do {
      w += p.weight[i];
      x += m.x[i];
      y += m.y[i];
      z += m.z[i];
      i++;
    } while (i < p.size && label[i] == c);
    sums[4 * c] = w;
    sums[4 * c + 1] = x;
    sums[4 * c + 2] = y;
    sums[4 * c + 3] = z;
    members[c] += i - from;
    return i;
  }

  private static void add(double[] sums, int c, WeightedColors p, int i, int sign) {
    double w = sign * p.weight[i];
    sums[4 * c] += w;
    sums[4 * c + 1] += w * p.x[i];
    sums[4 * c + 2] += w * p.y[i];
    sums[4 * c + 3] += w * p.z[i];
  }

  private static int farthest(WeightedColors p, double[] centres, int[] label, int[] members) {
    int far = -1;
    double farthest = -1;
    for (int i = 0; i < label.length; i++) {
      if (members[label[i]] > 1) {
        double d = squared(p, i, centres, label[i]);
        if (d > farthest) {
          farthest = d;
          far = i;
        }
      }
    }
    return far;
  }
}
