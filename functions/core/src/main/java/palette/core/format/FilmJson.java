package palette.core.format;

import java.util.Map;

/**
 * Writes a {@link FilmPaletteDocument} as {@code film.json}: pretty-printed, UTF-8, members always
 * in this order, numbers formatted as in {@code palette.json} (see {@link PaletteJson}), whose
 * {@code colors} and {@code options} objects it reuses unchanged.
 *
 * <pre>{@code
 * {
 *   "film": {
 *     "colors": [ {"hex", "rgb", "share", "pixels"} ],  share: every still counting the same;
 *                                    pixels: plain count over all stills nearest to the colour
 *     "stills": 12,                  stills used (decoded)
 *     "opaquePixels": 12345678,      over all stills used
 *     "distinctColors": 234567,      over all stills used
 *     "iterations": 9, "converged": true, "stopReason": "assignments_stable",
 *     "fewerColorsThanK": false
 *   },
 *   "options": { ... },              as in palette.json
 *   "stills": [                      each still's own palette, input order
 *     {
 *       "name": "BladeRunner2049_001.jpg",
 *       "width": 1920, "height": 800, "opaquePixels": 1536000, "distinctColors": 48211,
 *       "iterations": 7, "stopReason": "centroids_stable", "mse": 98.765,
 *       "colors": [ {"hex", "rgb", "share", "pixels"} ]
 *     }
 *   ],
 *   "skipped": [                     stills left out, input order
 *     {"name": "x.jpg", "error": "corrupt_image", "message": "..."}
 *   ],
 *   "source": {"title": "...", "url": "..."}
 * }
 * }</pre>
 */
final class FilmJson {
  private FilmJson() {}

  static String write(FilmPaletteDocument document) {
    Json json = Json.pretty().beginObject();
    film(json, document);
    PaletteJson.options(json, document.options());
    json.name("stills").beginArray();
    for (PaletteDocument still : document.stills()) {
      still(json, still);
    }
    json.endArray();
    json.name("skipped").beginArray();
    for (SkippedStill skipped : document.skipped()) {
      json.beginObject().name("name").value(skipped.name());
      json.name("error").value(skipped.code().id());
      json.name("message").value(skipped.message()).endObject();
    }
    json.endArray();
    json.name("source").beginObject();
    for (Map.Entry<String, String> entry : document.source().entrySet()) {
      json.name(entry.getKey()).value(entry.getValue());
    }
    return json.endObject().endObject().toString();
  }

  private static void film(Json json, FilmPaletteDocument document) {
    json.name("film").beginObject();
    PaletteJson.colors(json, document.swatches());
    json.name("stills").value(document.stills().size());
    json.name("opaquePixels").value(document.opaquePixels());
    json.name("distinctColors").value(document.distinctColors());
    json.name("iterations").value(document.iterations());
    json.name("converged").value(document.converged());
    json.name("stopReason").value(document.stopReason().id());
    json.name("fewerColorsThanK").value(document.fewerColorsThanK()).endObject();
  }

  private static void still(Json json, PaletteDocument still) {
    json.beginObject().name("name").value(still.source().getOrDefault("still", ""));
    json.name("width").value(still.width()).name("height").value(still.height());
    json.name("opaquePixels").value(still.opaquePixels());
    json.name("distinctColors").value(still.distinctColors());
    json.name("iterations").value(still.iterations());
    json.name("stopReason").value(still.stopReason().id());
    json.name("mse").value(still.mse(), 3);
    PaletteJson.colors(json, still.swatches());
    json.endObject();
  }
}
