package palette.handlers.worker;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.FilmPaletteRun;
import palette.core.FilmPalettes;
import palette.core.Still;
import palette.core.Stopwatch;
import palette.core.options.PaletteOptions;
import palette.filmgrab.FilmGrab;
import palette.handlers.FilmPaletteRequest;
import palette.handlers.OutputKeys;

/**
 * The film palette of a {@link FilmPaletteRequest}: every still is checked against the host policy
 * before any is fetched, then fetched (or revalidated, {@link StillCache}) and pooled so that each
 * counts the same. Writes {@code poster.png}, the palette exports and {@code film.json}, and the
 * film document again as {@code palette.json}, the commit marker every job has. Failures are
 * classified by the caller.
 */
final class FilmPaletteJob {
  private final FilmGrab site;
  private final StillCache cache;
  private final Outputs outputs;

  FilmPaletteJob(FilmGrab site, StillCache cache, Outputs outputs) {
    this.site = site;
    this.cache = cache;
    this.outputs = outputs;
  }

  /**
   * Fetches and pools the stills within {@code budget}: the pixel cap applies to each still (a
   * still over it is skipped, like any still that cannot be used; all of them over it is {@code
   * too_large_for_budget}), counting every fetched still's bytes as held in memory.
   */
  Outcome run(
      ObjectRef ref,
      FilmPaletteRequest request,
      PaletteOptions options,
      Budget budget,
      Stopwatch clock) {
    List<URI> urls = new ArrayList<>();
    for (String still : request.stills()) {
      urls.add(site.expectAllowed(still)); // all refused before the first fetch
    }
    clock.lap();
    List<Still> stills = new ArrayList<>();
    long bytes = 0;
    for (URI url : urls) {
      Still still = new Still(url.toString(), cache.fetch(url, request.film(), request.filmUrl()));
      bytes += still.bytes().length;
      stills.add(still);
    }
    double fetchMs = clock.lap();
    Map<String, String> source = new LinkedHashMap<>();
    source.put("title", request.film().isEmpty() ? "film" : request.film());
    if (!request.filmUrl().isEmpty()) {
      source.put("url", request.filmUrl());
    }
    source.put("key", ref.key());
    FilmPaletteRun run =
        budget.run(ref.key(), bytes, options, o -> FilmPalettes.run(stills, o, source));
    budget.checkTimeToWrite(ref.key());
    String prefix = OutputKeys.prefixFor(ref.key());
    outputs.writeResult(prefix, run.artifacts(), run.document().toJson(), ref.eTag());
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("fetch", fetchMs);
    timings.put("total", clock.totalMs());
    return new Outcome(ref, "done", prefix, null, null, options, timings);
  }
}
