package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import palette.handlers.JobId;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code POST /jobs/{id}/reruns}: a new job over a photo already uploaded, with other options. The
 * upload object {@code uploads/<id>/<name>} is copied inside the input bucket to {@code
 * uploads/<new id>/<name>} with the new options as its metadata, so the worker runs it like any
 * upload (same event, same limits). Only jobs this API issued an upload for can be re-run: the job
 * id is the capability, and the source key is never taken from the request. Options left out take
 * the deployment's defaults, as in {@code POST /uploads}.
 */
final class Reruns {
  private final ApiConfig config;
  private final S3Client s3;

  Reruns(ApiConfig config, S3Client s3) {
    this.config = config;
    this.s3 = s3;
  }

  /** The response body: {@code {jobId, key, sourceJobId}}; 404 when there is no such upload. */
  Map<String, Object> create(JobId source, String body) {
    PaletteOptions options = options(body);
    List<S3Object> found =
        s3.listObjectsV2(
                b -> b.bucket(config.inputBucket()).prefix(JobLayout.prefix(source)).maxKeys(1))
            .contents();
    if (found.isEmpty()) {
      throw new ApiException(
          404,
          "job_not_found",
          "There is no uploaded photo for this job; only uploads can be re-run, until they expire.");
    }
    String from = found.get(0).key();
    String name = from.substring(JobLayout.prefix(source).length());
    JobId job = JobId.random();
    String to = JobLayout.inputKey(job, name);
    HeadObjectResponse head = s3.headObject(b -> b.bucket(config.inputBucket()).key(from));
    s3.copyObject(
        b ->
            b.sourceBucket(config.inputBucket())
                .sourceKey(from)
                .destinationBucket(config.inputBucket())
                .destinationKey(to)
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType(head.contentType())
                .metadata(Uploads.metadata(options)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jobId", job.value());
    answer.put("key", to);
    answer.put("sourceJobId", source.value());
    return answer;
  }

  private PaletteOptions options(String body) {
    Map<String, Object> json;
    try {
      json = body == null || body.isBlank() ? Map.of() : JSON.std.mapFrom(body);
    } catch (IOException | RuntimeException e) {
      throw ApiException.badRequest("invalid_json", "The request body must be a JSON object.");
    }
    try {
      return Option.perJobFromJson(json == null ? Map.of() : json, config.defaults());
    } catch (PaletteException e) {
      throw ApiException.badRequest("invalid_option", e.getMessage());
    }
  }
}
