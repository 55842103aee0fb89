package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's scatter pages use the site's plotly.js, the very file the lock file pins. */
class PlotlyScriptTest {
  static final Path SITE = Path.of("../site");
  static final String PACKAGE = "plotly.js-gl3d-dist-min";

  @TempDir Path dir;

  @Test
  void writesTheSitesBundleByteForByte() throws IOException {
    PlotlyScript.copyInto(dir);

    assertThat(dir.resolve("plotly-gl3d.min.js"))
        .hasSameBinaryContentAs(SITE.resolve("node_modules/" + PACKAGE + "/plotly-gl3d.min.js"));
  }

  @Test
  void leavesACopyAlreadyInTheFolder() throws IOException {
    Files.writeString(dir.resolve("plotly-gl3d.min.js"), "/* kept */");

    PlotlyScript.copyInto(dir);

    assertThat(dir.resolve("plotly-gl3d.min.js")).hasContent("/* kept */");
  }

  @Test
  void carriesTheVersionThatTheSitesLockFilePins() throws IOException {
    Map<String, Object> lock = JSON.std.mapFrom(SITE.resolve("package-lock.json").toFile());
    @SuppressWarnings("unchecked")
    Map<String, Object> packages = (Map<String, Object>) lock.get("packages");
    @SuppressWarnings("unchecked")
    Map<String, Object> locked = (Map<String, Object>) packages.get("node_modules/" + PACKAGE);
    Properties carried = new Properties();
    try (InputStream in = PlotlyScript.class.getResourceAsStream("plotly-gl3d.properties")) {
      carried.load(in);
    }

    assertThat(carried.getProperty("version")).isNotBlank().isEqualTo(locked.get("version"));
  }
}
