package palette.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent pieces of work on the available cores. Results come back in task order, and
 * callers only combine them with exact (integer) arithmetic or pick among them by a total order, so
 * the outcome never depends on how many cores there are or which task finishes first.
 */
public final class Parallel {
  /** Below this many pixels a second thread costs more than it saves. */
  static final int MIN_CHUNK = 1 << 17;

  private static final int MAX_PARTS = 8;

  /**
   * Threads for the lanes after the first, kept between calls. Not the common fork-join pool: with
   * two cores its parallelism is 1, and {@link CompletableFuture} then starts a new thread for
   * every task given to it, which cost more than many a pass over the points.
   */
  private static final ExecutorService LANES =
      Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "palette-lane");
            thread.setDaemon(true);
            return thread;
          });

  private Parallel() {}

  /** Work on the half-open index range {@code [from, to)}. */
  interface RangeTask<T> {
    T run(int from, int to);
  }

  /** Splits {@code [0, length)} into contiguous ranges, one per core, in order. */
  static <T> List<T> ranges(int length, RangeTask<T> task) {
    return ranges(length, MIN_CHUNK, task);
  }

  /** As {@link #ranges(int, RangeTask)}, with ranges of at least {@code minChunk} items. */
  static <T> List<T> ranges(int length, int minChunk, RangeTask<T> task) {
    int parts = Math.max(1, Math.min(cores(), Math.min(MAX_PARTS, length / minChunk)));
    return tasks(
        parts,
        part ->
            task.run(
                (int) ((long) length * part / parts), (int) ((long) length * (part + 1) / parts)));
  }

  /**
   * Runs tasks {@code 0..count-1} on one lane per core (lane 0 is the calling thread); results in
   * task order. Each lane takes the next task not yet taken, so a lane that starts late or meets a
   * long task leaves the rest to the others. Called from inside a task, it runs everything on the
   * calling thread: the cores are already busy with the outer tasks.
   */
  public static <T> List<T> tasks(int count, IntFunction<T> task) {
    int lanes = Math.max(1, Math.min(cores(), count));
    Object[] results = new Object[count];
    AtomicInteger next = new AtomicInteger();
    List<CompletableFuture<Void>> others = new ArrayList<>();
    for (int lane = 1; lane < lanes; lane++) {
      others.add(CompletableFuture.runAsync(() -> runLane(next, count, task, results), LANES));
    }
    runLane(next, count, task, results);
    others.forEach(Parallel::join);
    List<T> ordered = new ArrayList<>(count);
    for (Object result : results) {
      @SuppressWarnings("unchecked")
      T typed = (T) result;
      ordered.add(typed);
    }
    return ordered;
  }

  private static <T> void runLane(
      AtomicInteger next, int count, IntFunction<T> task, Object[] results) {
    boolean outer = !IN_LANE.get();
    IN_LANE.set(true);
    try {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        results[i] = task.apply(i);
      }
    } finally {
      if (outer) {
        IN_LANE.set(false);
      }
    }
  }

  /** Whether this thread is running a task of {@link #tasks}. */
  private static final ThreadLocal<Boolean> IN_LANE = ThreadLocal.withInitial(() -> false);

  /**
   * When positive, the number of cores to act as if the machine had; tests set it to show that the
   * result does not depend on the number of cores.
   */
  static volatile int assumedCores;

  /** The cores the work is spread over: inside a task one, the others being busy with the rest. */
  static int cores() {
    if (IN_LANE.get()) {
      return 1;
    }
    int assumed = assumedCores;
    return assumed > 0 ? assumed : Runtime.getRuntime().availableProcessors();
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
