package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.Fixtures;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;

/**
 * On a dark photo with small bright details (the Hubble deep field), squared-error k-means spends
 * colours on near-blacks nobody can tell apart and blends the reddest galaxies into a dull pink;
 * the palette must instead keep its colours visibly apart and give the saturated details a colour.
 */
class AccentsTest {
  private static final PixelImage HUBBLE =
      ImageDecoder.decode(Fixtures.bytes("photos/hubble_deep_field.jpg"), ImageLimits.defaults());

  @ParameterizedTest
  @ValueSource(ints = {6, 16, 32})
  void noTwoColoursOfTheHubblePaletteLookTheSame(int k) {
    int[] colors = KMeans.cluster(HUBBLE, PaletteOptions.defaults().withK(k)).centroids();

    assertThat(colors).hasSize(k);
    double closest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < colors.length; i++) {
      for (int j = i + 1; j < colors.length; j++) {
        closest = Math.min(closest, Ciede2000.between(colors[i], colors[j]));
      }
    }
    assertThat(closest).isGreaterThanOrEqualTo(Accents.JND);
  }

  @Test
  void theReddestGalaxiesGetAColourOfTheirOwnAtK32() {
    // The pixels of chroma 50 and more: 0.1% of the photo, nearly all red-orange.
    double[] sum = new double[3];
    int n = 0;
    for (int argb : HUBBLE.pixels()) {
      double[] lab = Ciede2000.lab(argb & 0xffffff);
      if (Ciede2000.chroma(lab) >= 50) {
        for (int c = 0; c < 3; c++) {
          sum[c] += lab[c];
        }
        n++;
      }
    }
    assertThat(n).isGreaterThan(HUBBLE.pixels().length / 2000);
    double[] saturated = {sum[0] / n, sum[1] / n, sum[2] / n};

    int[] colors = KMeans.cluster(HUBBLE, PaletteOptions.defaults().withK(32)).centroids();

    double nearest = Double.POSITIVE_INFINITY;
    for (int color : colors) {
      nearest = Math.min(nearest, Ciede2000.of(saturated, Ciede2000.lab(color)));
    }
    assertThat(nearest).isLessThanOrEqualTo(Accents.UNSERVED);
  }

  /**
   * Twelve shades of red, each in a cell of its own holding under 0.01% of the pixels, together
   * 0.06%: one detail, not twelve specks too small to count. One of two near-identical blacks goes
   * to it.
   */
  @Test
  void aSaturatedDetailSpreadOverManyShadesGetsAColour() {
    int shades = 12;
    int[] colors = new int[3 + shades];
    long[] counts = new long[colors.length];
    colors[0] = 0x050505;
    colors[1] = 0x070707;
    colors[2] = 0x808080;
    counts[0] = 10_000;
    counts[1] = 10_000;
    counts[2] = 10_000;
    double[] red = new double[3];
    for (int s = 0; s < shades; s++) {
      colors[3 + s] = (160 + 8 * s) << 16 | 0x1010;
      counts[3 + s] = 2;
      red[0] += (160 + 8 * s) / (double) shades;
      red[1] += 16.0 / shades;
      red[2] += 16.0 / shades;
    }
    WeightedColors points =
        WeightedColors.ofColors(colors, counts, palette.core.options.ColorSpace.RGB);
    double[] centres = {5, 5, 5, 7, 7, 7, 128, 128, 128};
    assertThat(Ciede2000.between(0x050505, 0x070707)).isLessThan(Accents.JND);
    assertThat(2.0 / 30_024).as("each shade's share").isLessThan(Accents.MIN_SHARE);

    double[] after = Accents.spread(points, centres, palette.core.options.ColorSpace.RGB, 20, 0.01);

    int reds = (int) Math.round(red[0]) << 16 | (int) Math.round(red[1]) << 8 | 16;
    double nearest = Double.POSITIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      int rgb =
          WeightedColors.toRgb(
              palette.core.options.ColorSpace.RGB,
              after[3 * c],
              after[3 * c + 1],
              after[3 * c + 2]);
      nearest = Math.min(nearest, Ciede2000.between(rgb, reds));
    }
    assertThat(nearest).isLessThanOrEqualTo(Accents.UNSERVED);
  }

  @Test
  void aPaletteWhoseColoursAreAllDistinctIsLeftAsItWas() {
    WeightedColors points =
        WeightedColors.ofColors(
            new int[] {0x000000, 0x808080, 0xffffff, 0xff0000},
            new long[] {10, 10, 10, 1},
            palette.core.options.ColorSpace.RGB);
    double[] centres = {0, 0, 0, 128, 128, 128, 255, 255, 255};

    double[] after = Accents.spread(points, centres, palette.core.options.ColorSpace.RGB, 20, 0.01);

    assertThat(after).containsExactly(centres);
  }
}
