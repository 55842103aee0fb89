package palette.handlers.worker;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import palette.handlers.FilmGrabRequest;
import palette.handlers.JobId;
import palette.handlers.Json;

/**
 * A payload as the worker receives it: an S3 event ({@code {"Records":[…]}}) or a film-grab request
 * invoked directly ({@code {"still":…}}). Only the fields the worker uses are read from an S3
 * record, with the same meaning as the Lambda event library gives them.
 */
final class WorkerInput {
  /** Stands in for a bucket when a request did not come from one. */
  static final String DIRECT = "direct-invocation";

  private static final int MAX_PAYLOAD = 6 * 1024 * 1024; // Lambda's own synchronous limit

  private final List<ObjectRef> objects;
  private final int records;
  private final FilmGrabRequest request;
  private final ObjectRef directRef;

  private WorkerInput(
      List<ObjectRef> objects, int records, FilmGrabRequest request, ObjectRef directRef) {
    this.objects = objects;
    this.records = records;
    this.request = request;
    this.directRef = directRef;
  }

  /**
   * @throws FilmGrabRequest.Invalid when the payload is neither an S3 event nor a valid request
   */
  static WorkerInput read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
    if (bytes.length > MAX_PAYLOAD) {
      throw new FilmGrabRequest.Invalid("the payload is larger than 6 MB");
    }
    Map<String, Object> map;
    try {
      map = JSON.std.mapFrom(bytes);
    } catch (IOException | RuntimeException e) {
      map = null;
    }
    if (map == null) {
      throw new FilmGrabRequest.Invalid("the payload must be an S3 event or a film-grab request");
    }
    if (map.get("Records") instanceof List<?> list) {
      return new WorkerInput(objects(list), list.size(), null, null);
    }
    FilmGrabRequest request = FilmGrabRequest.fromMap(map);
    String key = FilmGrabRequest.PREFIX + jobId(map.get("jobId"), request) + ".json";
    return new WorkerInput(List.of(), 0, request, new ObjectRef(DIRECT, key, -1));
  }

  boolean isDirect() {
    return request != null;
  }

  List<ObjectRef> objects() {
    return objects;
  }

  int records() {
    return records;
  }

  FilmGrabRequest request() {
    return request;
  }

  /** Where a direct request's outputs go: as if it had been put under this key. */
  ObjectRef directRef() {
    return directRef;
  }

  /** The caller's job id when it gives a valid one, else one derived from the request itself. */
  private static String jobId(Object given, FilmGrabRequest request) {
    if (given instanceof String id && JobId.isValid(id)) {
      return id;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.write(request.toMap()).getBytes(StandardCharsets.UTF_8));
      return JobId.fromDigest(digest).value();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static List<ObjectRef> objects(List<?> records) {
    List<ObjectRef> refs = new ArrayList<>();
    for (Object record : records) {
      Map<?, ?> fields = record instanceof Map<?, ?> m ? m : Map.of();
      String name = String.valueOf(fields.get("eventName")).toLowerCase(Locale.ROOT);
      Map<?, ?> s3 = child(fields, "s3");
      Map<?, ?> object = child(s3, "object");
      if (!name.startsWith("objectcreated:") || object.get("key") == null) {
        continue;
      }
      String key = URLDecoder.decode(String.valueOf(object.get("key")), StandardCharsets.UTF_8);
      long size = object.get("size") instanceof Number n ? n.longValue() : -1;
      Object eTag = object.get("eTag");
      refs.add(
          new ObjectRef(
              String.valueOf(child(s3, "bucket").get("name")),
              key,
              size,
              eTag == null ? "" : String.valueOf(eTag)));
    }
    return refs;
  }

  private static Map<?, ?> child(Map<?, ?> parent, String name) {
    return parent.get(name) instanceof Map<?, ?> m ? m : Map.of();
  }
}
