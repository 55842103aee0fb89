package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link KMeans#cluster} over random images, options and seeds. */
class KMeansPropertiesTest {

  @Property(tries = 300)
  void smallImagesKeepEveryPromise(
      @ForAll("smallImages") PixelImage image,
      @ForAll @IntRange(min = 1, max = 64) int k,
      @ForAll ColorSpace space,
      @ForAll long seed) {
    checkAll(image, PaletteOptions.defaults().withK(k).withSpace(space).withSeed(seed));
  }

  /** Big enough to have more than {@link WeightedColors#EXACT_LIMIT} colours: clustered on bins. */
  @Property(tries = 15)
  void noisyImagesClusteredOnBinsKeepEveryPromise(
      @ForAll("noisyImages") PixelImage image,
      @ForAll @IntRange(min = 1, max = 64) int k,
      @ForAll ColorSpace space,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    checkAll(image, PaletteOptions.defaults().withK(k).withSpace(space).withLimit(limit));
  }

  private static void checkAll(PixelImage image, PaletteOptions options) {
    int[] before = image.pixels().clone();
    if (ClusteringInvariants.distinct(before) == 0) {
      assertThatThrownBy(() -> KMeans.cluster(image, options))
          .isInstanceOfSatisfying(
              PaletteException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_OPAQUE_PIXELS));
      return;
    }

    Clustering first = KMeans.cluster(image, options);
    Clustering second = KMeans.cluster(image, options);

    assertThat(image.pixels()).as("input never mutated").containsExactly(before);
    ClusteringInvariants.check(image, options, first);
    assertThat(second.centroids()).containsExactly(first.centroids());
    assertThat(second.labels()).containsExactly(first.labels());
    assertThat(second.counts()).containsExactly(first.counts());
    assertThat(second.mse()).isEqualTo(first.mse());
    assertThat(second.iterations()).isEqualTo(first.iterations());
    assertThat(second.stopReason()).isEqualTo(first.stopReason());
  }

  @Provide
  Arbitrary<PixelImage> smallImages() {
    Arbitrary<Integer> side = Arbitraries.integers().between(1, 24);
    return Combinators.combine(side, side, Arbitraries.integers().between(1, 300), alphas())
        .flatAs(
            (w, h, colours, alpha) ->
                pixels(w * h, colours, alpha).map(argb -> new PixelImage(w, h, argb)));
  }

  @Provide
  Arbitrary<PixelImage> noisyImages() {
    return Combinators.combine(Arbitraries.integers().between(70, 90), alphas())
        .flatAs(
            (side, alpha) ->
                pixels(side * side, 1 << 24, alpha).map(argb -> new PixelImage(side, side, argb)));
  }

  /** Pixels drawn from the first {@code colours} of a fixed colour sequence, with alphas. */
  private static Arbitrary<int[]> pixels(int count, int colours, Arbitrary<Integer> alpha) {
    Arbitrary<Integer> pixel =
        Combinators.combine(Arbitraries.integers().between(0, colours - 1), alpha)
            .as((c, a) -> (a << 24) | (colours == 1 << 24 ? c : spread(c)));
    return pixel.array(int[].class).ofSize(count);
  }

  /**
   * Per image, how its pixels' alphas are drawn: all opaque, a mix including the 127/128 boundary,
   * anything, or all transparent.
   */
  private static Arbitrary<Arbitrary<Integer>> alphas() {
    return Arbitraries.of(
        List.of(
            Arbitraries.just(255),
            Arbitraries.of(255, 255, 128, 127, 0),
            Arbitraries.integers().between(0, 255),
            Arbitraries.of(0, 127)));
  }

  /** A well-spread colour for index {@code c} (a multiplicative hash), so few colours differ. */
  private static int spread(int c) {
    return (c * 0x9E3779B1) >>> 8;
  }
}
