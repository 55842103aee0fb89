package palette.core.format;

import java.util.List;
import java.util.Locale;
import palette.core.cluster.Ordered;
import palette.core.cluster.Rgb;
import palette.core.cluster.Swatch;
import palette.core.image.PixelImage;

/**
 * The Plotly figure ({@code {"data":[…],"layout":{…}}}) of a 3D scatter of the image's pixels in
 * RGB space: one {@code scatter3d} trace per palette colour, each marker in its centroid's colour,
 * and one trace with the centroids themselves as large outlined markers.
 *
 * <p>The original plotted every pixel (7–44 MB per file). Here at most {@code plotPoints} pixels
 * are drawn, sampled per cluster ({@link PlotSample}): every cluster is represented in proportion
 * to its share, and small ones keep at least {@value PlotSample#FLOOR} points so they stay visible.
 * Coordinates are integers, so 20,000 points make about 300 KB of JSON.
 */
public final class ScatterFigure {
  private ScatterFigure() {}

  public static String json(PixelImage image, Ordered ordered, int plotPoints, long seed) {
    int[] argb = image.pixels();
    if (argb.length != ordered.labels().length) {
      throw new IllegalArgumentException(
          "image has "
              + argb.length
              + " pixels but there are "
              + ordered.labels().length
              + " labels");
    }
    List<Swatch> swatches = ordered.swatches();
    int[][] samples = PlotSample.sample(ordered.labels(), counts(swatches), plotPoints, seed);
    Json json = Json.compact(64 * 1024 + plotPoints * 12);
    json.beginObject().name("data").beginArray();
    for (int i = 0; i < swatches.size(); i++) {
      clusterTrace(json, swatches.get(i), argb, samples[i]);
    }
    centroidTrace(json, swatches);
    json.endArray().name("layout");
    layout(json);
    return json.endObject().toString();
  }

  private static long[] counts(List<Swatch> swatches) {
    return swatches.stream().mapToLong(Swatch::pixels).toArray();
  }

  private static void clusterTrace(Json json, Swatch swatch, int[] argb, int[] pixels) {
    int[][] xyz = new int[3][pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      int pixel = argb[pixels[i]];
      xyz[0][i] = (pixel >> 16) & 0xff;
      xyz[1][i] = (pixel >> 8) & 0xff;
      xyz[2][i] = pixel & 0xff;
    }
    String hex = swatch.color().hex();
    json.beginObject().name("type").value("scatter3d").name("mode").value("markers");
    json.name("name").value(hex + " " + percent(swatch.share()));
    json.name("x").value(xyz[0]).name("y").value(xyz[1]).name("z").value(xyz[2]);
    json.name("marker").beginObject().name("size").value(2).name("color").value(hex);
    json.name("opacity").value(0.8, 1).endObject();
    json.name("hovertemplate").value("R %{x}<br>G %{y}<br>B %{z}<extra>" + hex + "</extra>");
    json.endObject();
  }

  private static void centroidTrace(Json json, List<Swatch> swatches) {
    int n = swatches.size();
    int[][] xyz = new int[3][n];
    json.beginObject().name("type").value("scatter3d").name("mode").value("markers");
    json.name("name").value("centroids");
    for (int i = 0; i < n; i++) {
      Rgb color = swatches.get(i).color();
      xyz[0][i] = color.r();
      xyz[1][i] = color.g();
      xyz[2][i] = color.b();
    }
    json.name("x").value(xyz[0]).name("y").value(xyz[1]).name("z").value(xyz[2]);
    json.name("text").beginArray();
    for (Swatch swatch : swatches) {
      json.value(swatch.color().hex() + " " + percent(swatch.share()));
    }
    json.endArray().name("hoverinfo").value("text");
    json.name("marker").beginObject().name("size").value(12).name("color").beginArray();
    for (Swatch swatch : swatches) {
      json.value(swatch.color().hex());
    }
    json.endArray().name("opacity").value(1);
    json.name("line").beginObject().name("color").value("#222222").name("width").value(2);
    json.endObject().endObject().endObject();
  }

  private static void layout(Json json) {
    json.beginObject().name("scene").beginObject();
    axis(json, "xaxis", "R", "#e04040");
    axis(json, "yaxis", "G", "#30a030");
    axis(json, "zaxis", "B", "#4060e0");
    json.name("aspectmode").value("cube");
    json.name("camera").beginObject().name("eye").beginObject();
    json.name("x").value(1.6, 1).name("y").value(1.6, 1).name("z").value(1.1, 1);
    json.endObject().endObject().endObject();
    json.name("margin").beginObject();
    for (String side : new String[] {"l", "r", "t", "b"}) {
      json.name(side).value(0);
    }
    json.endObject();
    json.name("paper_bgcolor").value("rgba(0,0,0,0)").name("plot_bgcolor").value("rgba(0,0,0,0)");
    json.name("font").beginObject().name("color").value("#555555").endObject();
    json.name("showlegend").value(true);
    json.name("legend").beginObject().name("itemsizing").value("constant").endObject();
    json.endObject();
  }

  private static void axis(Json json, String name, String title, String color) {
    json.name(name).beginObject();
    json.name("title").beginObject().name("text").value(title).endObject();
    json.name("range").value(new int[] {0, 255});
    json.name("color").value(color).name("gridcolor").value("#d0d0d0");
    json.name("backgroundcolor").value("rgba(0,0,0,0)").endObject();
  }

  /** A share as a percentage with one decimal, for example {@code 34.5%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
