package palette.core;

import java.util.List;
import java.util.Optional;

/**
 * A finished film run: the film document and every output ({@code poster.png}, the palette exports,
 * and {@code film.json} last, as the commit marker).
 */
public record FilmPaletteRun(FilmPaletteDocument document, List<Artifact> artifacts) {
  public FilmPaletteRun {
    artifacts = List.copyOf(artifacts);
  }

  /** The artifact with this name, for example {@code poster.png}. */
  public Optional<Artifact> findArtifact(String name) {
    return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
