package palette.core;

import java.util.List;
import java.util.Optional;
import palette.core.format.FilmPaletteDocument;

/**
 * A finished film run: the film document, the stage timings (kept out of the document so identical
 * runs write identical bytes) and every output ({@code poster.png}, the palette exports, and {@code
 * film.json} last, as the commit marker).
 *
 * @param timings decode and cluster summed over the stills (plus the film clustering), render (the
 *     thumbnails and the poster) and encode of the outputs
 */
public record FilmPaletteRun(
    FilmPaletteDocument document, Timings timings, List<Artifact> artifacts) {
  public FilmPaletteRun {
    artifacts = List.copyOf(artifacts);
  }

  /** The artifact with this name, for example {@code poster.png}. */
  public Optional<Artifact> findArtifact(String name) {
    return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
