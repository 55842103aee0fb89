package palette.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plotly.js bundle the scatter pages load: the site's own gl3d bundle (npm {@code
 * plotly.js-gl3d-dist-min}, copied in by the build with its version in {@code
 * plotly-gl3d.properties}), which draws the figure's {@code scatter3d} traces. One copy per output
 * folder, written once, instead of the original's 4 MB inlined into every page.
 */
final class PlotlyScript {
  static final String FILE_NAME = "plotly-gl3d.min.js";

  private PlotlyScript() {}

  /** Copies the bundle into {@code folder} unless a copy is already there. */
  static void copyInto(Path folder) throws IOException {
    if (Files.exists(folder.resolve(FILE_NAME))) {
      return;
    }
    try (InputStream in = PlotlyScript.class.getResourceAsStream(FILE_NAME)) {
      if (in == null) {
        throw new IOException(FILE_NAME + " is missing from the build (run `cd site && npm ci`)");
      }
      new OutputFolder(folder)
          .writeAll(List.of(new OutputFolder.Entry(FILE_NAME, in.readAllBytes())));
    }
  }
}
