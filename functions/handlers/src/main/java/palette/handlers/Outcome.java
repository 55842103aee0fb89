package palette.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import palette.core.PaletteOptions;

/**
 * What became of one object: {@code done} (outputs written), {@code failed} (permanent failure,
 * {@code error.json} written) or {@code skipped} (nothing to do), with what the log line reports.
 */
public record Outcome(
    ObjectRef object,
    String status,
    String prefix,
    String errorCode,
    String message,
    PaletteOptions options,
    Map<String, Double> timingsMs) {

  public Outcome {
    timingsMs = Map.copyOf(timingsMs);
  }

  public boolean done() {
    return status.equals("done");
  }

  /** The structured log line for this outcome: no image bytes, no credentials. */
  Map<String, Object> logFields(String requestId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("level", status.equals("done") || status.equals("skipped") ? "INFO" : "WARN");
    fields.put("requestId", requestId);
    fields.put("bucket", object.bucket());
    fields.put("key", object.key());
    fields.put("outcome", status);
    fields.put("outputPrefix", prefix);
    if (errorCode != null) {
      fields.put("error", errorCode);
      fields.put("message", message);
    }
    if (options != null) {
      fields.put("options", optionFields(options));
    }
    fields.put("timingsMs", new java.util.TreeMap<>(timingsMs));
    return fields;
  }

  private static Map<String, Object> optionFields(PaletteOptions options) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("k", options.k());
    fields.put("limit", options.limit());
    fields.put("space", options.space().id());
    fields.put("sort", options.sort().id());
    fields.put("seed", options.seed());
    fields.put("equalStripes", options.equalStripes());
    fields.put("plotPoints", options.plotPoints());
    return fields;
  }
}
