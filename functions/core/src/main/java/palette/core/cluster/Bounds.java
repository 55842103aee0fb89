package palette.core.cluster;

import java.util.Arrays;

/**
 * Each point's nearest centre with Hamerly's bounds: {@code upper} is at least the distance to its
 * own centre, {@code lower} at most the distance to any other. While {@code upper < lower} the
 * point's centre is strictly the nearest and its distances need not be computed.
 */
final class Bounds {
  /** The points these bounds are for. */
  final WeightedColors points;

  final int[] label;
  private final double[] upper;
  private final double[] lower;

  /**
   * How far the last {@link #loosen} widens each point's bounds, by its centre: applied in the next
   * {@link #assign}, which visits every point anyway, instead of in a pass of its own.
   */
  private final double[] grow;

  private final double[] shrink;

  Bounds(WeightedColors points, int k) {
    this.points = points;
    label = new int[points.size];
    upper = new double[points.size];
    lower = new double[points.size];
    grow = new double[k];
    shrink = new double[k];
    Arrays.fill(label, -1);
  }

  private Bounds(Bounds from) {
    points = from.points;
    label = from.label.clone();
    upper = from.upper.clone();
    lower = from.lower.clone();
    grow = from.grow.clone();
    shrink = from.shrink.clone();
  }

  /**
   * Bounds for the distinct colours of a histogram, each from the bounds of the bin it falls in: a
   * colour at distance r from its bin's point is at most r farther from the bin's centre and at
   * least r nearer any other (the triangle inequality). Most colours then keep their bin's centre
   * without computing a distance, where fresh bounds would compute k for every colour.
   *
   * @param colors the histogram's distinct colours, in bin order ({@link
   *     WeightedColors#ofDistinctColors})
   * @param bins bounds on the histogram's bins ({@link WeightedColors#of}), valid for the centres
   *     the colours are to start from
   */
  static Bounds ofColors(WeightedColors colors, ColorHistogram histogram, Bounds bins) {
    Bounds bounds = new Bounds(colors, bins.grow.length);
    WeightedColors p = bins.points;
    int i = 0;
    for (int j = 0; j < p.size; j++) {
      int n = Long.bitCount(histogram.cells[ColorHistogram.STRIDE * p.bin[j]]);
      for (int end = i + n; i < end; i++) {
        double dx = colors.x[i] - p.x[j];
        double dy = colors.y[i] - p.y[j];
        double dz = colors.z[i] - p.z[j];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        bounds.label[i] = bins.label[j];
        bounds.upper[i] = bins.upper[j] + r;
        bounds.lower[i] = bins.lower[j] - r;
      }
    }
    return bounds;
  }

  /**
   * Bounds for {@code centres}: the centres these bounds hold for, with those listed in {@code
   * moved} put elsewhere (a move of {@link LocalSearch}). Only the distances to the moved centres
   * are computed, one or two per point where fresh bounds compute k: a point whose own centre moved
   * gets that distance as its upper bound, and every point's lower bound is at most its distance to
   * any moved centre not its own (the centres that stayed are as far as before). The labels stay
   * those of the old centres, so the next {@link #assign} gives every point the label fresh bounds
   * would, and the iteration goes on exactly as from fresh bounds.
   */
  Bounds moved(double[] centres, int... moved) {
    Bounds bounds = copy();
    WeightedColors p = points;
    for (int i = 0; i < p.size; i++) {
      int own = label[i];
      for (int c : moved) {
        double d = Math.sqrt(Lloyd.squared(p, i, centres, c));
        if (c == own) {
          bounds.upper[i] = d;
        } else {
          bounds.lower[i] = Math.min(bounds.lower[i], d);
        }
      }
    }
    return bounds;
  }

  /** A copy to go on from, leaving these as they are. */
  Bounds copy() {
    return new Bounds(this);
  }

  /**
   * Points per range of the assignment pass below which a second thread costs more than it saves.
   * Each point's label and bounds depend on nothing but the point and the centres, so splitting the
   * pass cannot change them.
   */
  static final int POINTS_PER_CORE = 1 << 15;

  /** Nearest centre of every point (ties: lowest index); returns how many labels changed. */
  int assign(WeightedColors p, double[] centres) {
    int changed = 0;
    for (int part :
        Parallel.ranges(p.size, POINTS_PER_CORE, (from, to) -> assign(p, centres, from, to))) {
      changed += part;
    }
    Arrays.fill(grow, 0);
    Arrays.fill(shrink, 0);
    return changed;
  }

  /** Nearest centre of the points {@code [from, to)}; returns how many labels changed. */
  private int assign(WeightedColors p, double[] centres, int from, int to) {
    double[] two = new double[2];
    Axes axes = Axes.of(centres);
    int changed = 0;
    for (int i = from; i < to; i++) {
      int own = label[i];
      if (own >= 0) {
        double up = upper[i] + grow[own];
        double low = lower[i] - shrink[own];
        lower[i] = low;
        if (up < low) {
          upper[i] = up;
          continue;
        }
        up = Math.sqrt(Lloyd.squared(p, i, centres, own));
        upper[i] = up;
        if (up < low) {
          continue;
        }
      }
      int nearest = axes.nearestTwo(p.x[i], p.y[i], p.z[i], two);
      upper[i] = Math.sqrt(two[0]);
      lower[i] = Math.sqrt(two[1]);
      if (own != nearest) {
        label[i] = nearest;
        changed++;
      }
    }
    return changed;
  }

  /**
   * The centres one axis to an array, so that the distances to all of them are one loop the
   * compiler can run several lanes at a time; the sums are the same as one centre at a time.
   */
  record Axes(double[] x, double[] y, double[] z, double[] distance) {
    static Axes of(double[] centres) {
      int k = centres.length / 3;
      Axes axes = new Axes(new double[k], new double[k], new double[k], new double[k]);
      for (int c = 0; c < k; c++) {
        axes.x[c] = centres[3 * c];
        axes.y[c] = centres[3 * c + 1];
        axes.z[c] = centres[3 * c + 2];
      }
      return axes;
    }

    /**
     * The centre nearest to the point {@code (px, py, pz)} (ties: lowest index); the squared
     * distances to it and to the second nearest go into {@code two}.
     */
    int nearestTwo(double px, double py, double pz, double[] two) {
      double[] d = distance;
      for (int c = 0; c < d.length; c++) {
        double dx = px - x[c];
        double dy = py - y[c];
        double dz = pz - z[c];
        d[c] = dx * dx + dy * dy + dz * dz;
      }
      int nearest = 0;
      double min = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      for (int c = 0; c < d.length; c++) {
        double e = d[c];
        if (e < min) {
          second = min;
          min = e;
          nearest = c;
        } else if (e < second) {
          second = e;
        }
      }
      two[0] = min;
      two[1] = second;
      return nearest;
    }
  }

  /**
   * Widens the bounds after centre {@code c} moved by {@code moves[c]}: the next {@link #assign}
   * adds its own centre's move to a point's upper bound and takes the largest move of any other
   * centre off its lower bound.
   */
  void loosen(double[] moves) {
    int fastest = 0;
    for (int c = 1; c < moves.length; c++) {
      fastest = moves[c] > moves[fastest] ? c : fastest;
    }
    double runnerUp = 0;
    for (int c = 0; c < moves.length; c++) {
      runnerUp = c != fastest ? Math.max(runnerUp, moves[c]) : runnerUp;
    }
    for (int c = 0; c < moves.length; c++) {
      grow[c] = moves[c];
      shrink[c] = c == fastest ? runnerUp : moves[fastest];
    }
  }

  /** Forces a full check of point {@code i}, whose centre was changed from outside. */
  void forget(int i) {
    upper[i] = Double.POSITIVE_INFINITY;
    lower[i] = Double.NEGATIVE_INFINITY;
  }
}
