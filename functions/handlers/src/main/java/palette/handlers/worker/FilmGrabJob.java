package palette.handlers.worker;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import palette.core.PaletteException;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.Stopwatch;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.FilmGrabException;
import palette.handlers.Failure;
import palette.handlers.FilmGrabRequest;
import palette.handlers.FilmPaletteRequest;
import palette.handlers.OutputKeys;

/**
 * One film-grab request from its read to the last put: the still is fetched with the film-grab
 * client (whose host policy refuses anything but film-grab.com before connecting), or revalidated
 * when a copy is kept in the output bucket ({@link StillCache}), and then treated exactly like an
 * uploaded image, with the still's URL and the film's title added to the palette document's source.
 * Outputs follow {@link OutputKeys} for the request's key. A refused URL, a missing still or a bad
 * option is permanent ({@code error.json}); network trouble and 429/5xx answers escape as {@link
 * FilmGrabException} so Lambda retries.
 */
final class FilmGrabJob {
  private final Storage storage;
  private final PaletteOptions defaults;
  private final FilmGrab site;
  private final Outputs outputs;
  private final FilmPaletteJob film;
  private final StillCache stills;

  FilmGrabJob(Storage storage, WorkerConfig config, FilmGrab site, Executor requests) {
    this.storage = storage;
    this.defaults = config.defaults();
    this.site = site;
    this.outputs = new Outputs(storage, config.outputBucket(), requests);
    this.stills = new StillCache(storage, config.outputBucket(), site);
    this.film = new FilmPaletteJob(site, stills, outputs);
  }

  /** A request object named by an S3 event, within the invocation's budget. */
  Outcome run(ObjectRef ref, Budget budget) {
    Stopwatch clock = Stopwatch.start();
    String prefix = OutputKeys.prefixFor(ref.key());
    if (outputs.isCommitted(prefix, ref.eTag())) {
      return new Outcome(
          ref, "skipped", prefix, null, "already done for this version", null, Map.of());
    }
    Map<String, Object> json;
    try {
      Optional<Storage.StoredObject> object =
          storage.read(ref.bucket(), ref.key(), FilmGrabRequest.MAX_BYTES);
      if (object.isEmpty()) {
        return new Outcome(ref, "skipped", prefix, null, "the object is gone", null, Map.of());
      }
      json = FilmGrabRequest.parseMap(object.get().bytes());
      if (FilmPaletteRequest.isFilmRequest(json)) {
        return runFilm(ref, FilmPaletteRequest.fromMap(json), budget, clock);
      }
      return run(ref, FilmGrabRequest.fromMap(json), budget, clock);
    } catch (Storage.ObjectTooLargeException e) {
      return fail(ref, prefix, "invalid_request", tooLarge(ref.key()), null, clock);
    } catch (FilmGrabRequest.Invalid e) {
      return fail(ref, prefix, "invalid_request", e.getMessage(), null, clock);
    }
  }

  private Outcome runFilm(
      ObjectRef ref, FilmPaletteRequest request, Budget budget, Stopwatch clock) {
    String prefix = OutputKeys.prefixFor(ref.key());
    PaletteOptions options = null;
    try {
      options = Option.perJobFromText(request.options(), defaults);
      return film.run(ref, request, options, budget, clock);
    } catch (PaletteException e) {
      return fail(ref, prefix, e.code().id(), e.getMessage(), options, clock);
    } catch (Budget.Exceeded e) {
      return fail(ref, prefix, Budget.Exceeded.CODE, e.getMessage(), options, clock);
    } catch (FilmGrabException e) {
      return fetchFailed(ref, prefix, e, options, clock);
    }
  }

  /**
   * A request given directly (an invocation payload): its outputs go where they would if it had
   * been put into the input bucket under {@code ref}'s key.
   */
  Outcome run(ObjectRef ref, FilmGrabRequest request, Budget budget, Stopwatch clock) {
    String prefix = OutputKeys.prefixFor(ref.key());
    PaletteOptions options = null;
    Map<String, Double> timings = new LinkedHashMap<>();
    try {
      options = Option.perJobFromText(request.options(), defaults);
      URI still = site.expectAllowed(request.still());
      clock.lap();
      byte[] bytes = stills.fetch(still, request.film(), request.filmUrl());
      timings.put("fetch", clock.lap());
      Map<String, String> source = source(ref, request, still);
      PaletteRun run =
          budget.run(still.toString(), bytes.length, options, o -> Palettes.run(bytes, o, source));
      budget.checkTimeToWrite(ref.key());
      outputs.writeResult(prefix, run, ref.eTag());
      timings.put("total", clock.totalMs());
      return new Outcome(ref, "done", prefix, null, null, options, timings);
    } catch (PaletteException e) {
      return fail(
          ref, prefix, e.code().id(), stillMessage(request, e.getMessage()), options, clock);
    } catch (Budget.Exceeded e) {
      return fail(ref, prefix, Budget.Exceeded.CODE, e.getMessage(), options, clock);
    } catch (FilmGrabException e) {
      return fetchFailed(ref, prefix, e, options, clock);
    }
  }

  /** Permanent fetch failures end in error.json; transient ones escape so Lambda retries. */
  private Outcome fetchFailed(
      ObjectRef ref, String prefix, FilmGrabException e, PaletteOptions options, Stopwatch clock) {
    if (e.isTransient()) {
      throw e;
    }
    Failure.FilmGrabAnswer answer = Failure.filmGrab(e);
    String message = "The still could not be fetched: " + answer.message();
    return fail(ref, prefix, answer.code(), message, options, clock);
  }

  private Outcome fail(
      ObjectRef ref,
      String prefix,
      String code,
      String message,
      PaletteOptions options,
      Stopwatch clock) {
    outputs.writeError(prefix, code, message, ref.key());
    Map<String, Double> timings = Map.of("total", clock.totalMs());
    return new Outcome(ref, "failed", prefix, code, message, options, timings);
  }

  private static Map<String, String> source(ObjectRef ref, FilmGrabRequest request, URI still) {
    Map<String, String> source = new LinkedHashMap<>();
    if (!ref.bucket().equals(WorkerInput.DIRECT)) {
      source.put("bucket", ref.bucket());
    }
    source.put("key", ref.key());
    source.put("still", still.toString());
    if (!request.film().isEmpty()) {
      source.put("film", request.film());
    }
    if (!request.filmUrl().isEmpty()) {
      source.put("filmUrl", request.filmUrl());
    }
    return source;
  }

  private static String stillMessage(FilmGrabRequest request, String message) {
    return message + " (still " + request.still() + ")";
  }

  private static String tooLarge(String key) {
    return key
        + " is not a film-grab request: requests are small JSON objects of at most "
        + FilmGrabRequest.MAX_BYTES
        + " bytes";
  }
}
