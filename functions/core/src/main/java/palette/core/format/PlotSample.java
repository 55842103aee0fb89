package palette.core.format;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import palette.core.cluster.SplitMix;

/**
 * Which pixels the 3D scatter draws: a seeded random sample, stratified by cluster, of at most
 * {@code plotPoints} pixels.
 *
 * <p>Allocation: when the image has no more opaque pixels than {@code plotPoints}, all are drawn.
 * Otherwise each cluster first gets {@code min(size, floor)} points, where floor is {@value #FLOOR}
 * (or {@code plotPoints / clusters} when that is smaller), so that a colour covering 0.1% of a
 * photo still shows as a visible cloud; the remaining budget is shared in proportion to the cluster
 * sizes, never giving a cluster more points than it has pixels. Within a cluster every subset of
 * that size is equally likely (Floyd's algorithm on ranks, then one pass over the labels), and the
 * same seed gives the same sample.
 */
final class PlotSample {
  static final int FLOOR = 50;

  private PlotSample() {}

  /** Per cluster, the indices of its sampled pixels in ascending order. */
  static int[][] sample(byte[] labels, long[] counts, int plotPoints, long seed) {
    int[] quota = allocate(counts, plotPoints);
    SplitMix random = new SplitMix(seed ^ 0x5CA77E5L);
    int[][] ranks = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      ranks[i] = chooseRanks(Math.toIntExact(counts[i]), quota[i], random);
    }
    int[][] pixels = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      pixels[i] = new int[quota[i]];
    }
    // One pass over the labels; want[c] is the rank (within cluster c) of its next chosen pixel.
    int[] seen = new int[counts.length];
    int[] taken = new int[counts.length];
    int[] want = new int[counts.length];
    for (int c = 0; c < counts.length; c++) {
      want[c] = quota[c] > 0 ? ranks[c][0] : -1;
    }
    for (int p = 0; p < labels.length; p++) {
      int label = labels[p];
      if (label >= 0 && seen[label]++ == want[label]) {
        int next = taken[label];
        pixels[label][next] = p;
        taken[label] = ++next;
        want[label] = next < quota[label] ? ranks[label][next] : -1;
      }
    }
    return pixels;
  }

  /** Points per cluster: see the class comment. The sum is min(plotPoints, all pixels). */
  static int[] allocate(long[] counts, int plotPoints) {
    int n = counts.length;
    int[] quota = new int[n];
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total <= plotPoints) {
      for (int i = 0; i < n; i++) {
        quota[i] = (int) counts[i];
      }
      return quota;
    }
    int floor = Math.min(FLOOR, plotPoints / n);
    int rest = plotPoints;
    for (int i = 0; i < n; i++) {
      quota[i] = (int) Math.min(counts[i], floor);
      rest -= quota[i];
    }
    while (rest > 0) {
      rest -= shareOut(counts, quota, rest);
    }
    return quota;
  }

  /**
   * Gives {@code rest} points to the clusters with pixels left, in proportion to their size and
   * rounded down; when every part rounds to zero, one point to the largest of them. Returns the
   * number given, at least one.
   */
  private static int shareOut(long[] counts, int[] quota, int rest) {
    long weight = 0;
    for (int i = 0; i < counts.length; i++) {
      weight += quota[i] < counts[i] ? counts[i] : 0;
    }
    int given = 0;
    for (int i = 0; i < counts.length; i++) {
      if (quota[i] < counts[i]) {
        long add = Math.min(counts[i] - quota[i], (long) ((double) rest * counts[i] / weight));
        quota[i] += (int) add;
        given += (int) add;
      }
    }
    if (given > 0) {
      return given;
    }
    int largest = -1;
    for (int i = 0; i < counts.length; i++) {
      if (quota[i] < counts[i] && (largest < 0 || counts[i] > counts[largest])) {
        largest = i;
      }
    }
    quota[largest]++;
    return 1;
  }

  /** {@code quota} distinct ranks out of {@code 0..count-1}, ascending (Floyd's algorithm). */
  private static int[] chooseRanks(int count, int quota, SplitMix random) {
    if (quota == count) {
      int[] all = new int[count];
      Arrays.setAll(all, i -> i);
      return all;
    }
    Set<Integer> chosen = new HashSet<>(quota * 2);
    for (int j = count - quota; j < count; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
