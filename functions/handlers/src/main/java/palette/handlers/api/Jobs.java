package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import palette.handlers.JobId;
import palette.handlers.OutputKeys;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Answers {@code GET /jobs/{id}} from the buckets alone, with no database: {@code palette.json}
 * under the job's output prefix means done (the worker writes it last), {@code error.json} means
 * failed, an upload without either means pending, and nothing at all means unknown. Film-grab jobs
 * are found the same way under their request object's key. The state is what reading the marker
 * itself gives, not what a listing said a moment earlier: a marker listed and then gone (a rerun
 * took it away) reads as pending, never as an error.
 */
final class Jobs {
  static final String COMMIT_MARKER = OutputKeys.COMMIT_MARKER;
  static final String ERROR_FILE = OutputKeys.ERROR;

  private final ApiConfig config;
  private final S3Client s3;
  private final S3Presigner presigner;

  Jobs(ApiConfig config, S3Client s3, S3Presigner presigner) {
    this.config = config;
    this.s3 = s3;
    this.presigner = presigner;
  }

  /** The response body of {@code GET /jobs/{id}}; throws a 404 for a job that does not exist. */
  Map<String, Object> status(JobId job) {
    List<S3Object> outputs = list(config.outputBucket(), JobLayout.prefix(job), 1000);
    String filmGrabKey = JobLayout.filmGrabKey(job);
    if (outputs.isEmpty()) {
      outputs = list(config.outputBucket(), OutputKeys.prefixFor(filmGrabKey), 1000);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", job.value());
    Optional<S3Object> marker = find(outputs, COMMIT_MARKER);
    Optional<Map<String, Object>> palette = marker.flatMap(m -> readIfPresent(m.key()));
    Optional<Map<String, Object>> error =
        palette.isPresent()
            ? Optional.empty()
            : find(outputs, ERROR_FILE).flatMap(e -> readIfPresent(e.key()));
    if (palette.isPresent()) {
      String prefix = folder(marker.get().key());
      body.put("status", "done");
      body.put("palette", palette.get());
      body.put("files", files(outputs, prefix));
      body.put("expiresInSeconds", config.downloadTtl().toSeconds());
      if (config.keptForDays() > 0) {
        body.put("keptForDays", config.keptForDays());
      }
    } else if (error.isPresent()) {
      Map<String, Object> reason = error.get();
      body.put("status", "failed");
      body.put("error", String.valueOf(reason.getOrDefault("error", "failed")));
      body.put(
          "message",
          String.valueOf(reason.getOrDefault("message", "The image could not be processed.")));
    } else if (!outputs.isEmpty()
        || !list(config.inputBucket(), JobLayout.prefix(job), 1).isEmpty()
        || !list(config.inputBucket(), filmGrabKey, 1).isEmpty()) {
      body.put("status", "pending");
    } else {
      throw new ApiException(404, "job_not_found", "There is no job with this id.");
    }
    return body;
  }

  private List<Map<String, Object>> files(List<S3Object> outputs, String prefix) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (S3Object object : outputs) {
      if (!object.key().startsWith(prefix) || object.key().endsWith("/")) {
        continue;
      }
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("name", object.key().substring(prefix.length()));
      file.put("size", object.size());
      file.put("url", presignGet(object.key()));
      files.add(file);
    }
    return files;
  }

  private String presignGet(String key) {
    GetObjectRequest get =
        GetObjectRequest.builder().bucket(config.outputBucket()).key(key).build();
    return presigner
        .presignGetObject(
            GetObjectPresignRequest.builder()
                .signatureDuration(config.downloadTtl())
                .getObjectRequest(get)
                .build())
        .url()
        .toString();
  }

  /** A JSON object of the output bucket; empty when it is not there (any more). */
  private Optional<Map<String, Object>> readIfPresent(String key) {
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(b -> b.bucket(config.outputBucket()).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.std.mapFrom(bytes));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Unreadable JSON in s3://" + config.outputBucket() + "/" + key, e);
    }
  }

  private List<S3Object> list(String bucket, String prefix, int max) {
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(max).build();
    return s3.listObjectsV2(request).contents();
  }

  private static Optional<S3Object> find(List<S3Object> objects, String name) {
    return objects.stream().filter(o -> o.key().endsWith("/" + name)).findFirst();
  }

  private static String folder(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }
}
