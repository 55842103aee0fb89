package palette.handlers.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import palette.handlers.JobId;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Makes the presigned upload for {@code POST /uploads}: a SigV4 presigned PUT whose signature
 * covers the exact key, the content type, the content length, the option metadata and {@code
 * If-None-Match: *}, so S3 itself refuses any other key, type, size or option, anything after the
 * expiry, and a second PUT to the same key (412): a job's input, and so its results, never change
 * once uploaded. (A presigned POST policy would also do it on AWS, but the local S3 checks only a
 * POST policy's signature, not its conditions; a signed PUT is enforced identically by both.)
 */
final class Uploads {
  /** Headers the browser sets itself and must not (or cannot) send from script. */
  private static final java.util.Set<String> BROWSER_HEADERS =
      java.util.Set.of("host", "content-length");

  private final ApiConfig config;
  private final S3Presigner presigner;

  Uploads(ApiConfig config, S3Presigner presigner) {
    this.config = config;
    this.presigner = presigner;
  }

  /** The response body of {@code POST /uploads}. */
  Map<String, Object> create(UploadRequest request) {
    JobId job = JobId.random();
    String key = JobLayout.inputKey(job, FileNames.sanitise(request.filename()));
    PutObjectRequest put =
        PutObjectRequest.builder()
            .bucket(config.inputBucket())
            .key(key)
            .contentType(request.contentType())
            .contentLength(request.size())
            .ifNoneMatch("*")
            .metadata(metadata(request.options()))
            .build();
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            PutObjectPresignRequest.builder()
                .signatureDuration(config.uploadTtl())
                .putObjectRequest(put)
                .build());
    Map<String, Object> upload = new LinkedHashMap<>();
    upload.put("method", "PUT");
    upload.put("url", presigned.url().toString());
    upload.put("headers", headersToSend(presigned));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", job.value());
    body.put("key", key);
    body.put("upload", upload);
    body.put("expiresAt", presigned.expiration().toString());
    return body;
  }

  /** The per-job options as the object metadata the worker reads ({@code x-amz-meta-k}, …). */
  static Map<String, String> metadata(PaletteOptions options) {
    Map<String, String> meta = new LinkedHashMap<>();
    for (Option option : Option.values()) {
      if (option.perJob()) {
        meta.put(option.dashed(), String.valueOf(option.valueIn(options)));
      }
    }
    return meta;
  }

  private static Map<String, String> headersToSend(PresignedPutObjectRequest presigned) {
    Map<String, String> headers = new TreeMap<>();
    presigned
        .signedHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(java.util.Locale.ROOT);
              if (!BROWSER_HEADERS.contains(lower)) {
                headers.put(lower, String.join(",", values));
              }
            });
    return headers;
  }
}
