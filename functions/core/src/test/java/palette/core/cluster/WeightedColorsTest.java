package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palette.core.options.ColorSpace;

class WeightedColorsTest {
  /** {@code n} distinct opaque colours, each on two pixels, spread over the whole cube. */
  private static int[] distinctColors(int n) {
    int[] argb = new int[2 * n];
    for (int i = 0; i < n; i++) {
      int rgb = (int) ((i * 0x9E3779B1L) & 0xffffff) | 0xff000000;
      argb[2 * i] = rgb;
      argb[2 * i + 1] = rgb;
    }
    return argb;
  }

  @Test
  void anImageOfSomeThousandsOfColoursIsClusteredOnItsColours() {
    ColorHistogram histogram = ColorHistogram.of(distinctColors(6_000));
    assertThat(histogram.distinctColors()).isEqualTo(6_000);

    WeightedColors points = WeightedColors.of(histogram, ColorSpace.RGB);

    assertThat(points.bin).isNull();
    assertThat(points.size).isEqualTo(6_000);
    assertThat(points.weight).containsOnly(2.0);
  }

  @Test
  void moreColoursThanTheLimitAreClusteredOnBins() {
    // Pairs of colours that differ only in each channel's lowest bit share a 4x4x4 bin.
    int[] argb = distinctColors(WeightedColors.EXACT_LIMIT / 2 + 1);
    int[] pairs = new int[2 * argb.length];
    for (int i = 0; i < argb.length; i++) {
      pairs[2 * i] = argb[i] & ~0x010101;
      pairs[2 * i + 1] = argb[i] | 0x010101;
    }
    ColorHistogram histogram = ColorHistogram.of(pairs);
    assertThat(histogram.distinctColors()).isEqualTo(WeightedColors.EXACT_LIMIT + 2);

    WeightedColors points = WeightedColors.of(histogram, ColorSpace.RGB);

    assertThat(points.bin).isNotNull();
    assertThat(points.size).isEqualTo(WeightedColors.EXACT_LIMIT / 2 + 1);
  }
}
