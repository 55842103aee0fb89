package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.FilmPaletteRun;
import palette.core.FilmPalettes;
import palette.core.FilmStills;
import palette.core.Still;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;

/** The poster, asserted by size and sampled pixels of the decoded PNG, not by its bytes. */
class FilmPosterTest {
  private static final int RED = 0xffff0000;
  private static final int BLUE = 0xff0000ff;
  private static final int BG = FilmPoster.BACKGROUND;

  @Test
  void layoutKeepsTheStripShortForManyStills() {
    assertThat(FilmPoster.Layout.forStills(1)).isEqualTo(new FilmPoster.Layout(48, 6, 96, 144));
    assertThat(FilmPoster.Layout.forStills(200)).isEqualTo(new FilmPoster.Layout(24, 3, 48, 120));
    assertThat(FilmPoster.Layout.forStills(500)).isEqualTo(new FilmPoster.Layout(9, 1, 18, 120));
    assertThat(FilmPoster.Layout.forStills(500).height(500)).isEqualTo(5121);
  }

  @Test
  void rowsShowEachStillAndItsPaletteAndTheBandShowsTheFilm() {
    int[] half = new int[40 * 20];
    for (int i = 0; i < half.length; i++) {
      half[i] = i % 40 < 10 ? 0xff00ff00 : RED;
    }
    Still greenAndRed = FilmStills.still("gr.png", 40, 20, half);
    Still blue = FilmStills.solid("blue.png", 30, 30, 0x0000ff);

    FilmPaletteRun run =
        FilmPalettes.run(List.of(greenAndRed, blue), PaletteOptions.defaults().withK(3), Map.of());
    PixelImage poster =
        ImageDecoder.decode(
            run.findArtifact("poster.png").orElseThrow().bytes(), ImageLimits.defaults());

    // two rows of 48 + 6, a 6 pixel gap, a 144 pixel band
    assertThat(poster.width()).isEqualTo(1200);
    assertThat(poster.height()).isEqualTo(2 * 54 + 6 + 144);
    // row 0: thumbnail (96x48, the 40x20 still cropped to 2:1 = whole image), then stripes
    assertThat(poster.argb(5, 10)).isEqualTo(0xff00ff00);
    assertThat(poster.argb(90, 10)).isEqualTo(RED);
    assertThat(poster.argb(100, 10)).isEqualTo(BG);
    int stripes = 1200 - 102;
    assertThat(poster.argb(102 + stripes * 3 / 8, 20)).isEqualTo(RED);
    assertThat(poster.argb(102 + stripes * 7 / 8, 20)).isEqualTo(0xff00ff00);
    assertThat(poster.argb(600, 50)).isEqualTo(BG);
    // row 1: the blue still
    assertThat(poster.argb(48, 54 + 24)).isEqualTo(BLUE);
    assertThat(poster.argb(700, 54 + 24)).isEqualTo(BLUE);
    // the film band: blue 1/2, red 3/8, green 1/8 of the width, in share order
    int band = 2 * 54 + 6;
    assertThat(poster.argb(0, band)).isEqualTo(BLUE);
    assertThat(poster.argb(599, band + 100)).isEqualTo(BLUE);
    assertThat(poster.argb(601, band + 143)).isEqualTo(RED);
    assertThat(poster.argb(1049, band + 70)).isEqualTo(RED);
    assertThat(poster.argb(1051, band + 70)).isEqualTo(0xff00ff00);
    assertThat(poster.argb(1199, band - 1)).isEqualTo(BG);
  }

  @Test
  void equalStripesIgnoreTheShares() {
    Still blue = FilmStills.solid("blue.png", 30, 30, 0x0000ff);
    Still red = FilmStills.solid("red.png", 10, 30, 0xff0000);
    Still third = FilmStills.solid("red2.png", 10, 30, 0xff0000);

    FilmPaletteRun run =
        FilmPalettes.run(
            List.of(blue, red, third), PaletteOptions.defaults().withEqualStripes(true), Map.of());
    PixelImage poster =
        ImageDecoder.decode(
            run.findArtifact("poster.png").orElseThrow().bytes(), ImageLimits.defaults());

    int band = 3 * 54 + 6;
    assertThat(poster.argb(599, band)).isEqualTo(RED);
    assertThat(poster.argb(600, band)).isEqualTo(BLUE);
  }

  @Test
  void thumbnailsCropToTheBoxAroundTheCentreAndAverage() {
    int[] wide = new int[8 * 2];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = (i % 8 < 2 || i % 8 >= 6) ? 0xff000000 : (i % 8 < 4 ? RED : BLUE);
    }
    PixelImage image = new PixelImage(8, 2, wide);
    int[] before = image.argb();

    assertThat(Thumbnail.of(image, 2, 1, BG)).containsExactly(RED, BLUE);
    assertThat(Thumbnail.of(image, 1, 1, BG)).containsExactly(0xff800080);
    assertThat(Thumbnail.of(new PixelImage(1, 1, new int[] {0}), 2, 2, BG)).containsOnly(BG);
    assertThat(image.argb()).containsExactly(before);
  }
}
