package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import palette.core.ErrorCode;
import palette.core.Fixtures;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

/**
 * Every file in {@code malformed/} must end quickly with the error its name announces: {@code
 * <error_code>--<description>.<ext>}. New hostile cases are added by dropping a file in the folder
 * (or by extending {@code formats/make_fixtures.py}).
 */
class MalformedImagesTest {
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @BeforeAll
  static void warmUp() {
    // The first decode loads the ImageIO plugin registry; that start-up cost is not the file's.
    for (String warm :
        new String[] {
          "png-rgb.png",
          "jpeg-cmyk-icc.jpg",
          "gif-two-frames.gif",
          "bmp-24.bmp",
          "webp-lossy.webp",
          "webp-lossless-alpha.webp"
        }) {
      ImageDecoder.decode(Fixtures.bytes("formats/" + warm), ImageLimits.defaults());
    }
  }

  /**
   * The limits the folder's expected codes were written for (some damaged files declare 64
   * megapixels), independent of the deployment's defaults.
   */
  private static final ImageLimits FOLDER_LIMITS = new ImageLimits(100_000_000L, 50L << 20);

  @TestFactory
  Stream<DynamicTest> everyMalformedFileFailsWithItsExpectedCode() throws IOException {
    return files().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  @Test
  void theFolderCoversEveryInputErrorCode() throws IOException {
    assertThat(files().stream().map(MalformedImagesTest::expectedCode).distinct())
        .containsExactlyInAnyOrder(
            ErrorCode.NOT_AN_IMAGE,
            ErrorCode.UNSUPPORTED_IMAGE,
            ErrorCode.CORRUPT_IMAGE,
            ErrorCode.TOO_MANY_PIXELS);
  }

  private static void check(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ErrorCode expected = expectedCode(file);
    PaletteException error =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                catchThrowableOfType(
                    PaletteException.class, () -> ImageDecoder.decode(bytes, FOLDER_LIMITS)));
    assertThat(error).as("decoding %s must fail", file.getFileName()).isNotNull();
    assertThat(error.code()).as(error.getMessage()).isEqualTo(expected);
    assertThat(error.getMessage()).isNotBlank().doesNotContain("\n");
  }

  private static ErrorCode expectedCode(Path file) {
    String name = file.getFileName().toString();
    int separator = name.indexOf("--");
    assertThat(separator).as("%s must be named <error_code>--<description>", name).isPositive();
    return ErrorCode.valueOf(name.substring(0, separator).toUpperCase(Locale.ROOT));
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> listing = Files.list(Fixtures.folder("malformed"))) {
      List<Path> files = listing.sorted().toList();
      assertThat(files).hasSizeGreaterThan(50);
      return files;
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
