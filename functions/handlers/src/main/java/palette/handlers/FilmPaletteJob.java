package palette.handlers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.FilmPaletteRun;
import palette.core.FilmPalettes;
import palette.core.PaletteOptions;
import palette.core.Still;
import palette.filmgrab.FilmGrab;

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

  Outcome run(ObjectRef ref, FilmPaletteRequest request, PaletteOptions options, long start) {
    List<URI> urls = new ArrayList<>();
    for (String still : request.stills()) {
      urls.add(site.expectAllowed(still)); // all refused before the first fetch
    }
    long fetchStart = System.nanoTime();
    List<Still> stills = new ArrayList<>();
    for (URI url : urls) {
      stills.add(new Still(url.toString(), cache.fetch(url, request.film(), request.filmUrl())));
    }
    double fetchMs = ms(System.nanoTime() - fetchStart);
    Map<String, String> source = new LinkedHashMap<>();
    source.put("title", request.film().isEmpty() ? "film" : request.film());
    if (!request.filmUrl().isEmpty()) {
      source.put("url", request.filmUrl());
    }
    source.put("key", ref.key());
    FilmPaletteRun run = FilmPalettes.run(stills, options, source);
    String prefix = OutputKeys.prefixFor(ref.key());
    outputs.writeResult(prefix, run.artifacts(), run.document().toStableJson());
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("fetch", fetchMs);
    timings.put("total", ms(System.nanoTime() - start));
    return new Outcome(ref, "done", prefix, null, null, options, timings);
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e5) / 10.0;
  }
}
