package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.FilmGrabException;

/**
 * Downloads a film's stills into a {@link StillFolder} with a progress bar, skipping what an
 * earlier run already saved; a still that fails is reported and the others are kept. Shared by
 * {@code palette filmgrab} and {@code palette film}.
 */
final class StillDownloader {
  private StillDownloader() {}

  /**
   * What a run did, still by still.
   *
   * @param files the local file of every still that is now in the folder, in the order asked for
   */
  record Download(
      int saved, int present, int renamed, List<FilmGrabException> failures, List<Path> files) {}

  /** Progress and failures go to {@code err}; the bar only when {@code progress}. */
  static Download download(
      FilmGrab site, List<URI> stills, StillFolder folder, PrintWriter err, boolean progress)
      throws IOException {
    ProgressBar bar = new ProgressBar(err, stills.size(), progress);
    int saved = 0;
    int present = 0;
    int renamed = 0;
    List<FilmGrabException> failures = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) {
      URI url = stills.get(i);
      String name = StillFolder.fileName(url);
      bar.show(i, name);
      Optional<Path> intact = folder.findIntact(url);
      if (intact.isPresent()) {
        present++;
        files.add(intact.get());
        continue;
      }
      try {
        StillFolder.Saved result = folder.save(url, name, site.fetchStill(url));
        files.add(result.file());
        switch (result.outcome()) {
          case SAVED -> saved++;
          case IDENTICAL -> present++;
          case RENAMED -> renamed++;
        }
      } catch (FilmGrabException e) {
        if (e.reason() == FilmGrabException.Reason.BLOCKED) {
          bar.finish();
          throw e; // every further request would meet the same bot check
        }
        failures.add(e);
      }
    }
    bar.show(stills.size(), "done");
    bar.finish();
    for (FilmGrabException failure : failures) {
      err.println("palette: skipped a still: " + failure.getMessage());
    }
    return new Download(saved, present, renamed, failures, files);
  }
}
