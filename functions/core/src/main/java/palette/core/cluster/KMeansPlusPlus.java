package palette.core.cluster;

import java.util.Arrays;

/**
 * Greedy k-means++ seeding on weighted points (Arthur and Vassilvitskii, 2007, with the several
 * local trials per centre that scikit-learn uses): each new centre is the best of {@code 2 + ln k}
 * candidates drawn with probability proportional to weight times squared distance to the nearest
 * centre so far. Needs more distinct points than k.
 */
final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /** Points per block of the potential: a draw skips whole blocks by their sums. */
  private static final int BLOCK = 64;

  /** {@code k} centres as {@code [x0, y0, z0, x1, ...]}. */
  static double[] seed(WeightedColors points, int k, SplitMix random) {
    double[] centres = new double[3 * k];
    Potential closest = Potential.uniform(points);
    Potential trial = new Potential(points.size);
    Potential best = new Potential(points.size);
    int first = closest.draw(points.weight, random);
    setCentre(centres, 0, points, first);
    closest.distances(points, first, null);
    int trials = 2 + (int) Math.log(k);
    for (int c = 1; c < k; c++) {
      double bestPotential = Double.POSITIVE_INFINITY;
      int bestPoint = -1;
      for (int t = 0; t < trials; t++) {
        int candidate = closest.draw(points.weight, random);
        trial.distances(points, candidate, closest.squared);
        if (trial.total < bestPotential) {
          bestPotential = trial.total;
          bestPoint = candidate;
          Potential swap = best;
          best = trial;
          trial = swap;
        }
      }
      setCentre(centres, c, points, bestPoint);
      Potential swap = closest;
      closest = best;
      best = swap;
    }
    return centres;
  }

  /**
   * Each point's squared distance to its nearest centre so far, and the weighted sums of those by
   * block of {@link #BLOCK} points and in all, added block by block in a fixed order.
   */
  private static final class Potential {
    final double[] squared;
    final double[] blocks;
    double total;

    Potential(int size) {
      squared = new double[size];
      blocks = new double[(size + BLOCK - 1) / BLOCK];
    }

    /** Every point at distance 1: the first centre is drawn by weight alone. */
    static Potential uniform(WeightedColors p) {
      Potential potential = new Potential(p.size);
      Arrays.fill(potential.squared, 1);
      potential.sum(p.weight);
      return potential;
    }

    /** Squared distances of every point to {@code point}, capped by {@code cap} when given. */
    void distances(WeightedColors p, int point, double[] cap) {
      double px = p.x[point];
      double py = p.y[point];
      double pz = p.z[point];
      for (int i = 0; i < p.size; i++) {
        double dx = p.x[i] - px;
        double dy = p.y[i] - py;
        double dz = p.z[i] - pz;
        squared[i] = dx * dx + dy * dy + dz * dz;
      }
      if (cap != null) {
        for (int i = 0; i < p.size; i++) {
          squared[i] = Math.min(squared[i], cap[i]);
        }
      }
      sum(p.weight);
    }

    /**
     * The block sums, four running sums to a block so that the additions overlap, and their total.
     */
    private void sum(double[] weight) {
      double all = 0;
      for (int b = 0; b < blocks.length; b++) {
        int from = b * BLOCK;
        int to = Math.min(weight.length, from + BLOCK);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
          s0 += weight[i] * squared[i];
          s1 += weight[i + 1] * squared[i + 1];
          s2 += weight[i + 2] * squared[i + 2];
          s3 += weight[i + 3] * squared[i + 3];
        }
        for (; i < to; i++) {
          s0 += weight[i] * squared[i];
        }
        blocks[b] = (s0 + s1) + (s2 + s3);
        all += blocks[b];
      }
      total = all;
    }

    /**
     * A point drawn with probability proportional to weight times squared distance: whole blocks
     * are passed by their sums, then the points of the block one at a time. When no point has any
     * mass left (every point is already a centre) it returns the last point with mass, or point 0;
     * the duplicate centre then loses its points and Lloyd's empty-cluster rule moves it.
     */
    int draw(double[] weight, SplitMix random) {
      double target = random.nextDouble() * total;
      double running = 0;
      int b = 0;
      while (b < blocks.length - 1 && running + blocks[b] <= target) {
        running += blocks[b++];
      }
      for (int i = b * BLOCK; i < weight.length; i++) {
        double mass = weight[i] * squared[i];
        if (mass > 0) {
          running += mass;
          if (running > target) {
            return i;
          }
        }
      }
      for (int i = weight.length - 1; i >= 0; i--) {
        if (weight[i] * squared[i] > 0) {
          return i;
        }
      }
      return 0;
    }
  }

  private static void setCentre(double[] centres, int c, WeightedColors p, int point) {
    centres[3 * c] = p.x[point];
    centres[3 * c + 1] = p.y[point];
    centres[3 * c + 2] = p.z[point];
  }
}
