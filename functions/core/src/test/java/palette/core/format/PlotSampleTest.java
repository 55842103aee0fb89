package palette.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;
import palette.core.Synthetic;
import palette.core.cluster.Clustering;
import palette.core.image.PixelImage;

class PlotSampleTest {

  @Test
  void smallImagesAreDrawnWhole() {
    assertThat(PlotSample.allocate(new long[] {30, 5, 1}, 100)).containsExactly(30, 5, 1);
  }

  @Test
  void smallClustersKeepAFloorAndTheRestIsProportional() {
    int[] quota = PlotSample.allocate(new long[] {1_000_000, 98_000, 2_000, 30}, 20_000);

    assertThat(quota[3]).isEqualTo(30); // all of its pixels
    assertThat(quota[2]).isGreaterThanOrEqualTo(PlotSample.FLOOR);
    assertThat(Arrays.stream(quota).sum()).isEqualTo(20_000);
    // floor plus a share of what the floors leave: 50 + 19,820 * size / 1,100,030
    assertThat(quota[0]).isBetween(18_066, 18_069);
    assertThat(quota[1]).isBetween(1_814, 1_817);
  }

  @Test
  void withMoreClustersThanTheBudgetAllowsTheFloorShrinks() {
    long[] counts = new long[64];
    Arrays.fill(counts, 10_000);

    int[] quota = PlotSample.allocate(counts, 100);

    assertThat(Arrays.stream(quota).sum()).isEqualTo(100);
    assertThat(Arrays.stream(quota).min().getAsInt()).isEqualTo(1);
  }

  static LongStream budgets() {
    return RandomCases.seeds(300);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("budgets")
  void quotasNeverExceedTheBudgetOrAClusterAndMeetTheFloor(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] counts = RandomCases.longs(random, 1, 64, 1, 5_000_000);
    assertQuotasFit(counts, RandomCases.between(random, 100, 200_000));
  }

  static Stream<Arguments> edgeBudgets() {
    return Stream.of(
        edge("one pixel", new long[] {1}, 100),
        edge("one huge cluster", new long[] {5_000_000}, 200_000),
        edge("64 single pixels", LongStream.generate(() -> 1).limit(64).toArray(), 100),
        edge(
            "64 huge clusters, smallest budget",
            LongStream.generate(() -> 5_000_000).limit(64).toArray(),
            100),
        edge(
            "64 huge clusters, largest budget",
            LongStream.generate(() -> 5_000_000).limit(64).toArray(),
            200_000),
        edge("exactly the budget", LongStream.generate(() -> 25).limit(4).toArray(), 100),
        edge("one pixel over the budget", new long[] {25, 25, 25, 26}, 100),
        edge("a speck beside a giant", new long[] {1, 5_000_000}, 100),
        edge("exactly the floor beside a giant", new long[] {50, 5_000_000}, 100),
        edge("just over the floor beside a giant", new long[] {60, 1_000_000}, 200_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeBudgets")
  void quotasFitAtTheEdges(long[] counts, int plotPoints) {
    assertQuotasFit(counts, plotPoints);
  }

  @Test
  void samplesArePixelsOfTheirClusterInAscendingOrderAndSeeded() {
    PixelImage image = Synthetic.randomOf(200, 150, 3, 0xff000000, 0xffffffff, 0xff0000ff);
    Clustering clustering = Synthetic.clusteringOf(image, 0x000000, 0xffffff, 0x0000ff);
    byte[] labels = clustering.labels();

    int[][] first = PlotSample.sample(labels, clustering.counts(), 1000, 42);
    int[][] again = PlotSample.sample(labels, clustering.counts(), 1000, 42);
    int[][] other = PlotSample.sample(labels, clustering.counts(), 1000, 43);

    assertThat(first).isDeepEqualTo(again);
    assertThat(java.util.Arrays.deepEquals(first, other))
        .as("another seed, another sample")
        .isFalse();
    int total = 0;
    for (int c = 0; c < first.length; c++) {
      total += first[c].length;
      assertThat(first[c]).isSorted().doesNotHaveDuplicates();
      for (int pixel : first[c]) {
        assertThat(labels[pixel]).isEqualTo((byte) c);
      }
    }
    assertThat(total).isEqualTo(1000);
  }

  @Test
  void transparentPixelsAreNeverSampled() {
    byte[] labels = {-1, 0, -1, 0, 1, -1};
    int[][] sample = PlotSample.sample(labels, new long[] {2, 1}, 100, 1);

    assertThat(sample[0]).containsExactly(1, 3);
    assertThat(sample[1]).containsExactly(4);
  }

  private static Arguments edge(String name, long[] counts, int plotPoints) {
    return Arguments.of(Named.of(name, counts), plotPoints);
  }

  private static void assertQuotasFit(long[] counts, int plotPoints) {
    long total = Arrays.stream(counts).sum();

    int[] quota = PlotSample.allocate(counts, plotPoints);

    assertThat((long) Arrays.stream(quota).sum()).isEqualTo(Math.min(total, plotPoints));
    int floor = Math.min(PlotSample.FLOOR, plotPoints / counts.length);
    for (int i = 0; i < counts.length; i++) {
      assertThat((long) quota[i]).isLessThanOrEqualTo(counts[i]);
      assertThat((long) quota[i]).isGreaterThanOrEqualTo(Math.min(counts[i], floor));
    }
  }
}
