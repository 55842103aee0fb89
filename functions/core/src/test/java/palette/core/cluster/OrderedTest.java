package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.RandomCases;
import palette.core.Synthetic;
import palette.core.image.PixelImage;
import palette.core.options.SortOrder;

class OrderedTest {
  private static final int RED = 0xdd2211;
  private static final int BLUE = 0x1133cc;
  private static final int GREY = 0x808080;
  private static final int BLACK = 0x101010;
  private static final int YELLOW = 0xeedd22;

  /** Labels 0..k-1 with the given counts, in runs, plus one transparent pixel at the end. */
  private static Clustering clustering(int[] centroids, long... counts) {
    int total = (int) java.util.Arrays.stream(counts).sum();
    byte[] labels = new byte[total + 1];
    int at = 0;
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        labels[at++] = (byte) c;
      }
    }
    labels[total] = -1;
    return new Clustering(
        centroids, labels, counts, 4, StopReason.ASSIGNMENTS_STABLE, 12.5, centroids.length);
  }

  private static List<Integer> colors(Ordered ordered) {
    return java.util.Arrays.stream(ordered.colors()).boxed().toList();
  }

  @Test
  void shareSortsLargestFirstAndBreaksTiesByRgb() {
    Ordered ordered =
        Ordered.of(clustering(new int[] {RED, BLUE, GREY, BLACK}, 2, 5, 2, 1), SortOrder.SHARE);

    assertThat(colors(ordered)).containsExactly(BLUE, GREY, RED, BLACK); // 0x808080 < 0xdd2211
    assertThat(ordered.swatches()).extracting(Swatch::pixels).containsExactly(5L, 2L, 2L, 1L);
    assertThat(ordered.swatches()).extracting(Swatch::share).containsExactly(0.5, 0.2, 0.2, 0.1);
    assertThat(ordered.swatches().get(0).color()).isEqualTo(Rgb.of(BLUE));
  }

  @Test
  void lightnessSortsDarkestFirst() {
    Ordered ordered =
        Ordered.of(
            clustering(new int[] {YELLOW, GREY, BLACK, BLUE}, 1, 1, 1, 1), SortOrder.LIGHTNESS);

    assertThat(colors(ordered)).containsExactly(BLACK, BLUE, GREY, YELLOW);
  }

  @Test
  void hueSortsGreysFirstDarkestFirstThenByHueAngle() {
    // OKLCh hue: red ~35 degrees, yellow ~105, blue ~265.
    Ordered ordered =
        Ordered.of(
            clustering(new int[] {BLUE, GREY, YELLOW, BLACK, RED}, 1, 1, 1, 1, 1), SortOrder.HUE);

    assertThat(colors(ordered)).containsExactly(BLACK, GREY, RED, YELLOW, BLUE);
  }

  @Test
  void labelsAreRenumberedToTheSortedIndexAndTransparentStaysMinusOne() {
    Clustering clustering = clustering(new int[] {RED, BLUE}, 1, 3);
    byte[] before = clustering.labels().clone();

    Ordered ordered = Ordered.of(clustering, SortOrder.SHARE);

    assertThat(ordered.labels()).containsExactly(1, 0, 0, 0, -1);
    assertThat(clustering.labels()).containsExactly(before);
    assertThat(clustering.centroids()).containsExactly(RED, BLUE);
  }

  @Test
  void labelsAlreadyInOrderAreKeptWithoutACopy() {
    Clustering clustering = clustering(new int[] {BLUE, RED}, 3, 1);

    Ordered ordered = Ordered.of(clustering, SortOrder.SHARE);

    assertThat(ordered.labels()).isSameAs(clustering.labels());
  }

  @Test
  void countsThatDisagreeWithTheLabelsAreRejectedWhenRenumbering() {
    Clustering wrong =
        new Clustering(
            new int[] {RED, BLUE},
            new byte[] {0, 0, 1},
            new long[] {1, 2},
            1,
            StopReason.LIMIT_REACHED,
            0,
            2);

    assertThatThrownBy(() -> Ordered.of(wrong, SortOrder.SHARE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("counts must match the labels");
  }

  @Test
  void labelsOutsideThePaletteAreRejectedWhenRenumbering() {
    Clustering wrong =
        new Clustering(
            new int[] {RED, BLUE},
            new byte[] {0, 3, 1, 1},
            new long[] {1, 2},
            1,
            StopReason.LIMIT_REACHED,
            0,
            2);

    assertThatThrownBy(() -> Ordered.of(wrong, SortOrder.SHARE))
        .hasMessage("labels must be -1 or below 2, was 3 at pixel 1");
  }

  static LongStream images() {
    return RandomCases.seeds(60);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("images")
  void everySortIsAPermutationThatKeepsEachPixelsColour(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    assertEverySortIsAPermutation(RandomCases.between(random, 1, 16), random.nextLong());
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 2, 16})
  void everySortIsAPermutationForTheSmallestAndLargestPalettes(int k) {
    assertEverySortIsAPermutation(k, k);
  }

  private static void assertEverySortIsAPermutation(int k, long seed) {
    int[] centroids = Synthetic.gridCentroids(k);
    PixelImage image = Synthetic.randomOf(40, 30, seed, withAlpha(centroids));
    int[] used = java.util.Arrays.stream(centroids).filter(c -> appears(image, c)).toArray();
    Clustering clustering = Synthetic.clusteringOf(image, used);
    for (SortOrder order : SortOrder.values()) {
      Ordered ordered = Ordered.of(clustering, order);

      assertThat(ordered.colors()).containsExactlyInAnyOrder(used);
      assertThat(ordered.swatches().stream().mapToDouble(Swatch::share).sum())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      for (int i = 0; i < clustering.labels().length; i++) {
        assertThat(ordered.colors()[ordered.labels()[i]]).isEqualTo(used[clustering.labels()[i]]);
      }
    }
  }

  private static int[] withAlpha(int[] colors) {
    return java.util.Arrays.stream(colors).map(c -> 0xff000000 | c).toArray();
  }

  private static boolean appears(PixelImage image, int color) {
    return java.util.Arrays.stream(image.argb()).anyMatch(p -> (p & 0xffffff) == color);
  }
}
