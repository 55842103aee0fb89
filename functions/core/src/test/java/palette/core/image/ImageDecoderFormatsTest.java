package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.Fixtures;
import palette.core.options.ImageLimits;

/**
 * Every supported format and variant decodes to the picture {@code formats/make_fixtures.py} drew:
 * a 64x32 image of four flat quadrants, red top-left, green top-right, blue bottom-left, white
 * bottom-right (unless a row says otherwise). Pixels are sampled at quadrant centres.
 */
class ImageDecoderFormatsTest {
  private static final int RED = 0xFFFF0000;
  private static final int GREEN = 0xFF00FF00;
  private static final int BLUE = 0xFF0000FF;
  private static final int WHITE = 0xFFFFFFFF;

  static PixelImage decode(String fixture) {
    return ImageDecoder.decode(Fixtures.bytes("formats/" + fixture), ImageLimits.defaults());
  }

  /** Top-left, top-right, bottom-left, bottom-right quadrant centres. */
  static int[] quadrants(PixelImage image) {
    int w = image.width();
    int h = image.height();
    return new int[] {
      image.argb(w / 4, h / 4),
      image.argb(3 * w / 4, h / 4),
      image.argb(w / 4, 3 * h / 4),
      image.argb(3 * w / 4, 3 * h / 4)
    };
  }

  static void assertClose(int[] actual, int[] expected, int tolerance) {
    for (int i = 0; i < expected.length; i++) {
      for (int shift = 0; shift < 32; shift += 8) {
        int a = actual[i] >>> shift & 0xFF;
        int e = expected[i] >>> shift & 0xFF;
        assertThat(Math.abs(a - e))
            .as("quadrant %d: %08x vs expected %08x", i, actual[i], expected[i])
            .isLessThanOrEqualTo(tolerance);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // lossless: exact
    "png-rgb.png, 0",
    "png-interlaced.png, 0",
    "png-palette-2bit.png, 0",
    "bmp-24.bmp, 0",
    "bmp-32.bmp, 0",
    "bmp-8bit-palette.bmp, 0",
    "bmp-top-down.bmp, 0",
    "jpeg-cmyk.jpg, 8",
    // lossy: flat quadrants survive within a few levels
    "jpeg-baseline.jpg, 6",
    "jpeg-progressive.jpg, 6",
    "webp-lossy.webp, 6",
  })
  void decodesTheFourQuadrants(String fixture, int tolerance) {
    PixelImage image = decode(fixture);

    assertThat(image.width()).isEqualTo(64);
    assertThat(image.height()).isEqualTo(32);
    assertClose(quadrants(image), new int[] {RED, GREEN, BLUE, WHITE}, tolerance);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "png-rgba.png, FFFF0000, 8000FF00, 000000FF, FFFFFFFF",
    "webp-lossless-alpha.webp, FFFF0000, 8000FF00, 00000000, FFFFFFFF",
    "png-palette-trns.png, FFFF0000, FF00FF00, 000000FF, FFFFFFFF",
    "png-rgb-trns.png, FFFF0000, FF00FF00, 000000FF, FFFFFFFF",
    "png-gray-alpha.png, FF111111, 80444444, 00888888, FFFFFFFF",
    "gif-two-frames.gif, FFFF0000, FF00FF00, FF0000FF, 00FFFFFF",
  })
  void keepsTransparencyInAlpha(String fixture, String tl, String tr, String bl, String br) {
    assertThat(quadrants(decode(fixture))).containsExactly(argb(tl), argb(tr), argb(bl), argb(br));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "png-gray.png, FF000000, FF111111, FF808080, FFFFFFFF",
    "png-1bit.png, FF000000, FFFFFFFF, FFFFFFFF, FF000000",
    "bmp-1bit.bmp, FF000000, FFFFFFFF, FFFFFFFF, FF000000",
    "jpeg-gray.jpg, FF111111, FF444444, FF888888, FFFFFFFF",
    // 16-bit samples round to the nearest 8-bit level: 0x1111 -> 17, 0x0081 -> 1, 0x0080 -> 0
    "png-gray16.png, FF111111, FF808080, FF010101, FF000000",
    "png-rgb16.png, FFFF0100, FF008000, FF0000FF, FF112233",
    "png-rgba16.png, FFFF0100, 80008000, 000000FF, FF112233",
  })
  void keepsGrayLevelsAndRoundsSixteenBitsExactly(
      String fixture, String tl, String tr, String bl, String br) {
    assertThat(quadrants(decode(fixture))).containsExactly(argb(tl), argb(tr), argb(bl), argb(br));
  }

  @Test
  void gifGivesTheFirstFrameOnly() {
    // the second frame is solid yellow
    assertThat(decode("gif-two-frames.gif").argb(0, 0)).isEqualTo(RED);
  }

  @Test
  void cmykJpegWithoutProfileIsNotInverted() {
    int red = decode("jpeg-cmyk.jpg").argb(0, 0);
    assertThat(red >> 16 & 0xFF).isGreaterThan(200);
    assertThat(red >> 8 & 0xFF).isLessThan(60);
    assertThat(red & 0xFF).isLessThan(60);
  }

  @Test
  void cmykJpegIsConvertedThroughItsEmbeddedProfile() {
    // The fixture's profile prints magenta + yellow as orange (255, 102, 0), not red.
    assertClose(
        quadrants(decode("jpeg-cmyk-icc.jpg")), new int[] {0xFFFF6600, GREEN, BLUE, WHITE}, 6);
  }

  @Test
  void wideGamutJpegIsConvertedToSrgb() {
    // (200, 0, 0) in the fixture's Adobe RGB profile; LittleCMS gives (234, 0, 0) in sRGB.
    assertClose(quadrants(decode("jpeg-adobe-rgb.jpg")), new int[] {0xFFEA0000}, 3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jpeg-cmyk-icc-size-lies.jpg", "jpeg-cmyk-icc-size-lies-under-app0.jpg"})
  void anEmbeddedProfileThatLiesAboutItsSizeIsIgnored(String fixture) {
    PixelImage image = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> decode(fixture));

    assertClose(quadrants(image), new int[] {RED, GREEN, BLUE, WHITE}, 8);
  }

  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void jpegExifOrientationIsApplied(int orientation) {
    PixelImage image = decode("jpeg-orientation-" + orientation + ".jpg");

    assertThat(image.width()).isEqualTo(64);
    assertThat(image.height()).isEqualTo(32);
    assertClose(quadrants(image), new int[] {RED, GREEN, BLUE, WHITE}, 6);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"png-exif-orientation-6.png", "webp-exif-orientation-8.webp"})
  void pngAndWebpExifOrientationIsApplied(String fixture) {
    PixelImage image = decode(fixture);

    assertThat(image.width()).isEqualTo(64);
    assertThat(image.height()).isEqualTo(32);
    assertThat(quadrants(image)).containsExactly(RED, GREEN, BLUE, WHITE);
  }

  @Test
  void decodesARealPhotoLikePillowDoes() {
    PixelImage photo =
        ImageDecoder.decode(Fixtures.bytes("photos/astronaut.png"), ImageLimits.defaults());

    assertThat(photo.width()).isEqualTo(512);
    assertThat(photo.height()).isEqualTo(512);
    // reference values read with Pillow
    assertThat(photo.argb(0, 0)).isEqualTo(0xFF9A9397);
    assertThat(photo.argb(511, 0)).isEqualTo(0xFF7D776E);
    assertThat(photo.argb(0, 511)).isEqualTo(0xFFB8A7AC);
    assertThat(photo.argb(100, 300)).isEqualTo(0xFFE88154);
  }

  private static int argb(String hex) {
    return (int) Long.parseLong(hex, 16);
  }
}
