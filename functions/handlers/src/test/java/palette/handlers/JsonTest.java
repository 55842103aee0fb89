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
    assertThat(Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY))).isEqualTo("[null,null]");
  }
}
