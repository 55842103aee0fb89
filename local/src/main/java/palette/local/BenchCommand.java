package palette.local;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.Timings;
import palette.core.options.PaletteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palette bench}: runs the whole engine repeatedly in one warm JVM and prints the median and
 * spread of every stage, so a change can be judged against a baseline measured the same way.
 * Without an image it benchmarks the reference input: the bundled sample scaled to 2560×1600 and
 * saved as a JPEG at quality 0.9.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark the engine's stages (median and spread over repeated runs).")
final class BenchCommand implements Callable<Integer> {
  static final int REFERENCE_WIDTH = 2560;
  static final int REFERENCE_HEIGHT = 1600;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "Image to time.")
  Path image;

  @Option(names = "--runs", description = "Measured runs (default: ${DEFAULT-VALUE}).")
  int runs = 31;

  /** The optimising compiler needs about 20 runs to settle; fewer would time it still working. */
  @Option(names = "--warmup", description = "Unmeasured runs first (default: ${DEFAULT-VALUE}).")
  int warmup = 20;

  @Option(
      names = "--save-input",
      paramLabel = "FILE",
      description = "Also write the reference JPEG here (to time other tools on the same bytes).")
  Path saveInput;

  @Option(
      names = "--baseline",
      paramLabel = "JAR",
      description =
          "Also time the engine in this palette-core jar (an earlier build), alternating runs with"
              + " this one in the same JVM, and print its stages, output sizes and the ratios.")
  Path baseline;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    PaletteOptions options = engine.toOptions();
    byte[] bytes = image != null ? Input.resolve(image, options.limits()).bytes() : reference();
    if (saveInput != null) {
      Files.write(saveInput, bytes);
    }
    PrintWriter out = spec.commandLine().getOut();
    BaselineEngine old = baseline == null ? null : BaselineEngine.load(baseline, options);
    for (int i = 0; i < warmup; i++) {
      Palettes.run(bytes, options);
      if (old != null) {
        old.run(bytes);
      }
    }
    List<Timings> timings = new ArrayList<>();
    List<Timings> oldTimings = new ArrayList<>();
    PaletteRun last = null;
    for (int i = 0; i < runs; i++) {
      last = Palettes.run(bytes, options);
      timings.add(last.timings());
      if (old != null) {
        oldTimings.add(old.run(bytes));
      }
    }
    out.printf(
        Locale.ROOT,
        "%dx%d, k=%d, limit=%d, %s: %d runs after %d warm-up, mse %.2f, %d iterations%n",
        last.document().width(),
        last.document().height(),
        options.k(),
        options.limit(),
        options.space().id(),
        runs,
        warmup,
        last.document().mse(),
        last.document().iterations());
    out.printf(
        Locale.ROOT, "%-8s %9s %9s %9s %9s %9s%n", "stage", "median", "p25", "p75", "min", "max");
    row(out, "decode", timings, Timings::decodeMs);
    row(out, "cluster", timings, Timings::clusterMs);
    row(out, "render", timings, Timings::renderMs);
    row(out, "encode", timings, Timings::encodeMs);
    row(out, "total", timings, Timings::totalMs);
    sizes(out, last, old);
    if (old != null) {
      out.printf(Locale.ROOT, "baseline %s (runs alternated with the above)%n", baseline);
      row(out, "decode", oldTimings, Timings::decodeMs);
      row(out, "cluster", oldTimings, Timings::clusterMs);
      row(out, "render", oldTimings, Timings::renderMs);
      row(out, "encode", oldTimings, Timings::encodeMs);
      row(out, "total", oldTimings, Timings::totalMs);
      out.printf(Locale.ROOT, "median ratio this/baseline:");
      for (String stage : List.of("decode", "cluster", "render", "encode", "total")) {
        ToDoubleFunction<Timings> metric = BaselineEngine.metric(stage);
        out.printf(
            Locale.ROOT, " %s %.2f", stage, median(timings, metric) / median(oldTimings, metric));
      }
      out.println();
    }
    out.flush();
    return 0;
  }

  private static void sizes(PrintWriter out, PaletteRun last, BaselineEngine old) {
    for (var artifact : last.artifacts()) {
      Integer before = old == null ? null : old.sizes().get(artifact.name());
      out.printf(
          Locale.ROOT,
          "%-14s %10d bytes%s%n",
          artifact.name(),
          artifact.size(),
          before == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  " (baseline %d, %+.1f%%)",
                  before,
                  100.0 * artifact.size() / before - 100));
    }
  }

  private static double median(List<Timings> timings, ToDoubleFunction<Timings> metric) {
    return quantile(timings.stream().mapToDouble(metric).sorted().toArray(), 0.5);
  }

  private static void row(
      PrintWriter out, String stage, List<Timings> timings, ToDoubleFunction<Timings> metric) {
    double[] ms = timings.stream().mapToDouble(metric).sorted().toArray();
    out.printf(
        Locale.ROOT,
        "%-8s %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms%n",
        stage,
        quantile(ms, 0.5),
        quantile(ms, 0.25),
        quantile(ms, 0.75),
        ms[0],
        ms[ms.length - 1]);
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(sorted.length - 1, lower + 1);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }

  /** The bundled sample, scaled with bicubic interpolation to 2560×1600, as a quality-0.9 JPEG. */
  static byte[] reference() throws IOException {
    BufferedImage sample = ImageIO.read(new ByteArrayInputStream(Input.sample().bytes()));
    BufferedImage scaled =
        new BufferedImage(REFERENCE_WIDTH, REFERENCE_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    var g = scaled.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(sample, 0, 0, REFERENCE_WIDTH, REFERENCE_HEIGHT, null);
    g.dispose();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var stream = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(scaled, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
