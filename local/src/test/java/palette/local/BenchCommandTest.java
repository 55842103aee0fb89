package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

  /**
   * The engine of this very build, handed over as a jar, stands in for an earlier one: every output
   * must then be the same size, and each stage is timed for both.
   */
  @Test
  void aBaselineJarIsTimedAlongsideWithItsOutputSizes(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("engine.jar");
    Path classes =
        Path.of(
            palette.core.Palettes.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    if (Files.isRegularFile(classes)) { // `verify` puts core's packaged jar on the class path
      Files.copy(classes, jar);
    } else {
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
        try (var files = Files.walk(classes)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            out.putNextEntry(
                new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/')));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
          }
        }
      }
    }
    StringWriter text = new StringWriter();
    CommandLine line = PaletteCli.commandLine();
    line.setOut(new PrintWriter(text));
    line.setErr(new PrintWriter(text));

    int exit = line.execute("bench", "--runs", "1", "--warmup", "0", "--baseline", jar.toString());

    assertThat(exit).as(text.toString()).isZero();
    assertThat(text.toString())
        .contains("swatch.png")
        .contains("baseline " + jar + " (runs alternated with the above)")
        .containsPattern("replaced\\.png +\\d+ bytes \\(baseline \\d+, \\+0\\.0%\\)")
        .containsPattern("median ratio this/baseline: decode [0-9.]+ .* encode [0-9.]+ total");
  }
}
