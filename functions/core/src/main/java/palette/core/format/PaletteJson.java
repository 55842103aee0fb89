package palette.core.format;

import java.util.List;
import java.util.Map;
import palette.core.cluster.Rgb;
import palette.core.cluster.Swatch;
import palette.core.options.PaletteOptions;

/**
 * Writes a {@link PaletteDocument} as {@code palette.json}: pretty-printed (two-space indent),
 * UTF-8, members always in the order below. The document holds nothing that varies between runs (no
 * timings: the command line prints them with {@code --timings}, the worker logs them), so the same
 * bytes and options give byte-identical files, whether the command line or the worker writes them;
 * only {@code source} says where each found the image, and for a file it is the same from both.
 *
 * <pre>{@code
 * {
 *   "colors": [                         one per colour, in the chosen sort order
 *     {
 *       "hex": "#1a2b3c",               lower-case sRGB hex
 *       "rgb": [26, 43, 60],            0-255 per channel
 *       "share": 0.345678,              of the opaque pixels, 6 decimals
 *       "pixels": 1414213               opaque pixels of this colour
 *     }
 *   ],
 *   "options": {
 *     "k": 6, "limit": 20,              colours asked for, maximum iterations
 *     "space": "rgb",                   rgb | oklab: where distances were measured
 *     "seed": 42,
 *     "sort": "share",                  share | hue | lightness
 *     "equalStripes": false,
 *     "plotPoints": 20000,
 *     "maxPixels": 40000000, "maxBytes": 26214400
 *   },
 *   "image": {
 *     "width": 2560, "height": 1600,    after EXIF orientation
 *     "opaquePixels": 4096000,          alpha at least 50%; the only pixels clustered
 *     "distinctColors": 181234          distinct opaque colours
 *   },
 *   "run": {
 *     "iterations": 14,
 *     "converged": true,                false only when the limit was reached
 *     "stopReason": "assignments_stable", assignments_stable | centroids_stable |
 *                                       limit_reached | few_distinct_colors
 *     "mse": 123.456,                   mean squared RGB error over opaque pixels, 3 decimals
 *     "fewerColorsThanK": false         the image had fewer distinct colours than k
 *   },
 *   "source": {                         where the image came from, strings, in insertion
 *     "file": "photo.jpg"               order: "file", the file's name, from the command line
 *   }                                   and the worker alike ("still", "film", ... for a
 *                                       film-grab request); {} when unknown
 * }
 * }</pre>
 *
 * Numbers are rounded half-up to the stated decimals with trailing zeros dropped ({@code 0.5},
 * {@code 1}); they are never NaN or Infinity.
 */
final class PaletteJson {
  private PaletteJson() {}

  static String write(PaletteDocument document) {
    Json json = Json.pretty().beginObject();
    colors(json, document.swatches());
    options(json, document.options());
    json.name("image").beginObject();
    json.name("width").value(document.width()).name("height").value(document.height());
    json.name("opaquePixels").value(document.opaquePixels());
    json.name("distinctColors").value(document.distinctColors()).endObject();
    json.name("run").beginObject();
    json.name("iterations").value(document.iterations());
    json.name("converged").value(document.converged());
    json.name("stopReason").value(document.stopReason().id());
    json.name("mse").value(document.mse(), 3);
    json.name("fewerColorsThanK").value(document.fewerColorsThanK()).endObject();
    json.name("source").beginObject();
    for (Map.Entry<String, String> entry : document.source().entrySet()) {
      json.name(entry.getKey()).value(entry.getValue());
    }
    return json.endObject().endObject().toString();
  }

  static void colors(Json json, List<Swatch> swatches) {
    json.name("colors").beginArray();
    for (Swatch swatch : swatches) {
      Rgb color = swatch.color();
      json.beginObject().name("hex").value(color.hex());
      json.name("rgb").value(new int[] {color.r(), color.g(), color.b()});
      json.name("share").value(swatch.share(), 6);
      json.name("pixels").value(swatch.pixels()).endObject();
    }
    json.endArray();
  }

  static void options(Json json, PaletteOptions options) {
    json.name("options").beginObject();
    json.name("k").value(options.k()).name("limit").value(options.limit());
    json.name("space").value(options.space().id()).name("seed").value(options.seed());
    json.name("sort").value(options.sort().id());
    json.name("equalStripes").value(options.equalStripes());
    json.name("plotPoints").value(options.plotPoints());
    json.name("maxPixels").value(options.limits().maxPixels());
    json.name("maxBytes").value(options.limits().maxBytes()).endObject();
  }
}
