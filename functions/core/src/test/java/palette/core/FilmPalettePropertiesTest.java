package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.cluster.Swatch;
import palette.core.format.FilmPaletteDocument;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * Invariants of the film palette over random films (seeded, so a failure names its seed): never
 * more than k colours, distinct colours, shares summing to 1, every opaque pixel counted once, each
 * still's palette the ordinary one, and the same film palette in any still order.
 */
class FilmPalettePropertiesTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void invariantsHoldForRandomFilms(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Still> stills = new ArrayList<>();
    int count = random.nextInt(1, 5);
    for (int i = 0; i < count; i++) {
      stills.add(randomStill("s" + i + ".png", random));
    }
    PaletteOptions options =
        PaletteOptions.defaults()
            .withK(random.nextInt(1, 9))
            .withSpace(random.nextBoolean() ? ColorSpace.RGB : ColorSpace.OKLAB);

    FilmPaletteDocument film = FilmPalettes.run(stills, options, Map.of()).document();

    List<Swatch> swatches = film.swatches();
    assertThat(swatches).hasSizeBetween(1, options.k());
    assertThat(new HashSet<>(swatches.stream().map(Swatch::color).toList()))
        .hasSize(swatches.size());
    assertThat(swatches.stream().mapToDouble(Swatch::share).sum()).isCloseTo(1, within(1e-9));
    assertThat(swatches.stream().mapToLong(Swatch::pixels).sum()).isEqualTo(film.opaquePixels());
    assertThat(swatches.size()).isEqualTo(Math.min(options.k(), film.distinctColors()));
    for (int i = 0; i < film.stills().size(); i++) {
      Still still = stills.get(i);
      assertThat(film.stills().get(i).swatches())
          .isEqualTo(Palettes.analyze(still.bytes(), options, Map.of()).document().swatches());
    }
    List<Still> reversed = new ArrayList<>(stills);
    java.util.Collections.reverse(reversed);
    assertThat(FilmPalettes.run(reversed, options, Map.of()).document().swatches())
        .isEqualTo(swatches);
    assertThat(FilmPalettes.run(stills, options, Map.of()).document().toJson())
        .isEqualTo(film.toJson());
  }

  /** A small still: few colours or noise, some of it transparent. */
  private static Still randomStill(String name, SplittableRandom random) {
    int width = random.nextInt(1, 70);
    int height = random.nextInt(1, 50);
    int[] palette = new int[random.nextInt(1, 12)];
    for (int i = 0; i < palette.length; i++) {
      palette[i] = random.nextInt(0x1000000);
    }
    boolean noise = random.nextBoolean();
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int rgb = noise ? random.nextInt(0x1000000) : palette[random.nextInt(palette.length)];
      argb[i] = (i == 0 || random.nextInt(10) > 0 ? 0xff000000 : 0x20000000) | rgb;
    }
    return FilmStills.still(name, width, height, argb);
  }
}
