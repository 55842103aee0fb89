package palette.core;

import java.util.List;
import java.util.Optional;
import palette.core.format.PaletteDocument;

/**
 * A finished run: the palette document, the stage timings (kept out of the document, since they are
 * the one thing that differs between identical runs) and every rendered output, {@code
 * palette.json} last.
 */
public record PaletteRun(PaletteDocument document, Timings timings, List<Artifact> artifacts) {
  public PaletteRun {
    artifacts = List.copyOf(artifacts);
  }

  /** The artifact with this name, for example {@code swatch.png}. */
  public Optional<Artifact> findArtifact(String name) {
    return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
