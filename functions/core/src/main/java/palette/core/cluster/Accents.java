package palette.core.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;
import palette.core.options.ColorSpace;

/**
 * Keeps every palette colour visibly different from the others and gives small saturated details a
 * colour of their own. k-means minimises squared error, so on a dark photo with small bright
 * details (a star field, city lights) it spends several colours on near-blacks nobody can tell
 * apart and blends a red star into a dull pink. After clustering, while two colours are closer than
 * a just-noticeable difference ({@link #JND}, ΔE00), the one that stands for fewer pixels goes to
 * the most saturated detail the palette leaves unserved, and Lloyd settles all the colours around
 * it. A detail is the pixels around a saturated colour: the cells of 8×8×8 RGB levels within {@link
 * #DETAIL} of the most saturated one, together at least {@link #MIN_SHARE} of the pixels, each at
 * least {@link #UNSERVED} from every other palette colour; it gets their mean colour. A detail
 * spread over many shades (the red galaxies of the Hubble deep field, none of whose cells holds
 * 0.01% of the photo) counts as one. Each move raises the squared error a little: the price of a
 * palette whose colours can all be told apart. A palette whose colours are all distinct is left
 * exactly as it was, and so is one with no unserved detail.
 */
final class Accents {
  /** ΔE00 below which two colours count as the same to the eye. */
  static final double JND = 1.0;

  /** ΔE00 from every palette colour beyond which a group of pixels counts as unserved. */
  static final double UNSERVED = 3.0;

  /** Smallest share of the pixels a detail must hold to get a colour of its own. */
  static final double MIN_SHARE = 1e-4;

  /**
   * ΔE00 from a detail's most saturated cell within which its other cells lie. Chosen on the Hubble
   * deep field: with 10 its reddest pixels ended ΔE00 5.4 (k = 16) and 1.0 (k = 32) from a colour,
   * with 15 (a wider, duller mean) 5.9 and 2.7; since k-means steps past the means (change 13 in
   * {@code docs/quality.md}), 5.3 and 2.7.
   */
  static final double DETAIL = 10.0;

  /**
   * Saturated cells tried as the core of a detail, most saturated first. Each try compares every
   * cell with it once; what is still left after this many is scattered single cells.
   */
  static final int MAX_DETAILS_TRIED = 32;

  private Accents() {}

  /**
   * The centres, in {@code space}, with no two colours within {@link #JND} where avoidable; each
   * move lets Lloyd settle for at most {@code limit} (and {@link LocalSearch#SETTLE_ITERATIONS})
   * iterations, so the other colours make room.
   */
  static double[] spread(
      WeightedColors points, double[] centres, ColorSpace space, int limit, double tolerance) {
    double[] out = centres.clone();
    int k = out.length / 3;
    Groups groups = null;
    double[] at = new double[3];
    for (int move = 0; move < k; move++) {
      double[][] lab = new double[k][];
      for (int c = 0; c < k; c++) {
        lab[c] = Ciede2000.lab(rgb(out, c, space));
      }
      int[] pair = closestPair(lab);
      if (pair == null) {
        return out;
      }
      double[] weight = clusterWeights(points, out);
      int drop = weight[pair[0]] <= weight[pair[1]] ? pair[0] : pair[1];
      groups = groups != null ? groups : Groups.of(points, space);
      double[] detail = groups.mostSaturatedUnservedDetail(lab, drop);
      if (detail == null) {
        return out;
      }
      WeightedColors.coordinates(space, detail[0], detail[1], detail[2], at);
      System.arraycopy(at, 0, out, 3 * drop, 3);
      out =
          Lloyd.plain(points, out, Math.min(limit, LocalSearch.SETTLE_ITERATIONS), tolerance)
              .centres();
    }
    return out;
  }

  /** The two colours closest in ΔE00 when that is below {@link #JND}; null when none are. */
  private static int[] closestPair(double[][] lab) {
    int[] pair = null;
    double closest = JND;
    for (int i = 0; i < lab.length; i++) {
      for (int j = i + 1; j < lab.length; j++) {
        double d = Ciede2000.of(lab[i], lab[j]);
        if (d < closest) {
          closest = d;
          pair = new int[] {i, j};
        }
      }
    }
    return pair;
  }

  /**
   * The points gathered into cells of 8×8×8 RGB levels: weight and mean colour of each, and the
   * cells from the most saturated down.
   */
  private record Groups(
      int size, double[] weight, double[] mean, double[][] lab, double total, int[] bySaturation) {
    static Groups of(WeightedColors p, ColorSpace space) {
      int[] index = new int[1 << 15];
      Arrays.fill(index, -1);
      double[] weight = new double[p.size];
      double[] sum = new double[3 * p.size];
      int size = 0;
      double total = 0;
      for (int i = 0; i < p.size; i++) {
        int rgb = WeightedColors.toRgb(space, p.x[i], p.y[i], p.z[i]);
        int cell = (rgb >> 9) & 0x7c00 | (rgb >> 6) & 0x3e0 | (rgb >> 3) & 0x1f;
        if (index[cell] < 0) {
          index[cell] = size++;
        }
        int g = index[cell];
        double w = p.weight[i];
        weight[g] += w;
        sum[3 * g] += w * ((rgb >> 16) & 0xff);
        sum[3 * g + 1] += w * ((rgb >> 8) & 0xff);
        sum[3 * g + 2] += w * (rgb & 0xff);
        total += w;
      }
      double[][] lab = new double[size][];
      for (int g = 0; g < size; g++) {
        for (int channel = 0; channel < 3; channel++) {
          sum[3 * g + channel] /= weight[g];
        }
        lab[g] =
            Ciede2000.lab(
                WeightedColors.toRgb(ColorSpace.RGB, sum[3 * g], sum[3 * g + 1], sum[3 * g + 2]));
      }
      double[] chroma = new double[size];
      Arrays.setAll(chroma, g -> Ciede2000.chroma(lab[g]));
      int[] bySaturation =
          IntStream.range(0, size)
              .boxed()
              .sorted((g, h) -> Double.compare(chroma[h], chroma[g]))
              .mapToInt(Integer::intValue)
              .toArray();
      return new Groups(size, weight, sum, lab, total, bySaturation);
    }

    /**
     * The mean RGB colour of the most saturated detail no palette colour but {@code drop} serves:
     * cells taken most saturated first, each with the unserved cells within {@link #DETAIL} of it,
     * until they hold {@link #MIN_SHARE} of the weight; null if none do.
     */
    double[] mostSaturatedUnservedDetail(double[][] palette, int drop) {
      boolean[] taken = new boolean[size];
      int tried = 0;
      for (int core : bySaturation) {
        if (taken[core] || !unserved(core, palette, drop)) {
          continue;
        }
        if (++tried > MAX_DETAILS_TRIED) {
          return null;
        }
        double w = 0;
        double[] sum = new double[3];
        for (int g = 0; g < size; g++) {
          if (!taken[g]
              && Ciede2000.of(lab[g], lab[core]) <= DETAIL
              && unserved(g, palette, drop)) {
            taken[g] = true;
            w += weight[g];
            for (int c = 0; c < 3; c++) {
              sum[c] += weight[g] * mean[3 * g + c];
            }
          }
        }
        if (w >= MIN_SHARE * total) {
          return new double[] {sum[0] / w, sum[1] / w, sum[2] / w};
        }
      }
      return null;
    }

    /** Whether cell {@code g} is at least {@link #UNSERVED} from every colour but {@code drop}. */
    private boolean unserved(int g, double[][] palette, int drop) {
      for (int c = 0; c < palette.length; c++) {
        if (c != drop && Ciede2000.of(lab[g], palette[c]) < UNSERVED) {
          return false;
        }
      }
      return true;
    }
  }

  private static double[] clusterWeights(WeightedColors p, double[] centres) {
    double[] weight = new double[centres.length / 3];
    double[] two = new double[2];
    Bounds.Axes axes = Bounds.Axes.of(centres);
    for (int i = 0; i < p.size; i++) {
      weight[axes.nearestTwo(p.x[i], p.y[i], p.z[i], two)] += p.weight[i];
    }
    return weight;
  }

  private static int rgb(double[] centres, int c, ColorSpace space) {
    return WeightedColors.toRgb(space, centres[3 * c], centres[3 * c + 1], centres[3 * c + 2]);
  }
}
