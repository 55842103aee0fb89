package palette.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import palette.core.cluster.Clustering;
import palette.core.cluster.FilmKMeans;
import palette.core.cluster.KMeans;
import palette.core.cluster.Ordered;
import palette.core.cluster.PooledHistogram;
import palette.core.format.FilmPaletteDocument;
import palette.core.format.PaletteDocument;
import palette.core.format.PaletteExports;
import palette.core.format.SkippedStill;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.PaletteOptions;
import palette.core.render.FilmPoster;
import palette.core.render.PngEncoder;
import palette.core.render.Thumbnail;

/**
 * The film palette's front door: many stills in, one palette for the whole film plus each still's
 * own palette out, with a film-strip poster and the palette exports.
 *
 * <p>Stills are decoded one at a time: each gets its ordinary palette (exactly what {@link
 * Palettes#run} would report for it), is added to a {@link PooledHistogram} in which every still
 * weighs the same, leaves a small thumbnail for the poster, and its pixels are dropped, so memory
 * does not grow with the number of stills. The caller's list is read once, in order, one element at
 * a time, so it may load each still lazily. The film palette is then the engine's seeded k-means on
 * the pooled histogram: the same stills and options give the same film palette, bit for bit,
 * whatever order the stills come in.
 *
 * <p>A still that cannot be used (not an image, corrupt, over the limits, fully transparent) is
 * reported in {@link FilmPaletteDocument#skipped()} and left out; when none can be used the run
 * throws that first still's {@link PaletteException}.
 */
public final class FilmPalettes {
  public static final int MAX_STILLS = 500;

  private FilmPalettes() {}

  /**
   * @param stills 1 to {@value #MAX_STILLS} stills, in the order the poster shows them
   * @param source where the film came from (for example title and page URL), kept in order
   * @throws PaletteException INVALID_OPTION for a bad still count, or the first still's error when
   *     no still can be used
   */
  public static FilmPaletteRun run(
      List<Still> stills, PaletteOptions options, Map<String, String> source) {
    check(stills, options, source);
    Stopwatch clock = Stopwatch.start();
    FilmPoster.Layout layout = FilmPoster.Layout.forStills(stills.size());
    StillPass pass = new StillPass(options, layout);
    for (int i = 0; i < stills.size(); i++) {
      Still still = stills.get(i);
      if (still == null) {
        throw new IllegalArgumentException("stills[" + i + "] must not be null");
      }
      pass.add(still);
    }
    if (pass.palettes.isEmpty()) {
      throw noStills(pass.skipped);
    }
    clock.lap();
    FilmKMeans.Result film = FilmKMeans.cluster(pass.pooled, options);
    double filmClusterMs = clock.lap();
    PixelImage poster =
        FilmPoster.render(layout, pass.rows, film.swatches(), options.equalStripes());
    double renderMs = clock.lap();
    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(new Artifact("poster.png", "image/png", PngEncoder.encode(poster)));
    String name = source.getOrDefault("title", "film");
    artifacts.add(
        new Artifact("palette.css", "text/css", utf8(PaletteExports.css(film.swatches()))));
    artifacts.add(
        new Artifact("palette.gpl", "text/plain", utf8(PaletteExports.gpl(film.swatches(), name))));
    artifacts.add(
        new Artifact(
            "palette.ase", "application/octet-stream", PaletteExports.ase(film.swatches())));
    double encodeMs = clock.lap();
    Timings timings =
        new Timings(
            pass.decodeMs, pass.clusterMs + filmClusterMs, pass.thumbnailMs + renderMs, encodeMs);
    FilmPaletteDocument document =
        new FilmPaletteDocument(
            film.swatches(),
            options,
            film.distinctColors(),
            film.iterations(),
            film.stopReason(),
            pass.palettes,
            pass.skipped,
            source);
    artifacts.add(new Artifact("film.json", "application/json", utf8(document.toJson())));
    return new FilmPaletteRun(document, timings, artifacts);
  }

  private static void check(
      List<Still> stills, PaletteOptions options, Map<String, String> source) {
    if (stills == null || options == null || source == null) {
      throw new IllegalArgumentException("stills, options and source must not be null");
    }
    if (stills.isEmpty() || stills.size() > MAX_STILLS) {
      throw new PaletteException(
          ErrorCode.INVALID_OPTION,
          "stills must hold between 1 and " + MAX_STILLS + " stills, was " + stills.size());
    }
  }

  private static PaletteException noStills(List<SkippedStill> skipped) {
    SkippedStill first = skipped.get(0);
    return new PaletteException(
        first.code(),
        "none of the "
            + skipped.size()
            + " stills could be used; the first, "
            + first.name()
            + ": "
            + first.message());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The per-still half of a run: what each still leaves behind once its pixels are dropped. */
  private static final class StillPass {
    final PaletteOptions options;
    final FilmPoster.Layout layout;
    final PooledHistogram pooled = new PooledHistogram();
    final List<PaletteDocument> palettes = new ArrayList<>();
    final List<SkippedStill> skipped = new ArrayList<>();
    final List<FilmPoster.Row> rows = new ArrayList<>();
    double decodeMs;
    double clusterMs;
    double thumbnailMs;

    StillPass(PaletteOptions options, FilmPoster.Layout layout) {
      this.options = options;
      this.layout = layout;
    }

    void add(Still still) {
      Stopwatch clock = Stopwatch.start();
      try {
        PixelImage image = ImageDecoder.decode(still.content(), options.limits());
        double decode = clock.lap();
        Clustering clustering = KMeans.cluster(image, options);
        Ordered ordered = Ordered.of(clustering, options.sort());
        pooled.add(image);
        double cluster = clock.lap();
        palettes.add(
            Palettes.document(image, clustering, ordered, options, Map.of("still", still.name())));
        rows.add(
            new FilmPoster.Row(
                Thumbnail.of(image, layout.thumbWidth(), layout.rowHeight(), FilmPoster.BACKGROUND),
                ordered.swatches()));
        decodeMs += decode;
        clusterMs += cluster;
        thumbnailMs += clock.lap();
      } catch (PaletteException e) {
        skipped.add(new SkippedStill(still.name(), e.code(), e.getMessage()));
      }
    }
  }
}
