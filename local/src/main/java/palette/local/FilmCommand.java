package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import palette.core.Artifact;
import palette.core.FilmPaletteRun;
import palette.core.FilmPalettes;
import palette.core.format.FilmPaletteDocument;
import palette.core.format.SkippedStill;
import palette.core.options.PaletteOptions;
import palette.filmgrab.FilmGrab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palette film}: one palette for a whole film, every still counting the same, with a
 * film-strip poster and each still's own palette. Stills come from film-grab.com (downloaded once
 * into a cache folder and reused) or from a local folder, so it also works offline.
 */
@Command(
    name = "film",
    mixinStandardHelpOptions = true,
    description = {
      "Compute one palette for a whole film from its stills, plus a film-strip poster.",
      "Writes SLUG_poster.png, SLUG_film.json and SLUG_palette.css/.gpl/.ase."
    })
final class FilmCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILM",
      description = "Film title or film-grab.com page URL; with --stills, only names the outputs.")
  String film;

  @Option(
      names = "--stills",
      paramLabel = "DIR",
      description = "Use the images in this folder instead of downloading (works offline).")
  Path stillsDir;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Folder for the outputs (created if missing). Default: the current folder.")
  Path output = Path.of(".");

  @Option(
      names = "--max",
      paramLabel = "N",
      description = "Use at most the first N stills, 1 to 500 (default: all, up to 500).")
  int max = FilmPalettes.MAX_STILLS;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where downloaded stills are kept, one folder per film"
              + " (default: $XDG_CACHE_HOME or ~/.cache, then palette/film-grab).")
  Path cache;

  @Option(names = "--json", description = "Print film.json and write no files.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin EngineOptions engine;

  @Mixin TimingsOption timings;

  @Mixin SiteOptions siteOptions;

  @Override
  public Integer call() throws IOException {
    PaletteOptions options = engine.toOptions();
    PrintWriter err = spec.commandLine().getErr();
    FilmInput input;
    try {
      input = input(options, err);
    } catch (IllegalArgumentException e) {
      err.println("palette film: " + e.getMessage());
      return Failures.USAGE;
    }
    FilmPaletteRun run = FilmPalettes.run(input.stills(), options, input.source());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(run.document().toJson());
      out.flush();
      reportSkipped(err, run.document());
      timings.print(err, run.timings());
      return 0;
    }
    List<OutputFolder.Entry> entries = new ArrayList<>();
    for (Artifact artifact : run.artifacts()) {
      entries.add(new OutputFolder.Entry(input.slug() + "_" + artifact.name(), artifact.bytes()));
    }
    List<Path> written = new OutputFolder(output).writeAll(entries);
    printSummary(out, input, run.document(), written);
    reportSkipped(err, run.document());
    timings.print(err, run.timings());
    return 0;
  }

  private FilmInput input(PaletteOptions options, PrintWriter err) throws IOException {
    if (max < 1 || max > FilmPalettes.MAX_STILLS) {
      throw new IllegalArgumentException(
          "--max must be between 1 and " + FilmPalettes.MAX_STILLS + ", was " + max);
    }
    if (stillsDir != null) {
      return FilmInput.fromFolder(stillsDir, film, max, options.limits().maxBytes(), err);
    }
    if (film == null || film.isBlank()) {
      throw new IllegalArgumentException("missing FILM (a title or a film page URL) or --stills");
    }
    FilmGrab site = FilmGrab.create(siteOptions.config());
    return FilmInput.fromSite(site, film, max, cacheDir(), err, !quiet);
  }

  private Path cacheDir() {
    if (cache != null) {
      return cache;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("palette").resolve("film-grab");
  }

  private static void printSummary(
      PrintWriter out, FilmInput input, FilmPaletteDocument film, List<Path> written) {
    String year = film.source().containsKey("year") ? " (" + film.source().get("year") + ")" : "";
    out.printf(
        Locale.ROOT,
        "%s%s: %d stills, %d colours, %d iterations (%s)%n",
        input.title(),
        year,
        film.stills().size(),
        film.swatches().size(),
        film.iterations(),
        film.stopReason().id());
    RunCommand.printSwatches(out, film.swatches());
    for (Path path : written) {
      out.println("wrote " + path);
    }
    out.flush();
  }

  private static void reportSkipped(PrintWriter err, FilmPaletteDocument film) {
    for (SkippedStill skipped : film.skipped()) {
      err.println(
          "palette: skipped "
              + skipped.name()
              + ": "
              + skipped.message()
              + " ("
              + skipped.code().id()
              + ")");
    }
    err.flush();
  }
}
