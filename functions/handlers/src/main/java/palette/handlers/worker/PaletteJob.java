package palette.handlers.worker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.Stopwatch;
import palette.core.Timings;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import palette.handlers.OutputKeys;

/**
 * One input object from its GET to the last put. Permanent failures ({@link PaletteException}) end
 * in {@code error.json} and a normal return; anything else escapes so Lambda retries the event.
 */
final class PaletteJob {
  /** The outcome's error code for a key that can have no outputs ({@link OutputKeys#refusal}). */
  static final String INVALID_KEY = "invalid_key";

  private final Storage storage;
  private final PaletteOptions defaults;
  private final Outputs outputs;
  private final Executor requests;

  PaletteJob(Storage storage, WorkerConfig config, Executor requests) {
    this.storage = storage;
    this.defaults = config.defaults();
    this.outputs = new Outputs(storage, config.outputBucket(), requests);
    this.requests = requests;
  }

  Outcome run(ObjectRef ref) {
    return run(ref, Budget.UNLIMITED);
  }

  /**
   * As {@link #run(ObjectRef)}, refusing an image the invocation's time or memory cannot finish.
   */
  Outcome run(ObjectRef ref, Budget budget) {
    Map<String, Double> timings = new LinkedHashMap<>();
    Stopwatch clock = Stopwatch.start();
    if (ref.isFolder()) {
      return new Outcome(ref, "skipped", null, null, "a folder marker", null, timings);
    }
    Optional<String> refusal = OutputKeys.refusal(ref.key());
    if (refusal.isPresent()) {
      return new Outcome(ref, "failed", null, INVALID_KEY, refusal.get(), null, timings);
    }
    String prefix = OutputKeys.prefixFor(ref.key());
    // The input's GET and the marker's go together: a repeated event is rare, a round trip is not.
    CompletableFuture<Optional<Storage.StoredObject>> input =
        CompletableFuture.supplyAsync(() -> read(ref, defaults.limits().maxBytes()), requests);
    boolean committed;
    try {
      committed = outputs.isCommitted(prefix, ref.eTag());
    } catch (RuntimeException | Error e) {
      Outputs.settle(input);
      throw e;
    }
    if (committed) {
      Outputs.settle(input);
      return new Outcome(
          ref, "skipped", prefix, null, "already done for this version", null, timings);
    }
    PaletteOptions options = null;
    Outputs.Draft draft = null;
    try {
      Optional<Storage.StoredObject> object = Outputs.join(input);
      timings.put("get", clock.lap());
      if (object.isEmpty()) {
        return new Outcome(ref, "skipped", prefix, null, "the object is gone", null, timings);
      }
      options = Option.perJobFromText(object.get().metadata(), defaults);
      byte[] bytes = object.get().bytes();
      // The file's name, as the command line writes it, so both write the same document; where
      // the object is needs no saying: its results are under its own key.
      Map<String, String> source =
          Map.of("file", ref.key().substring(ref.key().lastIndexOf('/') + 1));
      // The old result goes while the engine runs, and each output goes up as soon as it is made.
      Outputs.Draft result = draft = outputs.begin(prefix);
      PaletteRun run =
          budget.run(
              ref.key(), bytes.length, options, o -> Palettes.run(bytes, o, source, result::write));
      timings.put("engine", clock.lap());
      addStages(timings, run.timings());
      budget.checkTimeToWrite(ref.key());
      result.commit(Outputs.paletteJson(run), ref.eTag());
      timings.put("put", clock.lap());
      return new Outcome(
          ref,
          "done",
          prefix,
          null,
          null,
          options,
          total(timings, clock),
          facts(object.get(), run));
    } catch (PaletteException e) {
      settle(draft);
      return failed(ref, prefix, e.code().id(), e.getMessage(), options, timings, clock);
    } catch (Budget.Exceeded e) {
      settle(draft);
      return failed(ref, prefix, Budget.Exceeded.CODE, e.getMessage(), options, timings, clock);
    } catch (RuntimeException | Error e) {
      settle(draft); // Lambda retries the event: nothing of this try may land in the next one
      throw e;
    }
  }

  private static void settle(Outputs.Draft draft) {
    if (draft != null) {
      draft.settle();
    }
  }

  private static JobFacts facts(Storage.StoredObject object, PaletteRun run) {
    var document = run.document();
    return new JobFacts(
        object.bytes().length,
        document.width(),
        document.height(),
        document.iterations(),
        document.mse());
  }

  private Outcome failed(
      ObjectRef ref,
      String prefix,
      String code,
      String message,
      PaletteOptions o,
      Map<String, Double> timings,
      Stopwatch clock) {
    outputs.writeError(prefix, code, message, ref.key());
    timings.put("put", clock.lap());
    return new Outcome(ref, "failed", prefix, code, message, o, total(timings, clock));
  }

  /**
   * Refuses an object over the byte limit before downloading it: by the size S3 put in the event,
   * else by the response's length, else after reading one byte more than the limit.
   */
  private Optional<Storage.StoredObject> read(ObjectRef ref, long maxBytes) {
    if (ref.size() > maxBytes) {
      throw tooLarge(ref, ref.size(), maxBytes);
    }
    try {
      return storage.read(ref.bucket(), ref.key(), maxBytes);
    } catch (Storage.ObjectTooLargeException e) {
      throw tooLarge(ref, -1, maxBytes);
    }
  }

  /** The refusal; {@code size} is -1 when only "more than the limit" is known. */
  private static PaletteException tooLarge(ObjectRef ref, long size, long maxBytes) {
    String limit = String.format(Locale.ROOT, "the %.1f MB limit", maxBytes / 1048576.0);
    String message =
        size < 0
            ? ref.key() + " is larger than " + limit
            : String.format(
                Locale.ROOT, "%s is %.1f MB, more than %s", ref.key(), size / 1048576.0, limit);
    return new PaletteException(ErrorCode.FILE_TOO_LARGE, message);
  }

  private static Map<String, Double> total(Map<String, Double> timings, Stopwatch clock) {
    timings.put("total", clock.totalMs());
    return timings;
  }

  private static void addStages(Map<String, Double> timings, Timings stages) {
    timings.put("decode", stages.decodeMs());
    timings.put("cluster", stages.clusterMs());
    timings.put("render", stages.renderMs());
    timings.put("encode", stages.encodeMs());
  }
}
