package palette.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  @Test
  void prettyIndentsObjectsAndKeepsNumberArraysOnOneLine() {
    String json =
        Json.pretty()
            .beginObject()
            .name("a")
            .value(1)
            .name("b")
            .beginArray()
            .beginObject()
            .name("rgb")
            .value(new int[] {1, 2, 3})
            .endObject()
            .endArray()
            .name("c")
            .beginObject()
            .endObject()
            .endObject()
            .toString();

    assertThat(json)
        .isEqualTo(
            """
            {
              "a": 1,
              "b": [
                {
                  "rgb": [1, 2, 3]
                }
              ],
              "c": {}
            }
            """);
  }

  @Test
  void compactWritesNoWhitespace() {
    String json =
        Json.compact(16)
            .beginObject()
            .name("x")
            .value(new int[] {4, 5})
            .name("ok")
            .value(true)
            .endObject()
            .toString();

    assertThat(json).isEqualTo("{\"x\":[4,5],\"ok\":true}");
  }

  @ParameterizedTest
  @CsvSource({
    "0.1234565, 6, 0.123457",
    "0.5, 6, 0.5",
    "1.0, 6, 1",
    "0.0000004, 6, 0",
    "-0.0, 3, 0",
    "123.4567, 3, 123.457",
    "1e20, 2, 100000000000000000000",
    "2.675, 2, 2.68"
  })
  void decimalsAreRoundedHalfUpWithoutTrailingZeros(double value, int decimals, String text) {
    assertThat(Json.decimal(value, decimals)).isEqualTo(text);
  }

  @Property(tries = 500)
  void anyStringSurvivesARoundTripAndNeverContainsALessThanSign(@ForAll String text) {
    String quoted = Json.quoted(text);

    assertThat(TestJson.parse(quoted)).isEqualTo(text);
    assertThat(quoted).doesNotContain("<");
    assertThat(new String(quoted.getBytes(UTF_8), UTF_8)).as("survives UTF-8").isEqualTo(quoted);
  }

  @Test
  void loneSurrogatesAreEscapedAndPairsKept() {
    assertThat(Json.quoted("a\ud800b\udc00\ud83c\udfa8"))
        .isEqualTo("\"a\\ud800b\\udc00\ud83c\udfa8\"");
  }
}
