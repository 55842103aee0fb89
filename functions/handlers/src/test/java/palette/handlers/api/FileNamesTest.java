package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "photo.jpg | photo.jpg",
        "Café au lait.png | Cafe-au-lait.png",
        "../../etc/passwd | passwd",
        "C:\\Users\\me\\IMG 01.JPG | IMG-01.JPG",
        "..hidden.png | hidden.png",
        "東京.png | png",
        "%2F%2e%2e.webp | 2F-2e-2e.webp",
        "... | image",
      })
  void namesBecomeSafeKeySegments(String name, String expected) {
    assertThat(FileNames.sanitise(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"400", "65", "64"})
  void longNamesAreCutKeepingTheExtension(int length) {
    String safe = FileNames.sanitise("a".repeat(length) + ".jpeg");
    assertThat(safe).hasSizeLessThanOrEqualTo(64).endsWith(".jpeg").matches("[A-Za-z0-9._-]+");
  }
}
