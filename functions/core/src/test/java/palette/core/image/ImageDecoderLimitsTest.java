package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import palette.core.ErrorCode;
import palette.core.Fixtures;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

class ImageDecoderLimitsTest {
  private static final byte[] PNG_64_BY_32 = Fixtures.bytes("formats/png-rgb.png");

  @Test
  void refusesAFileOverTheByteLimitNamingBothSizes() {
    byte[] big = new byte[3 * 1024 * 1024];

    PaletteException error =
        catchThrowableOfType(
            PaletteException.class,
            () -> ImageDecoder.decode(big, new ImageLimits(1_000_000, 2 * 1024 * 1024)));

    assertThat(error.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
    assertThat(error.getMessage()).contains("3.0 MB").contains("2.0 MB");
  }

  @Test
  void theByteLimitIsInclusive() {
    long size = PNG_64_BY_32.length;

    assertThat(ImageDecoder.decode(PNG_64_BY_32, new ImageLimits(10_000, size)).width())
        .isEqualTo(64);
    assertThat(
            catchThrowableOfType(
                    PaletteException.class,
                    () -> ImageDecoder.decode(PNG_64_BY_32, new ImageLimits(10_000, size - 1)))
                .code())
        .isEqualTo(ErrorCode.FILE_TOO_LARGE);
  }

  @Test
  void theByteLimitIsCheckedBeforeTheContent() {
    byte[] text = "not an image ".repeat(100).getBytes(StandardCharsets.US_ASCII);

    assertThat(
            catchThrowableOfType(
                    PaletteException.class,
                    () -> ImageDecoder.decode(text, new ImageLimits(10, 100)))
                .code())
        .isEqualTo(ErrorCode.FILE_TOO_LARGE);
  }

  @Test
  void thePixelLimitIsInclusiveAndConfigurable() {
    assertThat(ImageDecoder.decode(PNG_64_BY_32, new ImageLimits(64 * 32, 1 << 20)).height())
        .isEqualTo(32);

    PaletteException error =
        catchThrowableOfType(
            PaletteException.class,
            () -> ImageDecoder.decode(PNG_64_BY_32, new ImageLimits(64 * 32 - 1, 1 << 20)));

    assertThat(error.code()).isEqualTo(ErrorCode.TOO_MANY_PIXELS);
    assertThat(error.getMessage()).contains("64x32");
  }

  @Test
  void everyFormatChecksThePixelLimit() {
    for (String fixture :
        new String[] {
          "jpeg-baseline.jpg", "png-rgb.png", "gif-two-frames.gif", "bmp-24.bmp", "webp-lossy.webp"
        }) {
      PaletteException error =
          catchThrowableOfType(
              PaletteException.class,
              () ->
                  ImageDecoder.decode(
                      Fixtures.bytes("formats/" + fixture), new ImageLimits(100, 1 << 20)));
      assertThat(error.code()).as(fixture).isEqualTo(ErrorCode.TOO_MANY_PIXELS);
    }
  }
}
