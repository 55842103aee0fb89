package palette.core.cluster;

/**
 * Greedy k-means++ seeding on weighted points (Arthur and Vassilvitskii, 2007, with the several
 * local trials per centre that scikit-learn uses): each new centre is the best of {@code 2 + ln k}
 * candidates drawn with probability proportional to weight times squared distance to the nearest
 * centre so far. Needs more distinct points than k.
 */
final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /** {@code k} centres as {@code [x0, y0, z0, x1, ...]}. */
  static double[] seed(WeightedColors points, int k, SplitMix random) {
    int n = points.size;
    double[] centres = new double[3 * k];
    double[] closest = new double[n];
    double[] trial = new double[n];
    double[] best = new double[n];
    double weight = 0;
    for (double w : points.weight) {
      weight += w;
    }
    int first = draw(points.weight, null, weight, random);
    setCentre(centres, 0, points, first);
    double potential = distances(points, first, null, closest);
    int trials = 2 + (int) Math.log(k);
    for (int c = 1; c < k; c++) {
      double bestPotential = Double.POSITIVE_INFINITY;
      int bestPoint = -1;
      for (int t = 0; t < trials; t++) {
        int candidate = draw(points.weight, closest, potential, random);
        double p = distances(points, candidate, closest, trial);
        if (p < bestPotential) {
          bestPotential = p;
          bestPoint = candidate;
          double[] swap = best;
          best = trial;
          trial = swap;
        }
      }
      setCentre(centres, c, points, bestPoint);
      double[] swap = closest;
      closest = best;
      best = swap;
      potential = bestPotential;
    }
    return centres;
  }

  /**
   * Squared distance of every point to {@code point}, capped by {@code cap} when given, into {@code
   * out}; returns the weighted sum.
   */
  private static double distances(WeightedColors p, int point, double[] cap, double[] out) {
    double px = p.x[point];
    double py = p.y[point];
    double pz = p.z[point];
    double sum = 0;
    for (int i = 0; i < p.size; i++) {
      double dx = p.x[i] - px;
      double dy = p.y[i] - py;
      double dz = p.z[i] - pz;
      double d = dx * dx + dy * dy + dz * dz;
      if (cap != null) {
        d = Math.min(d, cap[i]);
      }
      out[i] = d;
      sum += p.weight[i] * d;
    }
    return sum;
  }

  /**
   * A point drawn with probability proportional to {@code weight * factor} (factor 1 if null). When
   * no point has any mass left (every point is already a centre) it returns point 0; the duplicate
   * centre then loses its points and Lloyd's empty-cluster rule moves it.
   */
  private static int draw(double[] weight, double[] factor, double total, SplitMix random) {
    double target = random.nextDouble() * total;
    double running = 0;
    int last = -1;
    for (int i = 0; i < weight.length; i++) {
      double mass = factor == null ? weight[i] : weight[i] * factor[i];
      if (mass > 0) {
        running += mass;
        last = i;
        if (running > target) {
          return i;
        }
      }
    }
    return Math.max(0, last);
  }

  private static void setCentre(double[] centres, int c, WeightedColors p, int point) {
    centres[3 * c] = p.x[point];
    centres[3 * c + 1] = p.y[point];
    centres[3 * c + 2] = p.z[point];
  }
}
