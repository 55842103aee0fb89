package palette.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plotly.js bundle the scatter pages load. One copy per output folder, written once, instead of
 * the original's 4 MB inlined into every page.
 */
final class PlotlyScript {
  static final String FILE_NAME = "plotly.js";
  private static final String RESOURCE =
      "/META-INF/resources/webjars/plotly.js-dist/3.3.1/plotly.js";

  private PlotlyScript() {}

  /** Copies the bundle into {@code folder} unless a copy is already there. */
  static void copyInto(Path folder) throws IOException {
    if (Files.exists(folder.resolve(FILE_NAME))) {
      return;
    }
    try (InputStream in = PlotlyScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("plotly.js is missing from the build (" + RESOURCE + ")");
      }
      byte[] bytes = in.readAllBytes();
      new OutputFolder(folder)
          .writeAll(java.util.List.of(new OutputFolder.Entry(FILE_NAME, bytes)));
    }
  }
}
