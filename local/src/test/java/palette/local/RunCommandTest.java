package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir Path dir;

  /** Output and exit code of one command line. */
  record Result(int exitCode, String out, String err) {}

  static Result palette(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PaletteCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path twoColourPng() throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        image.setRGB(x, y, x < 30 ? 0xd04020 : 0x2040d0);
      }
    }
    Path file = dir.resolve("two tone.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void writesEveryOutputNamedAfterTheImage() throws IOException {
    Path out = dir.resolve("out");
    Result result = palette("run", twoColourPng().toString(), "-k", "6", "-o", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(fileNames(out))
        .containsExactlyInAnyOrder(
            "two tone_swatch.png",
            "two tone_replaced.png",
            "two tone_scatter.json",
            "two tone_scatter.html",
            "two tone_palette.json",
            "two tone_palette.css",
            "two tone_palette.gpl",
            "two tone_palette.ase",
            "plotly-gl3d.min.js");
    assertThat(result.out()).contains("#d04020").contains("#2040d0").contains("75.0%");
    BufferedImage swatch = ImageIO.read(out.resolve("two tone_swatch.png").toFile());
    assertThat(swatch.getWidth()).isEqualTo(40);
    assertThat(swatch.getHeight()).isEqualTo(36);
    assertThat(swatch.getRGB(5, 33) & 0xffffff).isEqualTo(0xd04020);
    assertThat(swatch.getRGB(38, 33) & 0xffffff).isEqualTo(0x2040d0);
    BufferedImage replaced = ImageIO.read(out.resolve("two tone_replaced.png").toFile());
    assertThat(distinctColours(replaced)).containsExactlyInAnyOrder(0xd04020, 0x2040d0);
    String html = Files.readString(out.resolve("two tone_scatter.html"));
    assertThat(html).contains("<script src=\"plotly-gl3d.min.js\"></script>");
  }

  @Test
  void originalFlagsWork() throws IOException {
    Path out = dir.resolve("out");
    Result result =
        palette("run", "-i", twoColourPng().toString(), "-k", "2", "-l", "5", "-o", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readString(out.resolve("two tone_palette.json")))
        .contains("\"k\": 2")
        .contains("\"limit\": 5");
  }

  @Test
  void jsonPrintsTheDocumentAndWritesNothing() throws IOException {
    Path image = twoColourPng();
    Result result = palette("run", image.toString(), "--json", "-o", dir.resolve("o").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().strip()).startsWith("{").endsWith("}").contains("\"#d04020\"");
    assertThat(fileNames(dir)).containsExactly("two tone.png");
  }

  @Test
  void withoutAnImageItUsesTheBundledSample() {
    Result result = palette("run", "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\"width\": 600").contains("\"height\": 400");
  }

  @Test
  void outOfRangeOptionsNameTheOptionAndRange() throws IOException {
    Path image = twoColourPng();

    Result k = palette("run", image.toString(), "-k", "65");
    Result limit = palette("run", image.toString(), "-l", "0");

    assertThat(k.exitCode()).isEqualTo(2);
    assertThat(k.err())
        .startsWith("Invalid value for option '--colors': k must be between 1 and 64, was 65");
    assertThat(limit.exitCode()).isEqualTo(2);
    assertThat(limit.err()).contains("limit must be between 1 and 1000, was 0");
  }

  @Test
  void aBrokenImageFailsWithOneLineAndLeavesNoFiles() throws IOException {
    Path fake = dir.resolve("notes.jpg");
    Files.writeString(fake, "this is not a photo\n");
    Path out = dir.resolve("out");

    Result result = palette("run", fake.toString(), "-o", out.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("not_an_image");
    assertThat(Files.exists(out) ? fileNames(out) : List.of()).isEmpty();
  }

  @Test
  void aFileOverTheByteLimitIsRefusedBeforeReading() throws IOException {
    Path image = twoColourPng();

    Result result = palette("run", image.toString(), "--max-bytes", "10");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("file_too_large");
  }

  @Test
  void aMissingFileIsAnIoError() {
    Result result = palette("run", dir.resolve("nope.jpg").toString());

    assertThat(result.exitCode()).isEqualTo(Failures.IO_ERROR);
    assertThat(result.err()).contains("no such file");
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static Set<Integer> distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours;
  }
}
