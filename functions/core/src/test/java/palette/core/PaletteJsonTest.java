package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static palette.core.TestJson.array;
import static palette.core.TestJson.object;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaletteJsonTest {

  @Test
  void membersComeInTheDocumentedOrder() {
    Map<String, Object> json = object(TestJson.parse(GoldenTest.document().toJson()));

    assertThat(json.keySet())
        .containsExactly("colors", "options", "image", "run", "timingsMs", "source");
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
    assertThat(object(json.get("timingsMs")).keySet())
        .containsExactly("decode", "cluster", "render", "encode", "total");
  }

  @Test
  void valuesAreRoundedAsDocumented() {
    Map<String, Object> json = object(TestJson.parse(GoldenTest.document().toJson()));

    Map<String, Object> first = object(array(json.get("colors")).get(0));
    assertThat(first.get("share")).isEqualTo(new BigDecimal("0.666667"));
    assertThat(first.get("rgb")).isEqualTo(java.util.List.of(num("26"), num("43"), num("60")));
    Map<String, Object> timings = object(json.get("timingsMs"));
    assertThat(timings.get("decode")).isEqualTo(num("12.35"));
    assertThat(timings.get("encode")).isEqualTo(num("3"));
    assertThat(timings.get("total")).isEqualTo(num("21.97"));
    Map<String, Object> run = object(json.get("run"));
    assertThat(run.get("converged")).isEqualTo(true);
    assertThat(run.get("stopReason")).isEqualTo("few_distinct_colors");
    assertThat(run.get("fewerColorsThanK")).isEqualTo(true);
    assertThat(object(json.get("source")).get("note")).isEqualTo("line1\nline2\t</script>");
  }

  @Test
  void theStableFormLeavesOutOnlyTheTimings() {
    PaletteDocument document = GoldenTest.document();
    Map<String, Object> full = object(TestJson.parse(document.toJson()));
    Map<String, Object> stable = object(TestJson.parse(document.toStableJson()));

    full.remove("timingsMs");
    assertThat(stable).isEqualTo(full);
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
            document.timings(),
            Map.of());

    assertThatThrownBy(broken::toStableJson)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JSON numbers must be finite, was NaN");
  }

  private static BigDecimal num(String text) {
    return new BigDecimal(text);
  }
}
