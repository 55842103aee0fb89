package palette.core.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.Golden;
import palette.core.Synthetic;
import palette.core.cluster.Ordered;
import palette.core.cluster.Rgb;
import palette.core.cluster.StopReason;
import palette.core.cluster.Swatch;
import palette.core.image.PixelImage;
import palette.core.options.PaletteOptions;
import palette.core.options.SortOrder;

/** The palette document and the figure against their golden files (see {@link Golden}). */
class GoldenTest {

  /** A document with every field set, unusual characters in the source included. */
  static PaletteDocument document() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("file", "caf\u00e9 \"night\".jpg");
    source.put("note", "line1\nline2\t</script>");
    return new PaletteDocument(
        List.of(
            new Swatch(new Rgb(26, 43, 60), 2, 2 / 3.0),
            new Swatch(new Rgb(240, 241, 242), 1, 1 / 3.0)),
        PaletteOptions.defaults().withK(3).withSort(SortOrder.HUE),
        2,
        2,
        3,
        2,
        0,
        StopReason.FEW_DISTINCT_COLORS,
        0.0,
        source);
  }

  @Test
  void paletteDocument() {
    Golden.assertMatches("palette-document.json", document().toJson());
  }

  @Test
  void figureOfASmallSyntheticImage() {
    // 16x16: three colour regions with some spread, a transparent corner, 100 of 252 points drawn
    int[] argb = new int[256];
    for (int i = 0; i < argb.length; i++) {
      int x = i % 16;
      int y = i / 16;
      int spread = (x * 7 + y * 3) % 9;
      argb[i] =
          x < 8
              ? 0xff200000 + spread * 0x010101
              : y < 8 ? 0xff40c000 + spread * 0x000102 : 0xffe0e0f0 - spread * 0x010100;
    }
    argb[0] = argb[1] = argb[16] = argb[17] = 0x00ffffff;
    PixelImage image = new PixelImage(16, 16, argb);
    Ordered ordered =
        Ordered.of(
            Synthetic.clusteringOf(image, 0x240404, 0x44c004, 0xdcdcf0), SortOrder.LIGHTNESS);

    Golden.assertMatches("scatter-figure.json", ScatterFigure.json(image, ordered, 100, 42));
  }
}
