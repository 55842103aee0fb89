package palette.handlers.worker;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import palette.core.Artifact;
import palette.core.PaletteRun;
import palette.handlers.Json;
import palette.handlers.OutputKeys;

/**
 * Writes one job's results so that a reader never sees a mix of two runs: the old commit marker and
 * any old {@code error.json} go first, then every output, then {@code palette.json}. A failed job
 * removes whatever an earlier run left under the prefix and writes {@code error.json} alone.
 *
 * <p>The commit marker records the ETag of the input it was computed from ({@link #SOURCE_ETAG}),
 * so a repeated event for the same input version finds its results committed and leaves them alone
 * ({@link #isCommitted}): S3 delivers events at least once, and a rerun would briefly take the
 * marker away from readers.
 */
final class Outputs {
  /** Markers are polled, so caches must revalidate; outputs may be cached briefly. */
  static final String MARKER_CACHE = "no-cache";

  static final String OUTPUT_CACHE = "max-age=300";

  /** The commit marker's user metadata naming the input's ETag. */
  static final String SOURCE_ETAG = "source-etag";

  /** More than any palette document; the marker is read whole to see its metadata. */
  private static final long MARKER_BYTES = 16L << 20;

  private final Storage storage;
  private final String bucket;
  private final Executor executor;

  Outputs(Storage storage, String bucket, Executor executor) {
    this.storage = storage;
    this.bucket = bucket;
    this.executor = executor;
  }

  /** Writes every artifact of the run, {@code palette.json} last: the same bytes the CLI writes. */
  void writeResult(String prefix, PaletteRun run, String sourceETag) {
    writeResult(prefix, run.artifacts(), paletteJson(run), sourceETag);
  }

  /** The run's {@code palette.json}, the commit marker's content. */
  static String paletteJson(PaletteRun run) {
    byte[] marker = run.findArtifact(OutputKeys.COMMIT_MARKER).orElseThrow().bytes();
    return new String(marker, StandardCharsets.UTF_8);
  }

  /**
   * Whether the results under {@code prefix} are committed and were computed from the input whose
   * ETag is {@code sourceETag}; never for an unknown ETag.
   */
  boolean isCommitted(String prefix, String sourceETag) {
    if (sourceETag.isEmpty()) {
      return false;
    }
    return storage
        .read(bucket, prefix + OutputKeys.COMMIT_MARKER, MARKER_BYTES)
        .map(marker -> sourceETag.equals(marker.metadata().get(SOURCE_ETAG)))
        .orElse(false);
  }

  /**
   * Writes {@code artifacts}, then {@code paletteJson} as {@code palette.json}, the marker, which
   * records the input's ETag so a repeated event for the same input is recognised.
   */
  void writeResult(String prefix, List<Artifact> artifacts, String paletteJson, String sourceETag) {
    Draft draft = begin(prefix);
    try {
      artifacts.forEach(draft::write);
      draft.commit(paletteJson, sourceETag);
    } finally {
      draft.settle();
    }
  }

  /**
   * Starts writing a result under {@code prefix} while it is still being made: the old marker and
   * any old {@code error.json} are deleted at once, and each output handed to the draft is put as
   * soon as they are gone.
   */
  Draft begin(String prefix) {
    return new Draft(
        prefix,
        all(
            () -> storage.delete(bucket, prefix + OutputKeys.ERROR),
            () -> storage.delete(bucket, prefix + OutputKeys.COMMIT_MARKER)));
  }

  /**
   * A result being written: outputs go up while the engine encodes the rest, and only {@link
   * #commit} writes the marker, after every output is stored. A job that fails instead calls {@link
   * #settle} before it clears the prefix, so no put of the abandoned result lands after the
   * clearing, or in a later invocation.
   */
  final class Draft {
    private final String prefix;
    private final CompletableFuture<Void> cleared;
    private final Queue<CompletableFuture<Void>> writes = new ConcurrentLinkedQueue<>();

    private Draft(String prefix, CompletableFuture<Void> cleared) {
      this.prefix = prefix;
      this.cleared = cleared;
    }

    /** Puts {@code artifact} once the old marker is gone; the marker itself waits for commit. */
    void write(Artifact artifact) {
      if (artifact.name().equals(OutputKeys.COMMIT_MARKER)) {
        return;
      }
      writes.add(
          cleared.thenRunAsync(
              () ->
                  storage.write(
                      bucket,
                      prefix + artifact.name(),
                      artifact.bytes(),
                      contentType(artifact.contentType()),
                      OUTPUT_CACHE,
                      Map.of()),
              executor));
    }

    /** Waits for every output, rethrowing the first failure, then writes the marker. */
    void commit(String paletteJson, String sourceETag) {
      join(cleared);
      writes.forEach(Outputs::join);
      storage.write(
          bucket,
          prefix + OutputKeys.COMMIT_MARKER,
          paletteJson.getBytes(StandardCharsets.UTF_8),
          contentType("application/json"),
          MARKER_CACHE,
          sourceETag.isEmpty() ? Map.of() : Map.of(SOURCE_ETAG, sourceETag));
    }

    /** Waits until no request of this draft is running, whether it succeeded or not. */
    void settle() {
      Outputs.settle(CompletableFuture.allOf(writes.toArray(CompletableFuture<?>[]::new)));
      Outputs.settle(cleared);
    }
  }

  /** Starts the requests together; the result completes when all did, failed if one failed. */
  private CompletableFuture<Void> all(Runnable... requests) {
    CompletableFuture<?>[] running = new CompletableFuture<?>[requests.length];
    for (int i = 0; i < requests.length; i++) {
      running[i] = CompletableFuture.runAsync(requests[i], executor);
    }
    return CompletableFuture.allOf(running);
  }

  /** Waits for a request whose result is no longer wanted, so none outlives the invocation. */
  static void settle(CompletableFuture<?> request) {
    request.exceptionally(failure -> null).join();
  }

  /** Waits for a request and gives its result; rethrows its failure as it was thrown. */
  static <T> T join(CompletableFuture<T> request) {
    try {
      return request.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Removes earlier outputs under the prefix and writes {@code error.json}. */
  void writeError(String prefix, String code, String message, String inputKey) {
    storage.delete(bucket, prefix + OutputKeys.COMMIT_MARKER);
    for (String key : storage.list(bucket, prefix)) {
      // Folder markers ("…/") are not outputs; some stores list them.
      if (!key.equals(prefix + OutputKeys.ERROR) && !key.endsWith("/")) {
        storage.delete(bucket, key);
      }
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", code);
    error.put("message", message);
    error.put("key", inputKey);
    storage.write(
        bucket,
        prefix + OutputKeys.ERROR,
        (Json.write(error) + "\n").getBytes(StandardCharsets.UTF_8),
        contentType("application/json"),
        MARKER_CACHE,
        Map.of());
  }

  /** Text types are UTF-8; saying so keeps browsers from guessing. */
  static String contentType(String type) {
    boolean text = type.startsWith("text/") || type.equals("application/json");
    return text && !type.contains("charset") ? type + "; charset=utf-8" : type;
  }
}
