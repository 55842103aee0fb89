package palette.core.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.cluster.StopReason;
import palette.core.cluster.Swatch;
import palette.core.options.PaletteOptions;

/**
 * One palette for a whole film, with each still's own palette: what {@code film.json} holds.
 *
 * <p>The film palette is k-means over the pixels of every decodable still pooled together, each
 * pixel weighted so that every still counts the same however large it is. A film swatch's {@link
 * Swatch#share() share} is that weighted share (the mean, over the stills, of the fraction of each
 * still nearest to the colour); its {@link Swatch#pixels() pixels} is the plain number of pixels,
 * over all stills, nearest to it.
 *
 * @param swatches the film palette in the chosen sort order
 * @param options the options used, for the film palette and every still's palette alike
 * @param distinctColors distinct opaque colours over all the stills used
 * @param iterations k-means iterations run for the film palette
 * @param stopReason why the film's k-means stopped
 * @param stills each decodable still's own palette document, in input order; its source names the
 *     still
 * @param skipped the stills left out, in input order
 * @param source where the film came from (title, page URL), in order
 */
public record FilmPaletteDocument(
    List<Swatch> swatches,
    PaletteOptions options,
    int distinctColors,
    int iterations,
    StopReason stopReason,
    List<PaletteDocument> stills,
    List<SkippedStill> skipped,
    Map<String, String> source) {

  public FilmPaletteDocument {
    swatches = List.copyOf(swatches);
    stills = List.copyOf(stills);
    skipped = List.copyOf(skipped);
    source = Collections.unmodifiableMap(new LinkedHashMap<>(source));
    if (swatches.isEmpty()) {
      throw new IllegalArgumentException("swatches must not be empty");
    }
    if (stills.isEmpty()) {
      throw new IllegalArgumentException("stills must hold at least one decoded still");
    }
  }

  public boolean converged() {
    return stopReason.converged();
  }

  /** True when all the stills together had fewer distinct colours than the k asked for. */
  public boolean fewerColorsThanK() {
    return distinctColors < options.k();
  }

  /** Opaque pixels over all the stills used. */
  public long opaquePixels() {
    return stills.stream().mapToLong(PaletteDocument::opaquePixels).sum();
  }

  /** The document as pretty-printed JSON (format in {@link FilmJson}). */
  public String toJson() {
    return FilmJson.write(this);
  }
}
