package palette.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static palette.core.TestJson.array;
import static palette.core.TestJson.object;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.Synthetic;
import palette.core.TestJson;
import palette.core.cluster.StopReason;
import palette.core.options.PaletteOptions;
import palette.core.render.PngEncoder;

class PaletteJsonTest {

  @Test
  void membersComeInTheDocumentedOrder() {
    Map<String, Object> json = object(TestJson.parse(GoldenTest.document().toJson()));

    assertThat(json.keySet()).containsExactly("colors", "options", "image", "run", "source");
    assertThat(object(array(json.get("colors")).get(0)).keySet())
        .containsExactly("hex", "rgb", "share", "pixels");
    assertThat(object(json.get("options")).keySet())
        .containsExactly(
            "k",
            "limit",
            "space",
            "seed",
            "sort",
            "equalStripes",
            "plotPoints",
            "maxPixels",
            "maxBytes");
    assertThat(object(json.get("image")).keySet())
        .containsExactly("width", "height", "opaquePixels", "distinctColors");
    assertThat(object(json.get("run")).keySet())
        .containsExactly("iterations", "converged", "stopReason", "mse", "fewerColorsThanK");
  }

  @Test
  void valuesAreRoundedAsDocumented() {
    Map<String, Object> json = object(TestJson.parse(GoldenTest.document().toJson()));

    Map<String, Object> first = object(array(json.get("colors")).get(0));
    assertThat(first.get("share")).isEqualTo(new BigDecimal("0.666667"));
    assertThat(first.get("rgb")).isEqualTo(java.util.List.of(num("26"), num("43"), num("60")));
    Map<String, Object> run = object(json.get("run"));
    assertThat(run.get("converged")).isEqualTo(true);
    assertThat(run.get("stopReason")).isEqualTo("few_distinct_colors");
    assertThat(run.get("fewerColorsThanK")).isEqualTo(true);
    assertThat(object(json.get("source")).get("note")).isEqualTo("line1\nline2\t</script>");
  }

  @Test
  void twoRunsOnTheSameBytesWriteTheSamePaletteJson() {
    byte[] png = PngEncoder.encode(Synthetic.noise(40, 30, 7));
    PaletteOptions options = PaletteOptions.defaults();

    PaletteRun first = Palettes.run(png, options);
    PaletteRun second = Palettes.run(png, options);

    assertThat(second.findArtifact("palette.json").orElseThrow().bytes())
        .isEqualTo(first.findArtifact("palette.json").orElseThrow().bytes());
    assertThat(second.document()).isEqualTo(first.document());
  }

  @Test
  void aNonFiniteNumberIsABugAndFailsLoudly() {
    PaletteDocument document = GoldenTest.document();
    PaletteDocument broken =
        new PaletteDocument(
            document.swatches(),
            document.options(),
            2,
            2,
            3,
            2,
            1,
            StopReason.LIMIT_REACHED,
            Double.NaN,
            Map.of());

    assertThatThrownBy(broken::toJson)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JSON numbers must be finite, was NaN");
  }

  private static BigDecimal num(String text) {
    return new BigDecimal(text);
  }
}
