package palette.local.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  /**
   * The same write as the film-grab lane receives it in AWS: S3's EventBridge {@code Object
   * Created} event, forwarded by the rule to the FIFO queue, as the body of one message of the SQS
   * event Lambda's event source mapping sends.
   */
  public String toQueuedEventJson(String region) {
    Map<String, Object> message = new LinkedHashMap<>();
    String body = Json.write(eventBridgeEvent(region));
    message.put("messageId", UUID.randomUUID().toString());
    message.put("receiptHandle", "local-" + UUID.randomUUID());
    message.put("body", body);
    message.put(
        "attributes",
        Map.of(
            "ApproximateReceiveCount",
            "1",
            "SentTimestamp",
            Long.toString(time.toEpochMilli()),
            "MessageGroupId",
            "filmgrab",
            "MessageDeduplicationId",
            Integer.toHexString(body.hashCode())));
    message.put("messageAttributes", Map.of());
    message.put("eventSource", "aws:sqs");
    message.put("eventSourceARN", "arn:aws:sqs:" + region + ":000000000000:palette-filmgrab.fifo");
    message.put("awsRegion", region);
    return Json.write(Map.of("Records", List.of(message)));
  }

  private Map<String, Object> eventBridgeEvent(String region) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", key);
    object.put("size", size);
    object.put("etag", eTag.replace("\"", ""));
    object.put("sequencer", String.format(java.util.Locale.ROOT, "%016X", time.toEpochMilli()));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("version", "0");
    detail.put("bucket", Map.of("name", bucket));
    detail.put("object", object);
    detail.put("request-id", "local");
    detail.put("requester", "local");
    detail.put("source-ip-address", "127.0.0.1");
    String action = eventName.substring(eventName.indexOf(':') + 1);
    detail.put(
        "reason", action.equals("Put") || action.equals("Copy") ? action + "Object" : action);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Object Created");
    event.put("source", "aws.s3");
    event.put("account", "000000000000");
    event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.put("resources", List.of("arn:aws:s3:::" + bucket));
    event.put("detail", detail);
    return event;
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
