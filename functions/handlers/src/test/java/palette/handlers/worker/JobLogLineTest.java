package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each job logs one JSON line that a person can read and CloudWatch turns into metrics (Embedded
 * Metric Format): every metric the {@code _aws} member declares is a number on the line, every
 * dimension a string.
 */
class JobLogLineTest {
  final MemoryStorage storage = new MemoryStorage();
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final PaletteWorker worker =
      new PaletteWorker(
          PaletteWorkerTest.CONFIG,
          storage,
          new PrintStream(logBytes, true, StandardCharsets.UTF_8));

  @Test
  void aFinishedUploadLogsItsJobSizeDimensionsRunAndStageMetrics() throws Exception {
    String key = "uploads/abcdefghijklmnopqrstuvwxyz/photo.png";
    storage.put("palette-input", key, PaletteWorkerTest.PNG, Map.of("k", "3"));

    Map<String, Object> line = invoke(key);

    assertThat(line)
        .containsEntry("jobId", "abcdefghijklmnopqrstuvwxyz")
        .containsEntry("source", "upload")
        .containsEntry("outcome", "done")
        .containsEntry("bytes", PaletteWorkerTest.PNG.length)
        .containsEntry("width", 60)
        .containsEntry("height", 40)
        .containsKeys("iterations", "mse", "timingsMs", "requestId");
    assertThat(((Map<?, ?>) line.get("options")).get("k")).isEqualTo(3);
    assertEmf(line, List.of("JobsSucceeded", "DecodeMs", "ClusterMs", "TotalMs", "Megapixels"));
    assertThat(line.get("JobsSucceeded")).isEqualTo(1);
  }

  @Test
  void aRefusedFileCountsAsAFailureWithItsReason() throws Exception {
    String key = "photos/notes.jpg";
    storage.put("palette-input", key, "not an image".getBytes(StandardCharsets.UTF_8), Map.of());

    Map<String, Object> line = invoke(key);

    assertThat(line)
        .containsEntry("source", "bucket")
        .containsEntry("outcome", "failed")
        .containsEntry("Reason", line.get("error"));
    assertEmf(line, List.of("JobsFailed"));
    assertThat(line).doesNotContainKey("JobsSucceeded");
  }

  private Map<String, Object> invoke(String key) throws Exception {
    String event =
        """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
         "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
         "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"palette-input",
         "arn":"arn:aws:s3:::palette-input"},"object":{"key":"%s","size":%d}}}]}
        """
            .formatted(key, storage.get("palette-input", key).bytes().length);
    worker.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        null);
    List<String> lines = logBytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).as("one line per job").hasSize(1);
    return JSON.std.mapFrom(lines.get(0));
  }

  @SuppressWarnings("unchecked")
  private static void assertEmf(Map<String, Object> line, List<String> expected) {
    Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
    assertThat(aws.get("Timestamp")).isInstanceOf(Number.class);
    List<Map<String, Object>> directives = (List<Map<String, Object>>) aws.get("CloudWatchMetrics");
    assertThat(directives).singleElement();
    Map<String, Object> directive = directives.get(0);
    assertThat(directive).containsEntry("Namespace", "Palette");
    for (List<String> set : (List<List<String>>) directive.get("Dimensions")) {
      assertThat(set).isNotEmpty();
      set.forEach(name -> assertThat(line.get(name)).as(name).isInstanceOf(String.class));
    }
    List<String> names =
        ((List<Map<String, Object>>) directive.get("Metrics"))
            .stream().map(m -> (String) m.get("Name")).toList();
    assertThat(names).containsAll(expected);
    names.forEach(name -> assertThat(line.get(name)).as(name).isInstanceOf(Number.class));
  }
}
