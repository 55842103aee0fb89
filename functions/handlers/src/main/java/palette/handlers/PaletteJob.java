package palette.handlers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import palette.core.ErrorCode;
import palette.core.ImageLimits;
import palette.core.Option;
import palette.core.PaletteException;
import palette.core.PaletteOptions;
import palette.core.PaletteRun;
import palette.core.Palettes;
import palette.core.Timings;

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

  PaletteJob(Storage storage, WorkerConfig config, java.util.concurrent.Executor requests) {
    this.storage = storage;
    this.defaults = config.defaults();
    this.outputs = new Outputs(storage, config.outputBucket(), requests);
  }

  Outcome run(ObjectRef ref) {
    return run(ref, Budget.UNLIMITED);
  }

  /**
   * As {@link #run(ObjectRef)}, refusing an image the invocation's time or memory cannot finish.
   */
  Outcome run(ObjectRef ref, Budget budget) {
    Map<String, Double> timings = new LinkedHashMap<>();
    Clock clock = new Clock(timings);
    if (ref.isFolder()) {
      return new Outcome(ref, "skipped", null, null, "a folder marker", null, timings);
    }
    Optional<String> refusal = OutputKeys.refusal(ref.key());
    if (refusal.isPresent()) {
      return new Outcome(ref, "failed", null, INVALID_KEY, refusal.get(), null, timings);
    }
    String prefix = OutputKeys.prefixFor(ref.key());
    if (outputs.isCommitted(prefix, ref.eTag())) {
      return new Outcome(
          ref, "skipped", prefix, null, "already done for this version", null, timings);
    }
    PaletteOptions options = null;
    try {
      Optional<Storage.StoredObject> object = read(ref, defaults.limits().maxBytes());
      clock.lap("get");
      if (object.isEmpty()) {
        return new Outcome(ref, "skipped", prefix, null, "the object is gone", null, timings);
      }
      options = Option.perJobFromText(object.get().metadata(), defaults);
      PaletteRun run = engine(ref, object.get().bytes(), options, budget);
      clock.lap("engine");
      addStages(timings, run.document().timings());
      budget.checkTimeToWrite(ref.key());
      outputs.writeResult(prefix, run, run.document().toStableJson(), ref.eTag());
      clock.lap("put");
      return new Outcome(
          ref, "done", prefix, null, null, options, clock.total(), facts(object.get(), run));
    } catch (PaletteException e) {
      return failed(ref, prefix, e.code().id(), e.getMessage(), options, clock);
    } catch (Budget.Exceeded e) {
      return failed(ref, prefix, Budget.Exceeded.CODE, e.getMessage(), options, clock);
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
      ObjectRef ref, String prefix, String code, String message, PaletteOptions o, Clock clock) {
    outputs.writeError(prefix, code, message, ref.key());
    clock.lap("put");
    return new Outcome(ref, "failed", prefix, code, message, o, clock.total());
  }

  /**
   * Runs the engine with the pixel limit lowered to what the budget allows, so an image too large
   * for the time or memory left is refused from its header, before a pixel is decoded.
   */
  private static PaletteRun engine(
      ObjectRef ref, byte[] bytes, PaletteOptions options, Budget budget) {
    long cap = budget.pixelCap(bytes.length);
    ImageLimits limits = options.limits();
    if (cap >= limits.maxPixels()) {
      return Palettes.run(bytes, options, Map.of("bucket", ref.bucket(), "key", ref.key()));
    }
    String budgetText =
        String.format(
            Locale.ROOT,
            "%s is too large for the function's time and memory: at most %.1f megapixels fit"
                + " now (%d MB of heap free, %d ms left)",
            ref.key(),
            cap / 1e6,
            budget.freeBytes().getAsLong() >> 20,
            budget.remainingMs().getAsLong());
    if (cap < 1) {
      throw new Budget.Exceeded(budgetText);
    }
    try {
      return Palettes.run(
          bytes,
          options.withLimits(new ImageLimits(cap, limits.maxBytes())),
          Map.of("bucket", ref.bucket(), "key", ref.key()));
    } catch (PaletteException e) {
      if (e.code() == ErrorCode.TOO_MANY_PIXELS) {
        throw new Budget.Exceeded(budgetText + "; " + e.getMessage());
      }
      throw e;
    }
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

  private static void addStages(Map<String, Double> timings, Timings stages) {
    timings.put("decode", stages.decodeMs());
    timings.put("cluster", stages.clusterMs());
    timings.put("render", stages.renderMs());
    timings.put("encode", stages.encodeMs());
  }

  /** Milliseconds per step, rounded to 0.1 ms. */
  private static final class Clock {
    private final Map<String, Double> timings;
    private final long start = System.nanoTime();
    private long last = start;

    Clock(Map<String, Double> timings) {
      this.timings = timings;
    }

    void lap(String step) {
      long now = System.nanoTime();
      timings.put(step, round(now - last));
      last = now;
    }

    Map<String, Double> total() {
      timings.put("total", round(System.nanoTime() - start));
      return timings;
    }

    private static double round(long nanos) {
      return Math.round(nanos / 1e5) / 10.0;
    }
  }
}
