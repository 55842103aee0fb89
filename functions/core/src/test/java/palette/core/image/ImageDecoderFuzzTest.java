package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import palette.core.Fixtures;
import palette.core.PaletteException;
import palette.core.Palettes;
import palette.core.format.PaletteDocument;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;

/**
 * Damaged copies of the valid fixtures of every format (see {@link Mutator}) through the engine's
 * decode-and-cluster path, with the worker's default limits: each must give a palette or a {@link
 * PaletteException} within 2 seconds; never another exception, an out-of-memory error or a hang.
 *
 * <p>Case {@code n} is reproducible from its number alone (fixture {@code n % fixtures}, seed
 * {@code n}). CI runs {@value #CI_CASES}; {@code -Dfuzz.cases=10000} runs more.
 */
class ImageDecoderFuzzTest {
  static final int CI_CASES = 420;
  private static final List<String> FIXTURES =
      List.of(
          "jpeg-baseline.jpg",
          "jpeg-progressive.jpg",
          "jpeg-cmyk-icc.jpg",
          "jpeg-orientation-6.jpg",
          "jpeg-gray.jpg",
          "png-rgba.png",
          "png-interlaced.png",
          "png-palette-trns.png",
          "png-rgba16.png",
          "png-gray.png",
          "gif-two-frames.gif",
          "bmp-24.bmp",
          "bmp-8bit-palette.bmp",
          "webp-lossy.webp",
          "webp-lossless-alpha.webp",
          "webp-exif-orientation-8.webp");

  /** As the worker runs by default (template.yaml: MaxPixels 40 MP, MaxBytes 25 MB). */
  private static final PaletteOptions OPTIONS =
      PaletteOptions.defaults().withLimits(new ImageLimits(40_000_000, 25L << 20));

  /** How the cases ended, printed after the run for RELIABILITY.md. */
  private static final Map<String, Integer> ENDINGS = new ConcurrentSkipListMap<>();

  @AfterAll
  static void report() {
    int total = ENDINGS.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("fuzz: " + total + " cases, no other ending: " + ENDINGS);
  }

  @TestFactory
  Stream<DynamicTest> damagedFilesGiveAPaletteOrAPaletteException() {
    int cases = Integer.getInteger("fuzz.cases", CI_CASES);
    List<byte[]> originals = FIXTURES.stream().map(n -> Fixtures.bytes("formats/" + n)).toList();
    int perTest = 20;
    return IntStream.range(0, (cases + perTest - 1) / perTest)
        .mapToObj(
            batch ->
                DynamicTest.dynamicTest(
                    "cases " + batch * perTest + "-" + (batch * perTest + perTest - 1),
                    () -> {
                      for (int n = batch * perTest;
                          n < Math.min(cases, (batch + 1) * perTest);
                          n++) {
                        runCase(n, originals);
                      }
                    }));
  }

  private static void runCase(int n, List<byte[]> originals) {
    String label = "case " + n + " (" + FIXTURES.get(n % FIXTURES.size()) + ")";
    byte[] mutant = Mutator.mutate(originals.get(n % originals.size()), new Random(n));
    assertTimeoutPreemptively(
        Duration.ofSeconds(2), () -> analyzeOrFailCleanly(label, mutant), label);
  }

  private static void analyzeOrFailCleanly(String label, byte[] bytes) {
    try {
      PaletteDocument document = Palettes.analyze(bytes, OPTIONS, Map.of()).document();
      assertThat(document.swatches()).as(label).isNotEmpty().hasSizeLessThanOrEqualTo(6);
      assertThat((long) document.width() * document.height()).as(label).isPositive();
      ENDINGS.merge("palette", 1, Integer::sum);
    } catch (PaletteException expected) {
      assertThat(expected.getMessage()).as(label).isNotBlank().doesNotContain("\n");
      ENDINGS.merge(expected.code().id(), 1, Integer::sum);
    }
  }

  @Test
  void theMutatorFindsTheLengthFieldsOfEveryChunkedFormat() {
    for (String name : FIXTURES) {
      byte[] bytes = Fixtures.bytes("formats/" + name);
      if (!name.startsWith("gif")) {
        assertThat(Mutator.lengthFields(bytes)).as(name).hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }
}
