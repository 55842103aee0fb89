package palette.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static palette.core.TestJson.array;
import static palette.core.TestJson.object;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.Synthetic;
import palette.core.TestJson;
import palette.core.cluster.Ordered;
import palette.core.image.PixelImage;
import palette.core.options.PaletteOptions;
import palette.core.options.SortOrder;

class ScatterFigureTest {

  private static Ordered ordered(PixelImage image, int... centroids) {
    return Ordered.of(Synthetic.clusteringOf(image, centroids), SortOrder.SHARE);
  }

  @Test
  void oneTracePerClusterPlusCentroidsWithPixelCoordinates() {
    int[] argb = {0xff0a0b0c, 0xff0a0b0d, 0xfff0f1f2, 0x00ffffff};
    PixelImage image = new PixelImage(2, 2, argb);
    Ordered ordered = ordered(image, 0x0a0b0c, 0xf0f1f2);

    Map<String, Object> figure = object(TestJson.parse(ScatterFigure.json(image, ordered, 100, 1)));

    List<Object> data = array(figure.get("data"));
    assertThat(data).hasSize(3);
    Map<String, Object> dark = object(data.get(0));
    assertThat(dark.get("type")).isEqualTo("scatter3d");
    assertThat(dark.get("name")).isEqualTo("#0a0b0c 66.7%");
    assertThat(object(dark.get("marker")).get("color")).isEqualTo("#0a0b0c");
    assertThat(numbers(dark.get("x"))).containsExactly(10, 10);
    assertThat(numbers(dark.get("z"))).containsExactly(12, 13);
    Map<String, Object> centroids = object(data.get(2));
    assertThat(numbers(centroids.get("y"))).containsExactly(11, 241);
    assertThat(object(object(centroids.get("marker")).get("line")).get("width"))
        .isEqualTo(new BigDecimal(2));
    Map<String, Object> scene = object(object(figure.get("layout")).get("scene"));
    for (String axis : List.of("xaxis", "yaxis", "zaxis")) {
      assertThat(numbers(object(scene.get(axis)).get("range"))).containsExactly(0, 255);
    }
    assertThat(object(object(scene.get("xaxis")).get("title")).get("text")).isEqualTo("R");
  }

  @Test
  void pointsNeverExceedTheBudgetAndEveryClusterIsThere() {
    PixelImage image = Synthetic.randomOf(300, 200, 9, 0xff000000, 0xff808080, 0xffffffff);
    int[] argb = image.argb();
    argb[0] = 0xffff0000; // a single red pixel: its own cluster of one
    image = new PixelImage(300, 200, argb);
    Ordered ordered = ordered(image, 0x000000, 0x808080, 0xffffff, 0xff0000);

    List<Object> data = traces(ScatterFigure.json(image, ordered, 500, 7));

    int total = 0;
    for (int i = 0; i < 4; i++) {
      int points = array(object(data.get(i)).get("x")).size();
      assertThat(points).isPositive();
      total += points;
    }
    assertThat(total).isEqualTo(500);
  }

  @Test
  void sameSeedSameFigureAndTheInputsAreUnchanged() {
    PixelImage image = Synthetic.noise(120, 80, 4);
    int[] before = image.argb();
    Ordered ordered = ordered(image, Synthetic.gridCentroids(8));
    byte[] labels = ordered.labels().clone();

    String first = ScatterFigure.json(image, ordered, 1000, 5);

    assertThat(ScatterFigure.json(image, ordered, 1000, 5)).isEqualTo(first);
    assertThat(ScatterFigure.json(image, ordered, 1000, 6)).isNotEqualTo(first);
    assertThat(image.argb()).isEqualTo(before);
    assertThat(ordered.labels()).isEqualTo(labels);
  }

  @Test
  void worstCaseFigureStaysUnderOneMegabyte() {
    // Noise over 64 clusters: every coordinate has three digits, every trace is present.
    PixelImage image = Synthetic.noise(800, 400, 8);
    Ordered ordered = ordered(image, Synthetic.gridCentroids(64));

    String json = ScatterFigure.json(image, ordered, PaletteOptions.defaults().plotPoints(), 1);

    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
    List<Object> data = traces(json);
    assertThat(data).hasSize(65);
    int points = 0;
    for (int i = 0; i < 64; i++) {
      points += array(object(data.get(i)).get("x")).size();
    }
    assertThat(points).isEqualTo(PaletteOptions.defaults().plotPoints());
  }

  private static List<Object> traces(String json) {
    return array(object(TestJson.parse(json)).get("data"));
  }

  private static List<Integer> numbers(Object array) {
    return array(array).stream().map(n -> ((BigDecimal) n).intValueExact()).toList();
  }
}
