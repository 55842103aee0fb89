package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;
import palette.core.Synthetic;
import palette.core.cluster.Rgb;
import palette.core.cluster.Swatch;
import palette.core.image.PixelImage;

class SwatchRendererTest {
  private static final Swatch RED = new Swatch(new Rgb(200, 20, 10), 3, 0.75);
  private static final Swatch BLUE = new Swatch(new Rgb(10, 30, 220), 1, 0.25);

  @ParameterizedTest
  @CsvSource({"1,1", "4,1", "5,1", "7,1", "8,2", "10,2", "12,2", "13,3", "1600,320", "1001,200"})
  void bandIsAFifthOfTheHeightRoundedAndAtLeastOneRow(int height, int band) {
    assertThat(SwatchRenderer.bandHeight(height)).isEqualTo(band);
  }

  @Test
  void keepsTheOriginalAboveAProportionalBand() {
    PixelImage image = Synthetic.noise(8, 10, 1);

    StackedImage out = SwatchRenderer.render(image, List.of(RED, BLUE), false);

    assertThat(out.width()).isEqualTo(8);
    assertThat(out.height()).isEqualTo(12);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 8; x++) {
        assertThat(out.argb(x, y)).isEqualTo(image.argb(x, y));
      }
    }
    for (int y = 10; y < 12; y++) {
      for (int x = 0; x < 8; x++) {
        assertThat(out.argb(x, y)).isEqualTo(0xff000000 | (x < 6 ? RED : BLUE).color().packed());
      }
    }
  }

  @Test
  void equalStripesIgnoreShares() {
    StackedImage out = SwatchRenderer.render(Synthetic.noise(8, 5, 2), List.of(RED, BLUE), true);

    assertThat(out.argb(3, 5)).isEqualTo(0xff000000 | RED.color().packed());
    assertThat(out.argb(4, 5)).isEqualTo(0xff000000 | BLUE.color().packed());
  }

  @Test
  void transparentPixelsStayTransparentAndTheInputIsUnchanged() {
    int[] argb = {0x00ff0000, 0x80112233, 0xff445566, 0x00000000};
    PixelImage image = new PixelImage(2, 2, argb);

    StackedImage out = SwatchRenderer.render(image, List.of(RED), false);

    assertThat(image.argb()).containsExactly(argb);
    assertThat(out.argb(0, 0)).isEqualTo(0x00ff0000);
    assertThat(out.argb(1, 0)).isEqualTo(0x80112233);
    assertThat(out.argb(1, 1)).isEqualTo(0x00000000);
    assertThat(out.argb(0, 2) >>> 24).isEqualTo(0xff);
  }

  @Test
  void aTinyShareStillGetsOnePixelPaidForByTheLargestStripe() {
    assertThat(SwatchRenderer.stripeWidths(10, new long[] {1000, 1, 1})).containsExactly(8, 1, 1);
  }

  @Test
  void leftoverPixelsGoToTheLargestRemaindersThenToTheEarlierStripe() {
    assertThat(SwatchRenderer.stripeWidths(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
    assertThat(SwatchRenderer.stripeWidths(10, new long[] {26, 36, 38})).containsExactly(3, 3, 4);
  }

  @Test
  void narrowerThanThePaletteSomeStripesVanish() {
    assertThat(SwatchRenderer.stripeWidths(2, new long[] {5, 1, 4})).containsExactly(1, 0, 1);
  }

  static LongStream stripes() {
    return RandomCases.seeds(300);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("stripes")
  void widthsSumToTheImageWidthAndStayWithinOnePixelOfTheirShareUnlessBumped(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int width = RandomCases.between(random, 1, 3000);
    assertWidthsFit(width, RandomCases.longs(random, 1, 64, 1, 1_000_000));
  }

  static Stream<Arguments> edgeStripes() {
    long[] ones = LongStream.generate(() -> 1).limit(64).toArray();
    long[] giantAndSpecks = ones.clone();
    giantAndSpecks[0] = 1_000_000;
    return Stream.of(
        edge("one pixel, one stripe", 1, new long[] {1}),
        edge("one pixel, 64 stripes", 1, ones),
        edge("exactly one pixel each", 64, ones),
        edge("one pixel short", 63, ones),
        edge("a giant and 63 specks", 3000, giantAndSpecks),
        edge("a giant and 63 specks, barely room", 64, giantAndSpecks),
        edge("widest, heaviest", 3000, LongStream.generate(() -> 1_000_000).limit(64).toArray()),
        edge("a speck beside a giant", 2, new long[] {1, 1_000_000}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeStripes")
  void widthsFitAtTheEdges(int width, long[] weights) {
    assertWidthsFit(width, weights);
  }

  private static Arguments edge(String name, int width, long[] weights) {
    return Arguments.of(Named.of(name, width), weights);
  }

  private static void assertWidthsFit(int width, long[] w) {
    long total = LongStream.of(w).sum();

    int[] widths = SwatchRenderer.stripeWidths(width, w);

    assertThat(widths).hasSize(w.length);
    assertThat(java.util.Arrays.stream(widths).sum()).isEqualTo(width);
    boolean fits = width >= w.length;
    long bumps = LongStream.of(w).filter(x -> fits && (double) x * width / total < 1).count();
    for (int i = 0; i < w.length; i++) {
      double exact = (double) w[i] * width / total;
      assertThat(widths[i]).isGreaterThanOrEqualTo(fits ? 1 : 0);
      // Largest remainder is within one pixel; each stripe bumped to one pixel costs another.
      assertThat(Math.abs(widths[i] - exact)).isLessThan(1.0 + bumps);
    }
  }
}
