package palette.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.options.PaletteOptions;

/**
 * {@code film.json} of a tiny synthetic film against a golden copy. To accept a deliberate format
 * change, run with {@code -Dgolden.update=true} and review the diff.
 */
class FilmJsonGoldenTest {
  private static final String GOLDEN = "golden/film-tiny.json";

  @Test
  void tinyFilmMatchesTheGoldenDocument() throws IOException {
    int r = 0xffc02030;
    int g = 0xff30c020;
    int b = 0xff2030c0;
    Still first = FilmStills.still("first.png", 3, 2, new int[] {r, r, g, g, r, r});
    Still second = FilmStills.still("second.png", 2, 2, new int[] {b, b, b, g});
    Still broken = new Still("broken.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    Map<String, String> source = new LinkedHashMap<>();
    source.put("title", "Tiny Film");
    source.put("url", "https://film-grab.com/2020/01/01/tiny-film/");

    String json =
        FilmPalettes.run(List.of(first, broken, second), PaletteOptions.defaults().withK(2), source)
            .document()
            .toJson();

    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources", GOLDEN);
      Files.writeString(file, json, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(new String(Fixtures.bytes(GOLDEN), StandardCharsets.UTF_8));
  }
}
