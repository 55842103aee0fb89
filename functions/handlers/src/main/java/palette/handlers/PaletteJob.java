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
 * One input object from HEAD to the last put. Permanent failures ({@link PaletteException}) end in
 * {@code error.json} and a normal return; anything else escapes so Lambda retries the event.
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
      Optional<Storage.StoredObject> head = storage.head(ref.bucket(), ref.key());
      clock.lap("head");
      if (head.isEmpty()) {
        return new Outcome(ref, "skipped", prefix, null, "the object is gone", null, timings);
      }
      options = JobOptions.from(head.get().metadata(), defaults);
      byte[] bytes = read(ref, head.get().size(), options.limits().maxBytes());
      clock.lap("get");
      PaletteRun run =
          Palettes.run(bytes, options, Map.of("bucket", ref.bucket(), "key", ref.key()));
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

  /** Refuses an object over the byte limit before downloading it (and if it grew since). */
  private byte[] read(ObjectRef ref, long size, long maxBytes) {
    if (size > maxBytes) {
      throw tooLarge(ref, size, maxBytes);
    }
    try {
      return storage.read(ref.bucket(), ref.key(), maxBytes);
    } catch (Storage.ObjectTooLargeException e) {
      throw tooLarge(ref, maxBytes + 1, maxBytes);
    }
  }

  private static PaletteException tooLarge(ObjectRef ref, long size, long maxBytes) {
    return new PaletteException(
        ErrorCode.FILE_TOO_LARGE,
        String.format(
            Locale.ROOT,
            "%s is %.1f MB, more than the %.1f MB limit",
            ref.key(),
            size / 1048576.0,
            maxBytes / 1048576.0));
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
