package palette.handlers.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import palette.core.options.PaletteOptions;
import palette.handlers.FilmGrabRequest;
import palette.handlers.JobId;

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
    Map<String, Double> timingsMs,
    JobFacts facts) {

  public Outcome {
    timingsMs = Map.copyOf(timingsMs);
    facts = facts == null ? JobFacts.NONE : facts;
  }

  /** An outcome whose input was never measured (refused, gone, or failed before decoding). */
  public Outcome(
      ObjectRef object,
      String status,
      String prefix,
      String errorCode,
      String message,
      PaletteOptions options,
      Map<String, Double> timingsMs) {
    this(object, status, prefix, errorCode, message, options, timingsMs, JobFacts.NONE);
  }

  public boolean done() {
    return status.equals("done");
  }

  /**
   * The one structured log line of this job: no image bytes, no credentials. It is also a
   * CloudWatch Embedded Metric Format record ({@link JobMetrics}), so the same line that a person
   * reads in the logs becomes the job's metrics.
   */
  Map<String, Object> logFields(String requestId, String functionName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("level", status.equals("done") || status.equals("skipped") ? "INFO" : "WARN");
    fields.put("requestId", requestId);
    fields.put("jobId", jobId());
    fields.put("source", source());
    fields.put("bucket", object.bucket());
    fields.put("key", object.key());
    fields.put("outcome", status);
    fields.put("outputPrefix", prefix);
    if (errorCode != null) {
      fields.put("error", errorCode);
      fields.put("message", message);
    }
    if (facts.bytes() >= 0 || object.size() >= 0) {
      fields.put("bytes", facts.bytes() >= 0 ? facts.bytes() : object.size());
    }
    if (facts.known()) {
      fields.put("width", facts.width());
      fields.put("height", facts.height());
      fields.put("iterations", facts.iterations());
      fields.put("mse", facts.mse());
    }
    if (options != null) {
      fields.put("options", optionFields(options));
    }
    fields.put("timingsMs", new java.util.TreeMap<>(timingsMs));
    JobMetrics.addTo(fields, this, functionName);
    return fields;
  }

  /** Where the job came from: the page's upload, a film-grab request, or a file put by hand. */
  String source() {
    if (object.key().startsWith("uploads/")) {
      return "upload";
    }
    return FilmGrabRequest.isRequestKey(object.key()) ? "filmgrab" : "bucket";
  }

  /** The API's job id for uploads and film-grab requests; the key itself for a dropped file. */
  String jobId() {
    return JobId.ofKey(object.key()).map(JobId::value).orElse(object.key());
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
