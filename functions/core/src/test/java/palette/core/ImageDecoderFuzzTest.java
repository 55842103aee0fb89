package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Damaged copies of every valid fixture (bytes flipped, overwritten, cut off) must either decode or
 * fail with a {@link PaletteException}, quickly: never another exception, never a hang.
 */
class ImageDecoderFuzzTest {
  private static final String[] FIXTURES = {
    "jpeg-baseline.jpg", "jpeg-progressive.jpg", "jpeg-cmyk-icc.jpg", "jpeg-orientation-6.jpg",
    "png-rgba.png", "png-interlaced.png", "png-palette-trns.png", "png-rgba16.png",
    "gif-two-frames.gif", "bmp-24.bmp", "bmp-8bit-palette.bmp", "webp-lossy.webp",
    "webp-lossless-alpha.webp", "webp-exif-orientation-8.webp"
  };
  private static final int MUTANTS_PER_FIXTURE = 40;

  @TestFactory
  Stream<DynamicTest> damagedFilesFailCleanly() {
    return Stream.of(FIXTURES)
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name, () -> mutate(name, Fixtures.bytes("formats/" + name))));
  }

  private static void mutate(String name, byte[] original) {
    Random random = new Random(name.hashCode());
    IntStream.range(0, MUTANTS_PER_FIXTURE)
        .forEach(
            i -> {
              byte[] mutant = mutant(original, random);
              assertTimeoutPreemptively(
                  Duration.ofSeconds(2), () -> decodeOrFailCleanly(name + " #" + i, mutant));
            });
  }

  private static void decodeOrFailCleanly(String label, byte[] bytes) {
    try {
      PixelImage image = ImageDecoder.decode(bytes, ImageLimits.defaults());
      assertThat(image.pixels()).as(label).hasSize(image.width() * image.height());
    } catch (PaletteException expected) {
      assertThat(expected.getMessage()).as(label).isNotBlank().doesNotContain("\n");
    }
  }

  private static byte[] mutant(byte[] original, Random random) {
    byte[] copy = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> { // flip a few bits, mostly in the headers where they do the most damage
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          int at = random.nextInt(Math.min(copy.length, random.nextBoolean() ? 64 : copy.length));
          copy[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> { // overwrite a byte with an extreme value
        copy[random.nextInt(copy.length)] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
      }
      case 2 -> { // cut off
        return java.util.Arrays.copyOf(copy, 1 + random.nextInt(copy.length - 1));
      }
      default -> { // overwrite a run with random bytes
        int at = random.nextInt(copy.length);
        for (int end = Math.min(copy.length, at + 1 + random.nextInt(16)); at < end; at++) {
          copy[at] = (byte) random.nextInt(256);
        }
      }
    }
    return copy;
  }
}
