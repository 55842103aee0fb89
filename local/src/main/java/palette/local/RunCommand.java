package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import palette.core.Artifact;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.cluster.Swatch;
import palette.core.format.PaletteDocument;
import palette.core.format.ScatterPage;
import palette.core.options.PaletteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palette run}: the original {@code palette.py} done right. Writes every output next to each
 * other under the image's base name, or prints the palette document with {@code --json}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compute the palette of an image and write its outputs.")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "IMAGE",
      description = "Image file (JPEG, PNG, GIF, BMP, WebP). Default: the bundled sample photo.")
  Path image;

  @Option(
      names = {"-i", "--image"},
      paramLabel = "IMAGE",
      description = "Same as the IMAGE argument (the original tool's flag).")
  Path imageFlag;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Folder for the outputs (created if missing). Default: the current folder.")
  Path output = Path.of(".");

  @Option(names = "--json", description = "Print the palette document and write no files.")
  boolean json;

  @Mixin EngineOptions engine;

  @Mixin TimingsOption timings;

  @Override
  public Integer call() throws IOException {
    PaletteOptions options = engine.toOptions();
    Input input = Input.resolve(imageFlag != null ? imageFlag : image, options.limits());
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> source = Map.of("file", input.name());
    if (json) {
      PaletteRun run = Palettes.analyze(input.bytes(), options, source);
      out.print(run.document().toJson());
      out.flush();
      timings.print(spec.commandLine().getErr(), run.timings());
      return 0;
    }
    PaletteRun run = Palettes.run(input.bytes(), options, source);
    List<Path> written = write(run, input.baseName());
    printSummary(out, run.document(), written);
    timings.print(spec.commandLine().getErr(), run.timings());
    return 0;
  }

  private List<Path> write(PaletteRun run, String baseName) throws IOException {
    List<OutputFolder.Entry> entries = new ArrayList<>();
    for (Artifact artifact : run.artifacts()) {
      entries.add(new OutputFolder.Entry(baseName + "_" + artifact.name(), artifact.bytes()));
    }
    String figure =
        new String(
            run.findArtifact("scatter.json").orElseThrow().bytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    String page = ScatterPage.html(figure, baseName + " palette", PlotlyScript.FILE_NAME);
    entries.add(
        new OutputFolder.Entry(
            baseName + "_scatter.html", page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    OutputFolder folder = new OutputFolder(output);
    List<Path> written = folder.writeAll(entries);
    PlotlyScript.copyInto(output);
    return written;
  }

  private void printSummary(PrintWriter out, PaletteDocument document, List<Path> written) {
    out.printf(
        Locale.ROOT,
        "%dx%d, %d colours, %d iterations (%s), mse %.1f%n",
        document.width(),
        document.height(),
        document.swatches().size(),
        document.iterations(),
        document.stopReason().id(),
        document.mse());
    printSwatches(out, document.swatches());
    for (Path path : written) {
      out.println("wrote " + path);
    }
    out.flush();
  }

  /** One line per colour: hex, RGB and share; shared with {@code palette film}. */
  static void printSwatches(PrintWriter out, List<Swatch> swatches) {
    for (Swatch swatch : swatches) {
      out.printf(
          Locale.ROOT,
          "  %s  rgb(%3d,%3d,%3d)  %5.1f%%%n",
          swatch.color().hex(),
          swatch.color().r(),
          swatch.color().g(),
          swatch.color().b(),
          swatch.share() * 100);
    }
  }
}
