package palette.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palette.core.TestJson;

class ScatterPageTest {

  @Test
  void loadsPlotlyFromTheGivenAddressAndEmbedsTheFigure() {
    String html =
        ScatterPage.html("{\"data\":[],\"layout\":{}}", "photo.jpg", "plotly-gl3d.min.js");

    assertThat(html).startsWith("<!doctype html>");
    assertThat(html).contains("<script src=\"plotly-gl3d.min.js\"></script>");
    assertThat(html).contains("<title>photo.jpg</title>");
    assertThat(html)
        .contains(
            "<script type=\"application/json\" id=\"figure\">{\"data\":[],\"layout\":{}}</script>");
    assertThat(html).contains("Plotly.newPlot(plot, figure.data, figure.layout");
  }

  @Test
  void aHostileTitleOrFigureCannotEscapeTheirPlace() {
    String evil = "</script><script>alert(1)</script><!--";
    String figure = "{\"data\":[],\"layout\":{\"title\":{\"text\":" + Json.quoted(evil) + "}}}";

    String html = ScatterPage.html(figure.replace("\\u003c", "<"), evil, "a\"b.js");

    assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("<!--");
    assertThat(html).contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)");
    assertThat(html).contains("<script src=\"a&quot;b.js\">");
    String embedded = between(html, "id=\"figure\">", "</script>");
    assertThat(TestJson.parse(embedded)).isEqualTo(TestJson.parse(figure));
    assertThat(html.split("<script", -1)).hasSize(4); // plotly, figure, and the page's own code
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> ScatterPage.html(null, "t", "p.js"))
        .hasMessage("figureJson, title and plotlyScriptSrc must not be null");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
