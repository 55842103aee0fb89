package palette.core;

import java.util.Arrays;

/**
 * Each point's nearest centre with Hamerly's bounds: {@code upper} is at least the distance to its
 * own centre, {@code lower} at most the distance to any other. While {@code upper < lower} the
 * point's centre is strictly the nearest and its distances need not be computed.
 */
final class Bounds {
  final int[] label;
  private final double[] upper;
  private final double[] lower;

  Bounds(int size) {
    label = new int[size];
    upper = new double[size];
    lower = new double[size];
    Arrays.fill(label, -1);
  }

  /** Nearest centre of every point (ties: lowest index); returns how many labels changed. */
  int assign(WeightedColors p, double[] centres) {
    int k = centres.length / 3;
    int changed = 0;
    for (int i = 0; i < p.size; i++) {
      int own = label[i];
      if (own >= 0) {
        if (upper[i] < lower[i]) {
          continue;
        }
        upper[i] = Math.sqrt(Lloyd.squared(p, i, centres, own));
        if (upper[i] < lower[i]) {
          continue;
        }
      }
      double px = p.x[i];
      double py = p.y[i];
      double pz = p.z[i];
      int nearest = 0;
      double min = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      for (int c = 0, at = 0; c < k; c++, at += 3) {
        double dx = px - centres[at];
        double dy = py - centres[at + 1];
        double dz = pz - centres[at + 2];
        double d = dx * dx + dy * dy + dz * dz;
        if (d < min) {
          second = min;
          min = d;
          nearest = c;
        } else if (d < second) {
          second = d;
        }
      }
      upper[i] = Math.sqrt(min);
      lower[i] = Math.sqrt(second);
      if (own != nearest) {
        label[i] = nearest;
        changed++;
      }
    }
    return changed;
  }

  /** Widens the bounds after centre {@code c} moved by {@code moves[c]}. */
  void loosen(double[] moves) {
    int fastest = 0;
    for (int c = 1; c < moves.length; c++) {
      fastest = moves[c] > moves[fastest] ? c : fastest;
    }
    double runnerUp = 0;
    for (int c = 0; c < moves.length; c++) {
      runnerUp = c != fastest ? Math.max(runnerUp, moves[c]) : runnerUp;
    }
    for (int i = 0; i < label.length; i++) {
      int own = label[i];
      upper[i] += moves[own];
      lower[i] -= own == fastest ? runnerUp : moves[fastest];
    }
  }

  /** Forces a full check of point {@code i}, whose centre was changed from outside. */
  void forget(int i) {
    upper[i] = Double.POSITIVE_INFINITY;
    lower[i] = 0;
  }
}
