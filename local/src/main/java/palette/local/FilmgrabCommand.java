package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import palette.filmgrab.Film;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.FilmGrabConfig;
import palette.filmgrab.FilmGrabException;
import palette.filmgrab.FilmRef;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--base-url",
      hidden = true,
      defaultValue = "${env:PALETTE_FILMGRAB_BASE_URL}",
      description = "Site to use instead of https://film-grab.com/ (a local test server).")
  String baseUrl;

  @Option(
      names = "--delay-ms",
      hidden = true,
      defaultValue = "${env:PALETTE_FILMGRAB_DELAY_MS}",
      description = "Milliseconds between requests to a host; below 1000 only with --base-url.")
  String delayMs;

  @Override
  public Integer call() throws IOException {
    String title;
    FilmGrabConfig config;
    try {
      title = resolveTitle();
      config = config();
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
    Download result = download(site, stills, StillFolder.open(dir));
    printSummary(out, page, dir, result);
    if (!result.failures().isEmpty()) {
      throw result.failures().get(0);
    }
    return 0;
  }

  /** What a run did, still by still. */
  record Download(int saved, int present, int renamed, List<FilmGrabException> failures) {}

  private Download download(FilmGrab site, List<URI> stills, StillFolder folder)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err, stills.size(), !quiet);
    int saved = 0;
    int present = 0;
    int renamed = 0;
    List<FilmGrabException> failures = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) {
      URI url = stills.get(i);
      String name = StillFolder.fileName(url);
      bar.show(i, name);
      if (folder.hasIntact(url)) {
        present++;
        continue;
      }
      try {
        StillFolder.Saved result = folder.save(url, name, site.fetchStill(url));
        switch (result.outcome()) {
          case SAVED -> saved++;
          case IDENTICAL -> present++;
          case RENAMED -> renamed++;
        }
      } catch (FilmGrabException e) {
        failures.add(e);
      }
    }
    bar.show(stills.size(), "done");
    bar.finish();
    for (FilmGrabException failure : failures) {
      err.println("palette: skipped a still: " + failure.getMessage());
    }
    return new Download(saved, present, renamed, failures);
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

  private void printSummary(PrintWriter out, Film page, Path dir, Download d) {
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

  private FilmGrabConfig config() {
    FilmGrabConfig.Builder builder = FilmGrabConfig.builder();
    boolean testSite = baseUrl != null && !baseUrl.isBlank();
    if (testSite) {
      builder.baseUrl(URI.create(baseUrl.trim()));
    }
    if (delayMs != null && !delayMs.isBlank()) {
      if (!delayMs.trim().matches("\\d{1,9}")) {
        throw new IllegalArgumentException(
            "--delay-ms must be a whole number of milliseconds, was " + delayMs);
      }
      long ms = Long.parseLong(delayMs.trim());
      if (ms < 1000 && !testSite) {
        throw new IllegalArgumentException(
            "--delay-ms must be at least 1000 for film-grab.com, was " + ms);
      }
      builder.minInterval(Duration.ofMillis(ms));
    }
    return builder.build();
  }
}
