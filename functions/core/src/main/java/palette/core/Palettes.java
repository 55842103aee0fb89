package palette.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import palette.core.cluster.Clustering;
import palette.core.cluster.KMeans;
import palette.core.cluster.Ordered;
import palette.core.format.PaletteDocument;
import palette.core.format.PaletteExports;
import palette.core.format.ScatterFigure;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.PaletteOptions;
import palette.core.render.PngEncoder;
import palette.core.render.StackedImage;
import palette.core.render.SwatchRenderer;

/**
 * The engine's front door: image bytes and options in, palette and outputs out. Each stage is
 * timed; nothing here touches files or the network.
 */
public final class Palettes {
  private Palettes() {}

  /** Decodes, clusters and renders every output; {@code palette.json} is the last artifact. */
  public static PaletteRun run(byte[] imageBytes, PaletteOptions options) {
    return run(imageBytes, options, Map.of());
  }

  /** As {@link #run(byte[], PaletteOptions)}, recording where the image came from. */
  public static PaletteRun run(
      byte[] imageBytes, PaletteOptions options, Map<String, String> source) {
    return run(imageBytes, options, source, artifact -> {});
  }

  /**
   * As {@link #run(byte[], PaletteOptions, Map)}, handing each artifact to {@code ready} as soon as
   * it is made, so a caller can write the first outputs while the others are still being encoded.
   * {@code ready} is called once per artifact, on the calling thread, small ones first and {@code
   * palette.json} last; the returned run holds the same artifacts in its usual order.
   */
  public static PaletteRun run(
      byte[] imageBytes,
      PaletteOptions options,
      Map<String, String> source,
      Consumer<Artifact> ready) {
    Stopwatch clock = Stopwatch.start();
    PixelImage image = ImageDecoder.decode(imageBytes, options.limits());
    double decodeMs = clock.lap();
    Clustering clustering = KMeans.cluster(image, options);
    Ordered ordered = Ordered.of(clustering, options.sort());
    double clusterMs = clock.lap();
    StackedImage swatchImage =
        SwatchRenderer.render(image, ordered.swatches(), options.equalStripes());
    String figure = ScatterFigure.json(image, ordered, options.plotPoints(), options.seed());
    double renderMs = clock.lap();
    List<Artifact> small =
        List.of(
            new Artifact("scatter.json", "application/json", utf8(figure)),
            new Artifact("palette.css", "text/css", utf8(PaletteExports.css(ordered.swatches()))),
            new Artifact(
                "palette.gpl",
                "text/plain",
                utf8(PaletteExports.gpl(ordered.swatches(), "palette"))),
            new Artifact(
                "palette.ase", "application/octet-stream", PaletteExports.ase(ordered.swatches())));
    small.forEach(ready);
    // One after the other, each on every core (its bands are coded in parallel); the swatch, the
    // larger, first, so its upload starts soonest.
    Artifact swatch = new Artifact("swatch.png", "image/png", PngEncoder.encode(swatchImage));
    ready.accept(swatch);
    Artifact replaced =
        new Artifact(
            "replaced.png",
            "image/png",
            PngEncoder.encodeIndexed(
                image.width(), image.height(), ordered.labels(), ordered.colors()));
    ready.accept(replaced);
    List<Artifact> artifacts = new ArrayList<>(List.of(swatch, replaced));
    artifacts.addAll(small);
    double encodeMs = clock.lap();
    PaletteDocument document = document(image, clustering, ordered, options, source);
    Artifact json = new Artifact("palette.json", "application/json", utf8(document.toJson()));
    ready.accept(json);
    artifacts.add(json);
    return new PaletteRun(
        document, new Timings(decodeMs, clusterMs, renderMs, encodeMs), artifacts);
  }

  /**
   * Decodes and clusters only: the palette document (the same as {@link #run} gives) and the two
   * stages' timings, without rendered outputs.
   */
  public static PaletteRun analyze(
      byte[] imageBytes, PaletteOptions options, Map<String, String> source) {
    Stopwatch clock = Stopwatch.start();
    PixelImage image = ImageDecoder.decode(imageBytes, options.limits());
    double decodeMs = clock.lap();
    Clustering clustering = KMeans.cluster(image, options);
    Ordered ordered = Ordered.of(clustering, options.sort());
    double clusterMs = clock.lap();
    return new PaletteRun(
        document(image, clustering, ordered, options, source),
        new Timings(decodeMs, clusterMs, 0, 0),
        List.of());
  }

  static PaletteDocument document(
      PixelImage image,
      Clustering clustering,
      Ordered ordered,
      PaletteOptions options,
      Map<String, String> source) {
    return new PaletteDocument(
        ordered.swatches(),
        options,
        image.width(),
        image.height(),
        clustering.opaquePixels(),
        clustering.distinctColors(),
        clustering.iterations(),
        clustering.stopReason(),
        clustering.mse(),
        source);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
