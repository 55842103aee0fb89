package palette.core.cluster;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * The palette is the same bit for bit whether the work is spread over one core or several: every
 * stage (screened starts, finalists, swap moves, the exact pass on distinct colours) at k = 9 and
 * at k = 32, on 2, 3 and 4 cores against 1, and the search on the colours where bins are few.
 */
class CoreCountTest {

  static Stream<Arguments> cases() {
    return Stream.of(ColorSpace.values())
        .flatMap(
            space ->
                Stream.of(9, 32)
                    .flatMap(k -> Stream.of(2, 3, 4).map(cores -> Arguments.of(space, k, cores))));
  }

  @ParameterizedTest(name = "{0} k={1} on {2} cores")
  @MethodSource("cases")
  void resultDoesNotDependOnTheNumberOfCores(ColorSpace space, int k, int cores) {
    // Large enough for the pixel passes to split into several ranges (Parallel.MIN_CHUNK each).
    PixelImage image = KMeansTest.noise(800, 600, 17);
    PaletteOptions options = PaletteOptions.defaults().withK(k).withSpace(space);

    assertSameOnOneAnd(cores, image, options);
  }

  /** The same where the search runs on the distinct colours ({@link KMeans#BINS_PER_CLUSTER}). */
  @ParameterizedTest(name = "k=40 on {0} cores")
  @ValueSource(ints = {2, 4})
  void theSearchOnTheColoursDoesNotDependOnTheNumberOfCores(int cores) {
    PixelImage image = CoarseBinsTest.HUBBLE_THIRD;
    PaletteOptions options = PaletteOptions.defaults().withK(40);

    assertSameOnOneAnd(cores, image, options);
  }

  /** The result on {@code cores} is the result on one, bit for bit. */
  private static void assertSameOnOneAnd(int cores, PixelImage image, PaletteOptions options) {
    ClusteringInvariants.assertSame(
        clusterWithCores(cores, image, options), clusterWithCores(1, image, options));
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
