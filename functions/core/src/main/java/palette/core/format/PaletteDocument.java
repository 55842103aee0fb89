package palette.core.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.cluster.Clustering;
import palette.core.cluster.StopReason;
import palette.core.cluster.Swatch;
import palette.core.options.PaletteOptions;

/**
 * The palette and the facts of the run that made it: what {@code palette.json} holds and what
 * {@code --json} prints. It holds nothing that varies between identical runs (stage timings live in
 * {@code palette.core.PaletteRun}), so the same bytes and options give the same document and the
 * same JSON, whoever writes it.
 *
 * @param swatches the colours in the chosen sort order
 * @param options the options used
 * @param width image width after EXIF orientation
 * @param height image height after EXIF orientation
 * @param opaquePixels pixels that were clustered (alpha at least 50%)
 * @param distinctColors distinct opaque colours in the image
 * @param iterations k-means iterations run
 * @param stopReason why k-means stopped; {@link StopReason#converged()} says whether it converged
 * @param mse mean squared RGB error over all opaque pixels (see {@link Clustering#mse()})
 * @param source where the image came from (file name, S3 key, film title and still URL), in order
 */
public record PaletteDocument(
    List<Swatch> swatches,
    PaletteOptions options,
    int width,
    int height,
    long opaquePixels,
    int distinctColors,
    int iterations,
    StopReason stopReason,
    double mse,
    Map<String, String> source) {

  public PaletteDocument {
    swatches = List.copyOf(swatches);
    source = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  public boolean converged() {
    return stopReason.converged();
  }

  /** True when the image had fewer distinct colours than the k asked for. */
  public boolean fewerColorsThanK() {
    return distinctColors < options.k();
  }

  /** The same document with {@code source} entries added after the existing ones. */
  public PaletteDocument withSource(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(source);
    merged.putAll(more);
    return new PaletteDocument(
        swatches,
        options,
        width,
        height,
        opaquePixels,
        distinctColors,
        iterations,
        stopReason,
        mse,
        merged);
  }

  /** The document as pretty-printed JSON (format in {@link PaletteJson}). */
  public String toJson() {
    return PaletteJson.write(this);
  }
}
