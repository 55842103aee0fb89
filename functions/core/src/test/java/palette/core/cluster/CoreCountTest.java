package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/** The palette is the same bit for bit whether the work is spread over one core or several. */
class CoreCountTest {

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void resultDoesNotDependOnTheNumberOfCores(ColorSpace space) {
    // Large enough for the pixel passes to split into several ranges (Parallel.MIN_CHUNK each).
    PixelImage image = KMeansTest.noise(800, 600, 17);
    PaletteOptions options = PaletteOptions.defaults().withK(9).withSpace(space);

    Clustering one = clusterWithCores(1, image, options);
    Clustering three = clusterWithCores(3, image, options);

    assertThat(three.centroids()).containsExactly(one.centroids());
    assertThat(three.labels()).containsExactly(one.labels());
    assertThat(three.counts()).containsExactly(one.counts());
    assertThat(three.mse()).isEqualTo(one.mse());
    assertThat(three.iterations()).isEqualTo(one.iterations());
    assertThat(three.stopReason()).isEqualTo(one.stopReason());
  }

  private static Clustering clusterWithCores(int cores, PixelImage image, PaletteOptions options) {
    Parallel.assumedCores = cores;
    try {
      return KMeans.cluster(image, options);
    } finally {
      Parallel.assumedCores = 0;
    }
  }
}
