package palette.local.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palette.handlers.Json;

/**
 * A completed write S3 would announce, and the notification JSON it would send: the same shape as
 * AWS's (event version 2.1), with the key URL-encoded as S3 encodes it ({@code +} for a space).
 *
 * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:Copy} or {@code
 *     ObjectCreated:CompleteMultipartUpload}
 */
public record ObjectCreated(
    String eventName, String bucket, String key, long size, String eTag, Instant time) {

  /** The key as S3 writes it into events: form-encoded, slashes kept. */
  public static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  /** The whole event document with this one record. */
  public String toEventJson(String region) {
    return Json.write(Map.of("Records", List.of(record(region))));
  }

  private Map<String, Object> record(String region) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", encodeKey(key));
    object.put("size", size);
    object.put("eTag", eTag.replace("\"", ""));
    object.put("sequencer", String.format(java.util.Locale.ROOT, "%016X", time.toEpochMilli()));
    Map<String, Object> s3 = new LinkedHashMap<>();
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "PaletteFunctionInputUpload");
    s3.put(
        "bucket",
        Map.of(
            "name",
            bucket,
            "ownerIdentity",
            Map.of("principalId", "local"),
            "arn",
            "arn:aws:s3:::" + bucket));
    s3.put("object", object);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", time.toString());
    record.put("eventName", eventName);
    record.put("userIdentity", Map.of("principalId", "local"));
    record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
    record.put("responseElements", Map.of("x-amz-request-id", "local", "x-amz-id-2", "local"));
    record.put("s3", s3);
    return record;
  }
}
