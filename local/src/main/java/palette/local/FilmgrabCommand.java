package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import palette.filmgrab.Film;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.FilmGrabConfig;
import palette.filmgrab.FilmRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palette filmgrab}: the original {@code filmgrabber.py} done right. Finds the film through
 * the site's search and A–Z index, downloads only the gallery's full-size stills, politely, into a
 * folder where nothing is ever overwritten (see {@link StillFolder}), and resumes where an
 * interrupted run stopped.
 */
@Command(
    name = "filmgrab",
    mixinStandardHelpOptions = true,
    description = {
      "Download the stills of a film from film-grab.com.",
      "Files are never overwritten: an identical file is skipped, a different one is kept and the"
          + " new still saved as NAME-2.jpg. Running the command again resumes."
    })
final class FilmgrabCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILM",
      description = "Film title (\"Blade Runner 2049\", \"8 1/2\") or film page URL.")
  String film;

  @Option(
      names = {"-f", "--film"},
      paramLabel = "FILM",
      description = "Same as the FILM argument (the original tool's flag).")
  String filmFlag;

  @Option(
      names = {"-o", "--output", "-p", "--path"},
      paramLabel = "DIR",
      description = "Folder for the stills (created if missing). Default: the film's slug.")
  Path output;

  @Option(names = "--max", paramLabel = "N", description = "Download at most the first N stills.")
  Integer max;

  @Option(names = "--list", description = "Only list the films matching FILM, with their URLs.")
  boolean list;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin SiteOptions siteOptions;

  @Override
  public Integer call() throws IOException {
    String title;
    FilmGrabConfig config;
    try {
      title = resolveTitle();
      config = siteOptions.config();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("palette filmgrab: " + e.getMessage());
      return Failures.USAGE;
    }
    FilmGrab site = FilmGrab.create(config);
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      return list(site, title, out);
    }
    Film page = site.expectFilmPage(site.expectFilm(title));
    List<URI> stills = page.stills();
    if (max != null) {
      stills = stills.subList(0, Math.min(max, stills.size()));
    }
    Path dir = output != null ? output : Path.of(page.slug());
    StillDownloader.Download result =
        StillDownloader.download(
            site, stills, StillFolder.open(dir), spec.commandLine().getErr(), !quiet);
    printSummary(out, page, dir, result);
    if (!result.failures().isEmpty()) {
      throw result.failures().get(0);
    }
    return 0;
  }

  private Integer list(FilmGrab site, String query, PrintWriter out) {
    List<FilmRef> films = site.search(query);
    if (films.isEmpty()) {
      spec.commandLine().getErr().println("palette: no film matches \"" + query + "\"");
      return Failures.BAD_INPUT;
    }
    for (FilmRef ref : films) {
      out.println(ref.title() + "\t" + ref.url());
    }
    out.flush();
    return 0;
  }

  private void printSummary(PrintWriter out, Film page, Path dir, StillDownloader.Download d) {
    String year = page.findYear().isPresent() ? " (" + page.year() + ")" : "";
    out.println(page.title() + year + "  " + page.url());
    out.printf(
        "%d stills in %s: %d downloaded, %d already there, %d saved under a new name",
        d.saved() + d.present() + d.renamed(), dir, d.saved(), d.present(), d.renamed());
    out.println(d.failures().isEmpty() ? "" : ", " + d.failures().size() + " failed");
    out.flush();
  }

  private String resolveTitle() {
    if (film != null && filmFlag != null) {
      throw new IllegalArgumentException("give the film once: FILM or -f, not both");
    }
    String title = film != null ? film : filmFlag;
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("missing FILM: a title or a film page URL");
    }
    if (max != null && max < 1) {
      throw new IllegalArgumentException("--max must be at least 1, was " + max);
    }
    return title;
  }
}
