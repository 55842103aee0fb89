package palette.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palette.core.options.PaletteOptions;

/**
 * The worker puts each output as soon as the engine hands it over, so what it is handed must be the
 * run's outputs exactly: each once, with the bytes the run returns, and {@code palette.json}, the
 * commit marker, last.
 */
class ReadyArtifactsTest {

  @ParameterizedTest
  @CsvSource({
    "photos/astronaut.png, 6",
    "photos/hubble_deep_field.jpg, 32",
    "formats/png-gray-alpha.png, 2"
  })
  void everyArtifactIsHandedOverOnceWithTheRunsBytesAndPaletteJsonLast(String photo, int k) {
    List<Artifact> ready = new CopyOnWriteArrayList<>();

    PaletteRun run =
        Palettes.run(
            Fixtures.bytes(photo), PaletteOptions.defaults().withK(k), Map.of(), ready::add);

    assertThat(ready).hasSameSizeAs(run.artifacts());
    for (Artifact artifact : run.artifacts()) {
      assertThat(ready)
          .filteredOn(r -> r.name().equals(artifact.name()))
          .singleElement()
          .satisfies(r -> assertThat(r.bytes()).isEqualTo(artifact.bytes()));
    }
    assertThat(ready.get(ready.size() - 1).name()).isEqualTo("palette.json");
    assertThat(run.artifacts().get(run.artifacts().size() - 1).name()).isEqualTo("palette.json");
  }
}
