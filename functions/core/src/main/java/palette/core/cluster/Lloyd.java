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
   *
   * <p>Each step goes past the mean, by a factor that grows while the steps pay ({@link
   * Relaxation}): on photos Lloyd's centres creep towards the optimum by a fraction of a level per
   * iteration for a hundred iterations or more, so plain steps spend the limit far from where they
   * are heading.
   */
  static Result iterate(
      WeightedColors points, double[] centres, Bounds bounds, int limit, double tolerance) {
    return iterate(points, centres, bounds, limit, tolerance, Relaxation.GROWTH);
  }

  /**
   * Plain Lloyd steps, each centre to the mean of its points: for settling the other centres around
   * one placed by hand ({@link Accents}), which steps past the means would carry away from where it
   * was placed.
   */
  static Result plain(WeightedColors points, double[] centres, int limit, double tolerance) {
    Bounds bounds = new Bounds(points, centres.length / 3);
    return iterate(points, centres, bounds, limit, tolerance, 1);
  }

  private static Result iterate(
      WeightedColors points,
      double[] centres,
      Bounds bounds,
      int limit,
      double tolerance,
      double growth) {
    Moments moments = Moments.of(points);
    int k = centres.length / 3;
    double[] moves = new double[k];
    double[] means = new double[centres.length];
    Relaxation relaxation = new Relaxation(centres.length, growth);
    for (int iteration = 1; ; iteration++) {
      int changed = bounds.assign(points, centres);
      if (changed == 0 && iteration > 1 && relaxation.atMeans()) {
        return result(points, centres, iteration, StopReason.ASSIGNMENTS_STABLE, bounds);
      }
      double[] sums = sums(points, moments, centres, bounds);
      double moved;
      if (relaxation.overshot(sums, centres)) {
        relaxation.retreat(centres, moves);
        moved = Double.POSITIVE_INFINITY;
      } else {
        moved = means(sums, centres, means, moves);
        boolean stop = moved < tolerance || iteration == limit;
        boolean plain = stop || (changed == 0 && !relaxation.atMeans());
        relaxation.step(centres, means, energy(sums, means), moves, plain);
      }
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
   * Over-relaxed steps, after Salakhutdinov and Roweis, "Adaptive overrelaxed bound optimization
   * methods" (ICML 2003): each step moves a centre {@code factor} times as far as the mean of its
   * points, the factor growing by {@link #GROWTH} per step up to {@link #MOST}; a step that ends
   * with more error than the plain step it replaced would have had is taken back to that plain
   * step, and the factor starts again from 1. The error then never rises above a plain step's, and
   * where it stops the centres are the means of their points, as in plain Lloyd.
   */
  private static final class Relaxation {
    static final double GROWTH = 1.5;
    static final double MOST = 8;

    private final double growth;
    private double factor = 1;
    private final double[] plainStep;
    private double plainEnergy = Double.POSITIVE_INFINITY;
    private boolean past;

    /**
     * Whether the centres are the means of the labels they were worked out from (before the first
     * step, as good as: no label has been given from them yet).
     */
    private boolean atMeans = true;

    /** {@code growth} 1 makes every step plain. */
    Relaxation(int size, double growth) {
      this.growth = growth;
      plainStep = new double[size];
    }

    /**
     * Whether the centres are the means of the labels before the last pass, so that a pass that
     * changes no label finds a fixed point.
     */
    boolean atMeans() {
      return atMeans;
    }

    /** Whether the last step went too far: more error than the plain step would have given. */
    boolean overshot(double[] sums, double[] centres) {
      return past && energy(sums, centres) > plainEnergy;
    }

    /** Goes back to the plain step, writing each centre's move into {@code moves}. */
    void retreat(double[] centres, double[] moves) {
      movesTo(centres, plainStep, moves);
      System.arraycopy(plainStep, 0, centres, 0, centres.length);
      factor = 1;
      past = false;
      atMeans = false;
    }

    /**
     * From {@code centres} past {@code means} by the factor, or to the means when {@code plain}:
     * the last step, and the step after a step past the means that changed no label, since going
     * further past them then only delays the fixed point.
     */
    void step(double[] centres, double[] means, double energy, double[] moves, boolean plain) {
      double by = plain ? 1 : factor;
      System.arraycopy(means, 0, plainStep, 0, means.length);
      plainEnergy = energy;
      for (int i = 0; i < centres.length; i++) {
        centres[i] = by == 1 ? means[i] : centres[i] + by * (means[i] - centres[i]);
      }
      for (int c = 0; c < moves.length; c++) {
        moves[c] *= by;
      }
      past = by > 1;
      atMeans = by == 1;
      factor = plain ? 1 : Math.min(MOST, factor * growth);
    }
  }

  /** How far each centre is from {@code to}, into {@code moves}. */
  private static void movesTo(double[] centres, double[] to, double[] moves) {
    for (int c = 0; c < moves.length; c++) {
      double dx = to[3 * c] - centres[3 * c];
      double dy = to[3 * c + 1] - centres[3 * c + 1];
      double dz = to[3 * c + 2] - centres[3 * c + 2];
      moves[c] = Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }

  /**
   * Each point's weight times its coordinates and times its squared norm, worked out once per run
   * instead of once per iteration; the products are the same numbers either way.
   */
  private record Moments(double[] x, double[] y, double[] z, double[] squares) {
    static Moments of(WeightedColors p) {
      Moments m =
          new Moments(
              new double[p.size], new double[p.size], new double[p.size], new double[p.size]);
      for (int i = 0; i < p.size; i++) {
        m.x[i] = p.weight[i] * p.x[i];
        m.y[i] = p.weight[i] * p.y[i];
        m.z[i] = p.weight[i] * p.z[i];
        m.squares[i] = p.weight[i] * (p.x[i] * p.x[i] + p.y[i] * p.y[i] + p.z[i] * p.z[i]);
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

  /** Per centre: weight, weighted coordinate sums and weighted squared norms of its points. */
  private static final int SUMS = 5;

  /**
   * The sums of every centre's points ({@link #SUMS} each); an empty cluster takes over the point
   * farthest from its centre (among clusters with more than one point).
   */
  private static double[] sums(WeightedColors p, Moments moments, double[] centres, Bounds bounds) {
    int k = centres.length / 3;
    int[] label = bounds.label;
    double[] sums = new double[SUMS * k];
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
    return sums;
  }

  /**
   * The mean of every centre's points into {@code means}, and how far each is from its centre into
   * {@code moves}; returns the largest.
   */
  private static double means(double[] sums, double[] centres, double[] means, double[] moves) {
    for (int c = 0; c < moves.length; c++) {
      double w = sums[SUMS * c];
      means[3 * c] = sums[SUMS * c + 1] / w;
      means[3 * c + 1] = sums[SUMS * c + 2] / w;
      means[3 * c + 2] = sums[SUMS * c + 3] / w;
    }
    movesTo(centres, means, moves);
    double moved = 0;
    for (double move : moves) {
      moved = Math.max(moved, move);
    }
    return moved;
  }

  /**
   * The weighted error of the points at {@code centres}, each with its label, from the sums: Σ w|x
   * − c|² = Σ w|x|² − 2 c·Σ wx + |c|² Σ w.
   */
  private static double energy(double[] sums, double[] centres) {
    double energy = 0;
    for (int c = 0; c < centres.length / 3; c++) {
      double x = centres[3 * c];
      double y = centres[3 * c + 1];
      double z = centres[3 * c + 2];
      int at = SUMS * c;
      energy +=
          sums[at + 4]
              - 2 * (x * sums[at + 1] + y * sums[at + 2] + z * sums[at + 3])
              + (x * x + y * y + z * z) * sums[at];
    }
    return energy;
  }

  /**
   * Adds the points from {@code from} on that share its label and returns the first that does not.
   * Neighbouring points (bins in order) mostly share a centre, so the sums stay in registers for
   * the run; they are the same additions in the same order as one point at a time.
   */
  private static int addRun(
      double[] sums, int[] members, int[] label, int from, WeightedColors p, Moments m) {
    int c = label[from];
    int at = SUMS * c;
    double w = sums[at];
    double x = sums[at + 1];
    double y = sums[at + 2];
    double z = sums[at + 3];
    double q = sums[at + 4];
    int i = from;
    do {
      w += p.weight[i];
      x += m.x[i];
      y += m.y[i];
      z += m.z[i];
      q += m.squares[i];
      i++;
    } while (i < p.size && label[i] == c);
    sums[at] = w;
    sums[at + 1] = x;
    sums[at + 2] = y;
    sums[at + 3] = z;
    sums[at + 4] = q;
    members[c] += i - from;
    return i;
  }

  private static void add(double[] sums, int c, WeightedColors p, int i, int sign) {
    double w = sign * p.weight[i];
    int at = SUMS * c;
    sums[at] += w;
    sums[at + 1] += w * p.x[i];
    sums[at + 2] += w * p.y[i];
    sums[at + 3] += w * p.z[i];
    sums[at + 4] += w * (p.x[i] * p.x[i] + p.y[i] * p.y[i] + p.z[i] * p.z[i]);
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
