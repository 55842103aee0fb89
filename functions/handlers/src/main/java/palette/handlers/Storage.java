package palette.handlers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few object-store operations the worker needs, so the handler logic does not depend on the SDK
 * and tests can put a fault-injecting decorator in front of a real S3. Any exception other than the
 * documented ones is an infrastructure failure the caller should retry.
 */
public interface Storage {

  /** Size and user metadata of an object; empty when it does not exist. */
  Optional<StoredObject> head(String bucket, String key);

  /**
   * The object's bytes, at most {@code maxBytes} of them.
   *
   * @throws ObjectTooLargeException when the object has more bytes than {@code maxBytes}
   */
  byte[] read(String bucket, String key, long maxBytes);

  /** Stores an object, replacing any object with the same key. */
  void write(String bucket, String key, byte[] bytes, String contentType, String cacheControl);

  /** Deletes an object; deleting a missing object is not an error. */
  void delete(String bucket, String key);

  /** Keys directly under {@code prefix} (not in deeper "folders"). */
  List<String> list(String bucket, String prefix);

  /**
   * What a HEAD request tells.
   *
   * @param size content length in bytes
   * @param metadata user metadata, keys lower case without {@code x-amz-meta-}
   */
  record StoredObject(long size, Map<String, String> metadata) {
    public StoredObject {
      metadata = Map.copyOf(metadata);
    }
  }

  /** The object grew past the limit between its HEAD and its GET. */
  final class ObjectTooLargeException extends RuntimeException {
    public ObjectTooLargeException(String bucket, String key, long maxBytes) {
      super("s3://" + bucket + "/" + key + " has more than " + maxBytes + " bytes");
    }
  }
}
