package palette.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.ErrorCode;
import palette.core.PaletteException;

class OptionTest {
  private static final PaletteOptions DEFAULTS = PaletteOptions.defaults();

  @Test
  void theDefaultsAreEachOptionsDefault() {
    for (Option option : Option.values()) {
      assertThat(option.valueIn(DEFAULTS)).as(option.key()).isEqualTo(option.defaultValue());
    }
  }

  @Test
  void oneMaxBytesAndMaxPixelsForEveryone() {
    assertThat(DEFAULTS.limits().maxBytes()).isEqualTo(26_214_400L);
    assertThat(DEFAULTS.limits().maxPixels()).isEqualTo(40_000_000L);
  }

  @Test
  void namesAreCamelCaseAndDashed() {
    assertThat(Option.PLOT_POINTS.key()).isEqualTo("plotPoints");
    assertThat(Option.PLOT_POINTS.dashed()).isEqualTo("plot-points");
    assertThat(Option.find("equal-stripes")).contains(Option.EQUAL_STRIPES);
    assertThat(Option.find("EQUALSTRIPES")).contains(Option.EQUAL_STRIPES);
    assertThat(Option.find("colours")).isEmpty();
    assertThat(Option.find("maxbytes")).contains(Option.MAX_BYTES);
  }

  @Test
  void textSetsEveryOptionAndTheBoundsAreInclusive() {
    for (Option option : integers()) {
      PaletteOptions low = option.withText(DEFAULTS, " " + option.min() + " ");
      PaletteOptions high = option.withText(DEFAULTS, Long.toString(option.max()));
      assertThat(option.valueIn(low)).as(option.key()).isEqualTo(option.min());
      assertThat(option.valueIn(high)).as(option.key()).isEqualTo(option.max());
    }
    assertThat(Option.SPACE.withText(DEFAULTS, "OKLab").space()).isEqualTo(ColorSpace.OKLAB);
    assertThat(Option.SORT.withText(DEFAULTS, "hue").sort()).isEqualTo(SortOrder.HUE);
    assertThat(Option.EQUAL_STRIPES.withText(DEFAULTS, "yes").equalStripes()).isTrue();
  }

  static Stream<Arguments> badText() {
    return Stream.of(
        Arguments.of(Option.K, "0", "k must be between 1 and 64, was 0"),
        Arguments.of(Option.K, "4294967302", "k must be between 1 and 64, was 4294967302"),
        Arguments.of(
            Option.K,
            "99999999999999999999",
            "k must be between 1 and 64, was 99999999999999999999"),
        Arguments.of(Option.LIMIT, "-1", "limit must be between 1 and 1000, was -1"),
        Arguments.of(Option.LIMIT, "2.5", "limit must be a whole number, was '2.5'"),
        Arguments.of(
            Option.SEED,
            "9223372036854775808",
            "seed must be between -9223372036854775808 and 9223372036854775807,"
                + " was 9223372036854775808"),
        Arguments.of(Option.PLOT_POINTS, "NaN", "plotPoints must be a whole number, was 'NaN'"),
        Arguments.of(Option.MAX_BYTES, " ", "maxBytes must not be empty"),
        Arguments.of(
            Option.MAX_BYTES,
            "104857601",
            "maxBytes must be between 1 and 104857600, was 104857601"),
        Arguments.of(Option.SPACE, "lab", "space must be rgb or oklab, was 'lab'"),
        Arguments.of(Option.SORT, "size", "sort must be share, hue or lightness, was 'size'"),
        Arguments.of(
            Option.EQUAL_STRIPES, "maybe", "equalStripes must be true or false, was 'maybe'"));
  }

  @ParameterizedTest
  @MethodSource("badText")
  void badTextIsRefusedNamingTheOption(Option option, String text, String message) {
    assertThatThrownBy(() -> option.withText(DEFAULTS, text))
        .isInstanceOf(PaletteException.class)
        .hasMessage(message)
        .extracting(e -> ((PaletteException) e).code())
        .isEqualTo(ErrorCode.INVALID_OPTION);
  }

  static Stream<Arguments> badJson() {
    return Stream.of(
        Arguments.of(Option.K, 4294967302L, "k must be between 1 and 64, was 4294967302"),
        Arguments.of(
            Option.SEED,
            new BigInteger("18446744073709551616"),
            "seed must be between -9223372036854775808 and 9223372036854775807,"
                + " was 18446744073709551616"),
        Arguments.of(Option.K, 6.5, "k must be a whole number, was 6.5"),
        Arguments.of(Option.K, Double.NaN, "k must be a whole number, was NaN"),
        Arguments.of(
            Option.LIMIT, Double.POSITIVE_INFINITY, "limit must be a whole number, was Infinity"),
        Arguments.of(Option.K, -3, "k must be between 1 and 64, was -3"),
        Arguments.of(Option.K, "6", "k must be a whole number, was '6'"),
        Arguments.of(Option.K, "", "k must be a whole number, was ''"),
        Arguments.of(Option.SPACE, "", "space must not be empty"),
        Arguments.of(Option.SPACE, 1, "space must be rgb or oklab, was 1"),
        Arguments.of(
            Option.EQUAL_STRIPES, "true", "equalStripes must be true or false, was 'true'"),
        Arguments.of(Option.K, List.of(6), "k must be a whole number, was [6]"));
  }

  @ParameterizedTest
  @MethodSource("badJson")
  void badJsonIsRefusedBeforeNarrowing(Option option, Object json, String message) {
    assertThatThrownBy(() -> option.withJson(DEFAULTS, json))
        .isInstanceOf(PaletteException.class)
        .hasMessage(message);
  }

  @Test
  void jsonSetsPerJobOptionsOnlyAndNullKeepsTheDefault() {
    Map<String, Object> json = new java.util.HashMap<>();
    json.put("k", 8);
    json.put("seed", 7L);
    json.put("limit", null);
    json.put("sort", "lightness");
    json.put("maxBytes", 1);

    PaletteOptions options = Option.perJobFromJson(json, DEFAULTS);

    assertThat(options).isEqualTo(DEFAULTS.withK(8).withSeed(7).withSort(SortOrder.LIGHTNESS));
  }

  @Test
  void textSetsPerJobOptionsOnlyByEitherName() {
    PaletteOptions options =
        Option.perJobFromText(
            Map.of("plot-points", "500", "equalstripes", "true", "max-bytes", "1", "x", "y"),
            DEFAULTS);

    assertThat(options).isEqualTo(DEFAULTS.withPlotPoints(500).withEqualStripes(true));
  }

  @Test
  void describesEveryOptionWithTheGivenDefaults() {
    Map<String, Object> described = Option.describe(DEFAULTS.withK(9));

    assertThat(described.keySet())
        .containsExactly(
            "k",
            "limit",
            "space",
            "sort",
            "equalStripes",
            "seed",
            "plotPoints",
            "maxPixels",
            "maxBytes");
    assertThat(described.get("k"))
        .isEqualTo(
            Map.of(
                "type",
                "integer",
                "default",
                9L,
                "min",
                1L,
                "max",
                64L,
                "perJob",
                true,
                "help",
                Option.K.help()));
    assertThat(described.get("space"))
        .isEqualTo(
            Map.of(
                "type",
                "choice",
                "default",
                "rgb",
                "values",
                List.of("rgb", "oklab"),
                "perJob",
                true,
                "help",
                Option.SPACE.help()));
    assertThat(((Map<?, ?>) described.get("maxBytes")).get("default")).isEqualTo(26_214_400L);
    assertThat(((Map<?, ?>) described.get("maxBytes")).get("perJob")).isEqualTo(false);
  }

  @Test
  void theRecordsRefuseWhatTheModelRefuses() {
    assertThatThrownBy(() -> DEFAULTS.withK(65)).hasMessage("k must be between 1 and 64, was 65");
    assertThatThrownBy(() -> new ImageLimits(0, 1))
        .hasMessage("maxPixels must be between 1 and 250000000, was 0");
  }

  private static List<Option> integers() {
    return Stream.of(Option.values()).filter(o -> o.kind() == Option.Kind.INTEGER).toList();
  }
}
