package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * Checks everything {@link Clustering}'s contract promises, recomputed independently from the
 * pixels: used by the known-answer tests and the property tests alike.
 */
final class ClusteringInvariants {
  private ClusteringInvariants() {}

  static void check(PixelImage image, PaletteOptions options, Clustering c) {
    int[] argb = image.argb();
    int k = c.k();
    assertThat(k).isBetween(1, options.k());
    assertThat(Arrays.stream(c.centroids()).distinct().count()).isEqualTo(k);
    assertThat(Arrays.stream(c.centroids())).allMatch(rgb -> (rgb & 0xff000000) == 0);
    assertThat(c.labels()).hasSize(argb.length);
    assertThat(c.counts()).hasSize(k);
    assertThat(c.iterations()).isBetween(0, options.limit());

    double[][] centres = new double[k][];
    for (int i = 0; i < k; i++) {
      centres[i] = coordinates(options.space(), c.centroids()[i]);
    }
    long[] counted = new long[k];
    long sse = 0;
    long opaque = 0;
    for (int i = 0; i < argb.length; i++) {
      int label = c.labels()[i];
      if ((argb[i] >>> 24) < 128) {
        assertThat(label).as("label of transparent pixel %d", i).isEqualTo(-1);
        continue;
      }
      opaque++;
      assertThat(label).as("label of pixel %d", i).isBetween(0, k - 1);
      counted[label]++;
      sse += rgbDistance(c.centroids()[label], argb[i]);
      assertNearest(options.space(), centres, argb[i] & 0xffffff, label);
    }
    assertThat(c.counts()).containsExactly(counted);
    assertThat(Arrays.stream(c.counts())).allMatch(n -> n >= 1);
    assertThat(c.opaquePixels()).isEqualTo(opaque);
    assertThat(c.mse()).isFinite().isEqualTo((double) sse / opaque);
    assertThat(c.distinctColors()).isEqualTo(distinct(argb));
    if (c.distinctColors() <= options.k()) {
      assertThat(c.stopReason()).isEqualTo(StopReason.FEW_DISTINCT_COLORS);
      assertThat(c.iterations()).isZero();
      assertThat(sorted(c.centroids())).containsExactly(distinctColors(argb));
    } else {
      assertThat(c.stopReason()).isNotEqualTo(StopReason.FEW_DISTINCT_COLORS);
      assertThat(c.iterations()).isPositive();
    }
  }

  /** No palette colour is strictly nearer to the pixel, in the clustering space, than its own. */
  /** Colours, labels, counts, MSE, iterations and stop reason, bit for bit. */
  static void assertSame(Clustering actual, Clustering expected) {
    assertThat(actual.centroids()).containsExactly(expected.centroids());
    assertThat(actual.labels()).containsExactly(expected.labels());
    assertThat(actual.counts()).containsExactly(expected.counts());
    assertThat(actual.mse()).isEqualTo(expected.mse());
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
  }

  private static void assertNearest(ColorSpace space, double[][] centres, int rgb, int label) {
    double[] pixel = coordinates(space, rgb);
    double own = squared(centres[label], pixel);
    for (int other = 0; other < centres.length; other++) {
      if (squared(centres[other], pixel) < own) {
        throw new AssertionError(
            String.format("colour %06x labelled %d but %d is nearer", rgb, label, other));
      }
    }
  }

  private static double[] coordinates(ColorSpace space, int rgb) {
    double[] at = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    if (space == ColorSpace.OKLAB) {
      Oklab.fromRgb(rgb, at);
    }
    return at;
  }

  /** (centre - pixel)², summed in the engine's order so equal distances compare equal. */
  private static double squared(double[] centre, double[] pixel) {
    double dx = pixel[0] - centre[0];
    double dy = pixel[1] - centre[1];
    double dz = pixel[2] - centre[2];
    return dx * dx + dy * dy + dz * dz;
  }

  static int rgbDistance(int a, int b) {
    int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
    int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }

  static int distinct(int[] argb) {
    return distinctColors(argb).length;
  }

  static int[] distinctColors(int[] argb) {
    return Arrays.stream(argb)
        .filter(p -> (p >>> 24) >= 128)
        .map(p -> p & 0xffffff)
        .distinct()
        .sorted()
        .toArray();
  }

  static int[] sorted(int[] values) {
    int[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
