package palette.handlers.worker;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One message of the SQS event the film-grab lane receives: Lambda's event source mapping sends
 * {@code {"Records":[{"messageId":…,"body":…,…}]}}, and each body is the EventBridge event the rule
 * forwarded, S3's {@code Object Created} with the bucket and key under {@code detail}. Only the
 * fields the lane uses are read.
 *
 * @param messageId what a batch item failure names
 * @param object the created object, or null when the body is no {@code Object Created} event
 */
record LaneMessage(String messageId, ObjectRef object) {
  static final String OBJECT_CREATED = "Object Created";

  /**
   * The messages of an SQS event, in order.
   *
   * @throws IllegalArgumentException when the payload is not an SQS event
   */
  static List<LaneMessage> read(byte[] sqsEvent) {
    Map<String, Object> event = map(sqsEvent);
    if (!(event.get("Records") instanceof List<?> records)) {
      throw new IllegalArgumentException("the payload must be an SQS event with Records");
    }
    List<LaneMessage> messages = new ArrayList<>();
    for (Object record : records) {
      Map<?, ?> fields = record instanceof Map<?, ?> m ? m : Map.of();
      String id = String.valueOf(fields.get("messageId"));
      Object body = fields.get("body");
      messages.add(new LaneMessage(id, body instanceof String text ? created(text) : null));
    }
    return messages;
  }

  /**
   * The object an EventBridge {@code Object Created} event names. Its key is used as written: AWS
   * documents S3 notification keys as URL-encoded but says no such thing of EventBridge's, and the
   * keys the API writes ({@code filmgrab/<base32>.json}) read the same either way.
   */
  private static ObjectRef created(String body) {
    Map<String, Object> event;
    try {
      event = map(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return null;
    }
    Map<?, ?> detail = child(event, "detail");
    Map<?, ?> object = child(detail, "object");
    Object bucket = child(detail, "bucket").get("name");
    if (!OBJECT_CREATED.equals(event.get("detail-type"))
        || !(bucket instanceof String name)
        || !(object.get("key") instanceof String key)
        || name.isEmpty()
        || key.isEmpty()) {
      return null;
    }
    long size = object.get("size") instanceof Number n ? n.longValue() : -1;
    return new ObjectRef(name, key, size);
  }

  private static Map<String, Object> map(byte[] json) {
    try {
      Map<String, Object> map = JSON.std.mapFrom(json);
      if (map == null) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return map;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> child(Map<?, ?> parent, String name) {
    return parent.get(name) instanceof Map<?, ?> m ? m : Map.of();
  }
}
