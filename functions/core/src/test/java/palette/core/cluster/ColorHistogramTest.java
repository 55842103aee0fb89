package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The histogram against a plain count of the same pixels by colour, on random images of every kind
 * the scan has a branch for: few colours and many, pixels spread over more bins than one page of
 * counts holds, transparent pixels, and more colours than are counted one by one; on one core and
 * split over several.
 */
class ColorHistogramTest {

  static Stream<Arguments> images() {
    return IntStream.range(0, 20)
        .boxed()
        .flatMap(seed -> Stream.of(1, 3).map(cores -> Arguments.of(seed, cores)));
  }

  @ParameterizedTest(name = "seed {0} on {1} cores")
  @MethodSource("images")
  void agreesWithAPlainCountByColour(int seed, int cores) {
    int[] argb = randomImage(new SplittableRandom(seed));

    assertMatchesPlainCount(argb, histogramOn(cores, argb));
  }

  @Test
  void beyondTheCountedColoursKeepsTheBinsButNotEachColour() {
    int[] argb = new int[ColorHistogram.COUNTED_COLORS + 1000];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xff000000 | (i * 7919 & 0xffffff); // all distinct: 7919 is odd
    }
    ColorHistogram histogram = histogramOn(2, argb);

    assertThat(histogram.distinctColors()).isEqualTo(argb.length);
    assertThat(histogram.colorCounts()).isNull();
    assertThat(histogram.opaquePixels).isEqualTo(argb.length);
  }

  @Test
  void exactlyTheCountedColoursAreStillCountedOneByOne() {
    int[] argb = new int[ColorHistogram.COUNTED_COLORS];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xff000000 | (i * 7919 & 0xffffff);
    }
    assertMatchesPlainCount(argb, histogramOn(2, argb));
  }

  /** Photos and noise, few colours and many, some pixels transparent. */
  private static int[] randomImage(SplittableRandom random) {
    int[] argb = new int[1 + random.nextInt(random.nextBoolean() ? 5_000 : 600_000)];
    int palette = 1 + random.nextInt(random.nextBoolean() ? 50 : 200_000);
    int[] colors = random.ints(palette).toArray();
    double transparent = random.nextBoolean() ? 0 : random.nextDouble(0.5);
    for (int i = 0; i < argb.length; i++) {
      int rgb = colors[(int) (palette * Math.pow(random.nextDouble(), 3))] & 0xffffff;
      int alpha =
          random.nextDouble() < transparent ? random.nextInt(128) : 128 + random.nextInt(128);
      argb[i] = alpha << 24 | rgb;
    }
    return argb;
  }

  private static ColorHistogram histogramOn(int cores, int[] argb) {
    Parallel.assumedCores = cores;
    try {
      return ColorHistogram.of(argb);
    } finally {
      Parallel.assumedCores = 0;
    }
  }

  private static void assertMatchesPlainCount(int[] argb, ColorHistogram histogram) {
    TreeMap<Integer, Long> byBinThenOffset = new TreeMap<>();
    for (int p : argb) {
      if (p < 0) {
        int rgb = p & 0xffffff;
        byBinThenOffset.merge(
            ColorHistogram.bin(rgb) << 6 | ColorHistogram.offset(rgb), 1L, Long::sum);
      }
    }
    int[] colors = new int[byBinThenOffset.size()];
    long[] counts = new long[colors.length];
    int n = 0;
    for (Map.Entry<Integer, Long> e : byBinThenOffset.entrySet()) {
      colors[n] = ColorHistogram.color(e.getKey() >>> 6, e.getKey() & 63);
      counts[n++] = e.getValue();
    }
    int[] bins = byBinThenOffset.keySet().stream().mapToInt(key -> key >>> 6).distinct().toArray();

    assertThat(histogram.opaquePixels).isEqualTo(Arrays.stream(counts).sum());
    assertThat(histogram.distinctColors()).isEqualTo(colors.length);
    assertThat(histogram.colors()).isEqualTo(colors);
    assertThat(histogram.colorCounts()).isEqualTo(counts);
    assertThat(histogram.occupied).isEqualTo(bins);
    long[] squares = new long[bins.length];
    long[] expectedSquares = new long[bins.length];
    double[] means = new double[3 * bins.length];
    double[] expectedMeans = new double[3 * bins.length];
    double[] mean = new double[3];
    for (int i = 0; i < bins.length; i++) {
      squares[i] = histogram.cells[ColorHistogram.STRIDE * bins[i] + 3];
      expectedSquares[i] = squaredOffsets(byBinThenOffset, bins[i]);
      histogram.mean(bins[i], mean);
      System.arraycopy(mean, 0, means, 3 * i, 3);
      System.arraycopy(plainMean(byBinThenOffset, bins[i]), 0, expectedMeans, 3 * i, 3);
    }
    assertThat(squares).as("squared offsets per bin").isEqualTo(expectedSquares);
    assertThat(means).as("mean colour per bin").isEqualTo(expectedMeans);
  }

  private static long squaredOffsets(TreeMap<Integer, Long> counts, int bin) {
    long sum = 0;
    for (var e : counts.subMap(bin << 6, (bin + 1) << 6).entrySet()) {
      int o = e.getKey() & 63;
      int r = o >> 4;
      int g = (o >> 2) & 3;
      int b = o & 3;
      sum += e.getValue() * (r * r + g * g + b * b);
    }
    return sum;
  }

  private static double[] plainMean(TreeMap<Integer, Long> counts, int bin) {
    long n = 0;
    long[] sums = new long[3];
    for (var e : counts.subMap(bin << 6, (bin + 1) << 6).entrySet()) {
      int rgb = ColorHistogram.color(bin, e.getKey() & 63);
      n += e.getValue();
      sums[0] += e.getValue() * ((rgb >> 16) & 0xff);
      sums[1] += e.getValue() * ((rgb >> 8) & 0xff);
      sums[2] += e.getValue() * (rgb & 0xff);
    }
    int low = ColorHistogram.color(bin, 0);
    return new double[] {
      ((low >> 16) & 0xff) + (sums[0] - n * ((low >> 16) & 0xff)) / (double) n,
      ((low >> 8) & 0xff) + (sums[1] - n * ((low >> 8) & 0xff)) / (double) n,
      (low & 0xff) + (sums[2] - n * (low & 0xff)) / (double) n
    };
  }
}
