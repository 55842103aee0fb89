package palette.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;
import palette.core.TestJson;

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

  static LongStream strings() {
    return RandomCases.seeds(500);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("strings")
  void anyStringSurvivesARoundTripAndNeverContainsALessThanSign(long seed) {
    assertRoundTrip(RandomCases.string(new SplittableRandom(seed), 255));
  }

  static Stream<Named<String>> edgeStrings() {
    return Stream.of(
        Named.of("empty", ""),
        Named.of("NUL", "\u0000"),
        Named.of("last control", "\u001f"),
        Named.of("DEL", "\u007f"),
        Named.of("less-than", "<"),
        Named.of("quote and backslash", "\"\\"),
        Named.of("line and paragraph separators", "\u2028\u2029"),
        Named.of("lone high surrogate", "\ud800"),
        Named.of("lone low surrogate", "\udfff"),
        Named.of("pair reversed", "\udc00\ud800"),
        Named.of("high before a pair", "\udbff\udbff\udfff"),
        Named.of("largest code point", "\udbff\udfff"),
        Named.of("non-character", "\uffff"));
  }

  @ParameterizedTest
  @MethodSource("edgeStrings")
  void edgeStringsSurviveARoundTrip(String text) {
    assertRoundTrip(text);
  }

  @Test
  void everySurrogateIsEscapedSoLoneOnesSurviveUtf8() {
    assertThat(Json.quoted("a\ud800b\udc00\ud83c\udfa8"))
        .isEqualTo("\"a\\ud800b\\udc00\\ud83c\\udfa8\"");
  }

  @Test
  void controlCharactersUseLowercaseHexEscapesExceptNewlineReturnAndTab() {
    assertThat(Json.quoted("\b\f\u001f\n\r\t\u2028\u2029<é"))
        .isEqualTo("\"\\u0008\\u000c\\u001f\\n\\r\\t\\u2028\\u2029\\u003cé\"");
  }

  @Test
  void callsOutOfOrderFailLoudly() {
    Json json = Json.compact(16).beginObject();

    assertThatThrownBy(() -> json.value(1)).isInstanceOf(IllegalStateException.class);
  }

  private static void assertRoundTrip(String text) {
    String quoted = Json.quoted(text);

    assertThat(TestJson.parse(quoted)).isEqualTo(text);
    assertThat(quoted).doesNotContain("<");
    assertThat(new String(quoted.getBytes(UTF_8), UTF_8)).as("survives UTF-8").isEqualTo(quoted);
  }
}
