package palette.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void escapesQuotesControlCharactersAndKeepsUnicode() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("key", "a \"b\"\\c\nd\u0001 é");
    map.put("n", 3);
    map.put("list", List.of(true, 1.5));
    map.put("none", null);

    assertThat(Json.write(map))
        .isEqualTo(
            "{\"key\":\"a \\\"b\\\"\\\\c\\nd\\u0001 é\",\"n\":3,\"list\":[true,1.5],\"none\":null}");
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    assertThat(
            Json.write(
                List.of(Double.NaN, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0.25)))
        .isEqualTo("[null,null,null,0.25]");
  }

  @Test
  void escapesWhatBreaksScriptsAndUtf8InKeysAndValues() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("<\u2028", "\b\f\u2029</script>\ud800");

    assertThat(Json.write(map))
        .isEqualTo("{\"\\u003c\\u2028\":\"\\u0008\\u000c\\u2029\\u003c/script>\\ud800\"}");
  }

  @Test
  void nestedMapsAndListsKeepTheirOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", List.of());
    inner.put("a", Map.of());

    assertThat(Json.write(List.of(inner, 2L))).isEqualTo("[{\"z\":[],\"a\":{}},2]");
  }
}
