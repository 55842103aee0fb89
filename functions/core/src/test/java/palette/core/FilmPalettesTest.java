package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palette.core.cluster.StopReason;
import palette.core.cluster.Swatch;
import palette.core.cluster.WeightedColors;
import palette.core.format.FilmPaletteDocument;
import palette.core.format.SkippedStill;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/** Known answers for the film palette on synthetic stills. */
class FilmPalettesTest {
  private static final PaletteOptions K2 = PaletteOptions.defaults().withK(2);
  private static final Still RED = FilmStills.solid("red.png", 10, 10, 0xff0000);
  private static final Still BLUE = FilmStills.solid("blue.png", 100, 100, 0x0000ff);

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void everyStillCountsTheSameWhateverItsSize(ColorSpace space) {
    FilmPaletteDocument film =
        FilmPalettes.run(List.of(RED, BLUE), K2.withSpace(space), Map.of()).document();

    assertThat(film.swatches()).extracting(s -> s.color().hex()).contains("#ff0000", "#0000ff");
    assertThat(film.swatches()).allSatisfy(s -> assertThat(s.share()).isCloseTo(0.5, within(1e-6)));
    assertThat(film.swatches()).extracting(Swatch::pixels).containsExactlyInAnyOrder(100L, 10_000L);
    assertThat(film.stopReason()).isEqualTo(StopReason.FEW_DISTINCT_COLORS);
    assertThat(film.stills()).hasSize(2);
    assertThat(film.stills().get(1).swatches())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.color().hex()).isEqualTo("#0000ff");
              assertThat(s.pixels()).isEqualTo(10_000);
            });
    assertThat(film.opaquePixels()).isEqualTo(10_100);
  }

  @Test
  void withOneColourTheSmallStillStillGetsHalfTheFilm() {
    Still bigRedNoise = FilmStills.noisy("big.png", 200, 100, 0xc03020, 12, 1);
    Still smallBlue = FilmStills.solid("small.png", 8, 5, 0x1030c0);

    FilmPaletteDocument film =
        FilmPalettes.run(List.of(bigRedNoise, smallBlue), K2, Map.of()).document();

    Swatch blue = film.swatches().stream().filter(s -> s.color().b() > 150).findFirst().get();
    assertThat(blue.color().hex()).isEqualTo("#1030c0");
    assertThat(blue.share()).isCloseTo(0.5, within(1e-6));
    assertThat(blue.pixels()).isEqualTo(40);
  }

  @Test
  void theOrderOfTheStillsDoesNotChangeTheFilmPaletteBitForBit() {
    List<Still> stills = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      stills.add(FilmStills.noisy("s" + i + ".png", 60 + 13 * i, 40, 0x204060 * (i + 1), 40, i));
    }
    PaletteOptions options = PaletteOptions.defaults().withK(5);
    FilmPaletteDocument forward = FilmPalettes.run(stills, options, Map.of()).document();
    List<Still> shuffled = new ArrayList<>(stills);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.reverse(stills);

    for (List<Still> order : List.of(stills, shuffled)) {
      FilmPaletteDocument other = FilmPalettes.run(order, options, Map.of()).document();
      assertThat(other.swatches()).isEqualTo(forward.swatches());
      assertThat(other.iterations()).isEqualTo(forward.iterations());
      assertThat(other.distinctColors()).isEqualTo(forward.distinctColors());
    }
    assertThat(forward.distinctColors()).isGreaterThan(WeightedColors.EXACT_LIMIT);
    assertThat(forward.swatches()).hasSize(5);
  }

  @Test
  void aStillThatCannotBeDecodedIsReportedAndSkipped() {
    byte[] png = RED.bytes();
    Still truncated = new Still("cut.png", Arrays.copyOf(png, png.length / 2));
    Still text = new Still("notes.jpg", "not an image".getBytes());
    Still clear = FilmStills.still("clear.png", 2, 2, new int[] {0x10ff0000, 0, 0, 0x7fffffff});

    FilmPaletteRun run =
        FilmPalettes.run(List.of(truncated, BLUE, text, clear), K2, Map.of("title", "Blue"));

    FilmPaletteDocument film = run.document();
    assertThat(film.swatches()).extracting(s -> s.color().hex()).containsExactly("#0000ff");
    assertThat(film.stills()).extracting(d -> d.source().get("still")).containsExactly("blue.png");
    assertThat(film.skipped())
        .extracting(SkippedStill::name, SkippedStill::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cut.png", ErrorCode.CORRUPT_IMAGE),
            org.assertj.core.groups.Tuple.tuple("notes.jpg", ErrorCode.NOT_AN_IMAGE),
            org.assertj.core.groups.Tuple.tuple("clear.png", ErrorCode.NO_OPAQUE_PIXELS));
    assertThat(film.toJson()).contains("\"error\": \"not_an_image\"", "\"name\": \"cut.png\"");
    assertThat(run.artifacts())
        .extracting(Artifact::name)
        .containsExactly("poster.png", "palette.css", "palette.gpl", "palette.ase", "film.json");
  }

  @Test
  void noDecodableStillIsAnErrorNamingTheFirst() {
    Still text = new Still("notes.jpg", "not an image".getBytes());
    Still empty = new Still("empty.png", new byte[0]);

    assertThatThrownBy(() -> FilmPalettes.run(List.of(text, empty), K2, Map.of()))
        .isInstanceOfSatisfying(
            PaletteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_IMAGE))
        .hasMessageStartingWith("none of the 2 stills could be used; the first, notes.jpg: ");
  }

  @Test
  void theStillCountIsValidated() {
    List<Still> tooMany = Collections.nCopies(FilmPalettes.MAX_STILLS + 1, RED);

    assertThatThrownBy(() -> FilmPalettes.run(List.of(), K2, Map.of()))
        .isInstanceOf(PaletteException.class)
        .hasMessage("stills must hold between 1 and 500 stills, was 0");
    assertThatThrownBy(() -> FilmPalettes.run(tooMany, K2, Map.of()))
        .hasMessage("stills must hold between 1 and 500 stills, was 501");
    assertThatThrownBy(() -> new Still(" ", new byte[1])).hasMessage("name must not be blank");
  }

  @Test
  void aStillsBytesAreCopiedInAndOut() {
    byte[] bytes = RED.bytes();
    Still still = new Still("red.png", bytes);
    bytes[0] = 0;
    still.bytes()[1] = 0;

    assertThat(FilmPalettes.run(List.of(still), K2, Map.of()).document().skipped()).isEmpty();
  }

  @Test
  void theExportsAndSourceCarryTheFilm() {
    FilmPaletteRun run =
        FilmPalettes.run(
            List.of(RED, BLUE), K2, Map.of("title", "Red and Blue", "url", "https://x/"));

    String gpl = new String(run.findArtifact("palette.gpl").orElseThrow().bytes());
    assertThat(gpl).contains("Name: Red and Blue", "#ff0000", "#0000ff");
    assertThat(run.document().toJson()).doesNotContain("timings");
    assertThat(run.timings().totalMs()).isPositive();
  }
}
