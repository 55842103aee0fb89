package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.RandomCases;
import palette.core.Synthetic;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/** Invariants of {@link KMeans#cluster} over random images, options and seeds. */
class KMeansPropertiesTest {
  private static final PaletteOptions DEFAULTS = PaletteOptions.defaults();

  static LongStream smallImages() {
    return RandomCases.seeds(300);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("smallImages")
  void smallImagesKeepEveryPromise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int width = RandomCases.between(random, 1, 24);
    int height = RandomCases.between(random, 1, 24);
    PixelImage image = image(random, width, height, RandomCases.between(random, 1, 300));
    long kmeansSeed = RandomCases.between(random, Long.MIN_VALUE, Long.MAX_VALUE);
    checkAll(image, options(random).withSeed(kmeansSeed));
  }

  static LongStream noisyImages() {
    return RandomCases.seeds(15);
  }

  /** Big enough to have more than {@link WeightedColors#EXACT_LIMIT} colours: clustered on bins. */
  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("noisyImages")
  void noisyImagesClusteredOnBinsKeepEveryPromise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // Opaque noise has about one colour a pixel: a fifth more pixels than the limit, at least.
    int least = (int) Math.ceil(Math.sqrt(1.2 * WeightedColors.EXACT_LIMIT));
    int side = RandomCases.between(random, least, least * 9 / 7);
    PixelImage image = image(random, side, side, 1 << 24);
    checkAll(image, options(random).withLimit(RandomCases.between(random, 1, 30)));
  }

  /** The smallest and largest images, palettes, seeds and iteration limits, and alpha 127/128. */
  static Stream<Arguments> edges() {
    int[] many = IntStream.range(0, 300).map(c -> 0xff000000 | spread(c)).toArray();
    int[] boundary = {0x80ff0000, 0x7f00ff00, 0xff0000ff};
    return Stream.of(
        edge("one pixel, k 1", Synthetic.randomOf(1, 1, 0, 0xff123456), DEFAULTS.withK(1)),
        edge(
            "one pixel, k 64, OKLab, smallest seed",
            Synthetic.randomOf(1, 1, 0, 0xff123456),
            DEFAULTS.withK(64).withSpace(ColorSpace.OKLAB).withSeed(Long.MIN_VALUE)),
        edge("one pixel at alpha 127", Synthetic.randomOf(1, 1, 0, 0x7f123456), DEFAULTS),
        edge("alpha 127 and 128", Synthetic.randomOf(24, 24, 1, boundary), DEFAULTS.withK(1)),
        edge(
            "300 colours, k 1, largest seed",
            Synthetic.randomOf(24, 24, 2, many),
            DEFAULTS.withK(1).withSeed(Long.MAX_VALUE)),
        edge(
            "300 colours, k 64, OKLab, seed 0",
            Synthetic.randomOf(24, 24, 3, many),
            DEFAULTS.withK(64).withSpace(ColorSpace.OKLAB).withSeed(0)),
        edge(
            "noise, k 64, one iteration",
            Synthetic.noise(90, 90, 4),
            DEFAULTS.withK(64).withLimit(1)),
        edge(
            "noise, k 1, OKLab, 30 iterations",
            Synthetic.noise(70, 70, 5),
            DEFAULTS.withK(1).withSpace(ColorSpace.OKLAB).withLimit(30)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void edgeImagesKeepEveryPromise(PixelImage image, PaletteOptions options) {
    checkAll(image, options);
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
    ClusteringInvariants.assertSame(second, first);
  }

  private static Arguments edge(String name, PixelImage image, PaletteOptions options) {
    return Arguments.of(Named.of(name, image), options);
  }

  /** Any k, either colour space. */
  private static PaletteOptions options(SplittableRandom random) {
    ColorSpace[] spaces = ColorSpace.values();
    return DEFAULTS
        .withK(RandomCases.between(random, 1, 64))
        .withSpace(spaces[random.nextInt(spaces.length)]);
  }

  /**
   * Pixels drawn from the first {@code colours} of a fixed colour sequence (every colour when
   * {@code colours} is 2^24), with alphas drawn per image in one of four ways: all opaque, a mix
   * including the 127/128 boundary, anything, or all transparent.
   */
  private static PixelImage image(SplittableRandom random, int width, int height, int colours) {
    int mode = random.nextInt(4);
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int c = RandomCases.between(random, 0, colours - 1);
      argb[i] = (alpha(random, mode) << 24) | (colours == 1 << 24 ? c : spread(c));
    }
    return new PixelImage(width, height, argb);
  }

  private static int alpha(SplittableRandom random, int mode) {
    return switch (mode) {
      case 0 -> 255;
      case 1 -> new int[] {255, 255, 128, 127, 0}[random.nextInt(5)];
      case 2 -> RandomCases.between(random, 0, 255);
      default -> random.nextBoolean() ? 0 : 127;
    };
  }

  /** A well-spread colour for index {@code c} (a multiplicative hash), so few colours differ. */
  private static int spread(int c) {
    return (c * 0x9E3779B1) >>> 8;
  }
}
