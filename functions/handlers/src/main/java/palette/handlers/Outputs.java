package palette.handlers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import palette.core.Artifact;
import palette.core.PaletteRun;

/**
 * Writes one job's results so that a reader never sees a mix of two runs: the old commit marker and
 * any old {@code error.json} go first, then every output, then {@code palette.json}. A failed job
 * removes whatever an earlier run left under the prefix and writes {@code error.json} alone.
 */
final class Outputs {
  /** Markers are polled, so caches must revalidate; outputs may be cached briefly. */
  static final String MARKER_CACHE = "no-cache";

  static final String OUTPUT_CACHE = "max-age=300";

  private final Storage storage;
  private final String bucket;

  Outputs(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  /**
   * Writes every artifact, {@code palette.json} last, replacing its bytes with {@code paletteJson}.
   */
  void writeResult(String prefix, PaletteRun run, String paletteJson) {
    storage.delete(bucket, prefix + OutputKeys.ERROR);
    storage.delete(bucket, prefix + OutputKeys.COMMIT_MARKER);
    for (Artifact artifact : run.artifacts()) {
      if (!artifact.name().equals(OutputKeys.COMMIT_MARKER)) {
        storage.write(
            bucket,
            prefix + artifact.name(),
            artifact.bytes(),
            contentType(artifact.contentType()),
            OUTPUT_CACHE);
      }
    }
    storage.write(
        bucket,
        prefix + OutputKeys.COMMIT_MARKER,
        paletteJson.getBytes(StandardCharsets.UTF_8),
        contentType("application/json"),
        MARKER_CACHE);
  }

  /** Removes earlier outputs under the prefix and writes {@code error.json}. */
  void writeError(String prefix, String code, String message, String inputKey) {
    storage.delete(bucket, prefix + OutputKeys.COMMIT_MARKER);
    for (String key : storage.list(bucket, prefix)) {
      if (!key.equals(prefix + OutputKeys.ERROR)) {
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
        MARKER_CACHE);
  }

  /** Text types are UTF-8; saying so keeps browsers from guessing. */
  static String contentType(String type) {
    boolean text = type.startsWith("text/") || type.equals("application/json");
    return text && !type.contains("charset") ? type + "; charset=utf-8" : type;
  }
}
