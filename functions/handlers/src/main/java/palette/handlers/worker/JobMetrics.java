package palette.handlers.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's metrics in CloudWatch's Embedded Metric Format: an {@code _aws} member on the job's log
 * line declares which of its members are metrics, so Lambda's log stream alone publishes them, with
 * no SDK call, no extra permission and no extra latency. Namespace {@value #NAMESPACE}; dimensions
 * {@code Function}, and {@code Function, Reason} for failures.
 *
 * <p>Metrics: {@code JobsSucceeded} and {@code JobsFailed} (count), {@code DecodeMs}, {@code
 * ClusterMs}, {@code RenderMs}, {@code EncodeMs}, {@code TotalMs} (milliseconds) and {@code
 * Megapixels} for finished jobs.
 */
final class JobMetrics {
  static final String NAMESPACE = "Palette";

  private static final Map<String, String> STAGES =
      Map.of(
          "decode", "DecodeMs",
          "cluster", "ClusterMs",
          "render", "RenderMs",
          "encode", "EncodeMs",
          "total", "TotalMs");

  private JobMetrics() {}

  /** Adds the metric members and their declaration to a job's log fields. */
  static void addTo(Map<String, Object> fields, Outcome outcome, String functionName) {
    List<Map<String, String>> metrics = new ArrayList<>();
    List<List<String>> dimensions = new ArrayList<>();
    dimensions.add(List.of("Function"));
    fields.put("Function", functionName);
    switch (outcome.status()) {
      case "done" -> {
        put(fields, metrics, "JobsSucceeded", 1, "Count");
        for (String stage : List.of("decode", "cluster", "render", "encode", "total")) {
          Double ms = outcome.timingsMs().get(stage);
          if (ms != null) {
            put(fields, metrics, STAGES.get(stage), ms, "Milliseconds");
          }
        }
        if (outcome.facts().known()) {
          put(fields, metrics, "Megapixels", outcome.facts().megapixels(), "None");
        }
      }
      case "failed" -> {
        fields.put("Reason", outcome.errorCode());
        dimensions.add(List.of("Function", "Reason"));
        put(fields, metrics, "JobsFailed", 1, "Count");
      }
      default -> {
        return; // skipped: nothing was asked of the engine
      }
    }
    fields.put("_aws", declaration(metrics, dimensions));
  }

  /** The metrics of an attempt that failed transiently and will be retried. */
  static void addRetryTo(Map<String, Object> fields, String functionName) {
    List<Map<String, String>> metrics = new ArrayList<>();
    fields.put("Function", functionName);
    fields.put("Reason", "retry");
    put(fields, metrics, "JobsFailed", 1, "Count");
    fields.put(
        "_aws", declaration(metrics, List.of(List.of("Function"), List.of("Function", "Reason"))));
  }

  private static void put(
      Map<String, Object> fields,
      List<Map<String, String>> metrics,
      String name,
      Number value,
      String unit) {
    fields.put(name, value);
    metrics.add(Map.of("Name", name, "Unit", unit));
  }

  private static Map<String, Object> declaration(
      List<Map<String, String>> metrics, List<List<String>> dimensions) {
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", dimensions);
    directive.put("Metrics", metrics);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", System.currentTimeMillis());
    aws.put("CloudWatchMetrics", List.of(directive));
    return aws;
  }
}
