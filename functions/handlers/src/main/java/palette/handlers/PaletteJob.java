package palette.handlers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import palette.core.ErrorCode;
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
  private final Storage storage;
  private final PaletteOptions defaults;
  private final Outputs outputs;

  PaletteJob(Storage storage, WorkerConfig config, java.util.concurrent.Executor requests) {
    this.storage = storage;
    this.defaults = config.defaults();
    this.outputs = new Outputs(storage, config.outputBucket(), requests);
  }

  Outcome run(ObjectRef ref) {
    Map<String, Double> timings = new LinkedHashMap<>();
    Clock clock = new Clock(timings);
    if (ref.isFolder()) {
      return new Outcome(ref, "skipped", null, null, "a folder marker", null, timings);
    }
    String prefix = OutputKeys.prefixFor(ref.key());
    PaletteOptions options = null;
    try {
      Optional<Storage.StoredObject> object = read(ref, defaults.limits().maxBytes());
      clock.lap("get");
      if (object.isEmpty()) {
        return new Outcome(ref, "skipped", prefix, null, "the object is gone", null, timings);
      }
      options = JobOptions.from(object.get().metadata(), defaults);
      PaletteRun run =
          Palettes.run(
              object.get().bytes(), options, Map.of("bucket", ref.bucket(), "key", ref.key()));
      clock.lap("engine");
      addStages(timings, run.document().timings());
      outputs.writeResult(prefix, run, run.document().toStableJson());
      clock.lap("put");
      return new Outcome(ref, "done", prefix, null, null, options, clock.total());
    } catch (PaletteException e) {
      outputs.writeError(prefix, e.code().id(), e.getMessage(), ref.key());
      clock.lap("put");
      return new Outcome(
          ref, "failed", prefix, e.code().id(), e.getMessage(), options, clock.total());
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
