package palette.handlers.worker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few object-store operations the worker needs, so the handler logic does not depend on the SDK
 * and tests can put a fault-injecting decorator in front of a real S3. Any exception other than the
 * documented ones is an infrastructure failure the caller should retry.
 */
public interface Storage {

  /**
   * An object's bytes and user metadata, reading at most {@code maxBytes} of it; empty when it does
   * not exist.
   *
   * @throws ObjectTooLargeException when the object has more bytes than {@code maxBytes}
   */
  Optional<StoredObject> read(String bucket, String key, long maxBytes);

  /** Stores an object, replacing any object with the same key. */
  default void write(
      String bucket, String key, byte[] bytes, String contentType, String cacheControl) {
    write(bucket, key, bytes, contentType, cacheControl, Map.of());
  }

  /**
   * Stores an object with user metadata ({@code x-amz-meta-…}, read back by {@link #read}),
   * replacing any object with the same key.
   */
  void write(
      String bucket,
      String key,
      byte[] bytes,
      String contentType,
      String cacheControl,
      Map<String, String> metadata);

  /** Deletes an object; deleting a missing object is not an error. */
  void delete(String bucket, String key);

  /** Keys directly under {@code prefix} (not in deeper "folders"). */
  List<String> list(String bucket, String prefix);

  /**
   * An object as read.
   *
   * @param bytes its content
   * @param metadata user metadata, keys lower case without {@code x-amz-meta-}
   */
  record StoredObject(byte[] bytes, Map<String, String> metadata) {
    public StoredObject {
      metadata = Map.copyOf(metadata);
    }
  }

  /** The object is larger than the caller will read. */
  final class ObjectTooLargeException extends RuntimeException {
    public ObjectTooLargeException(String bucket, String key, long maxBytes) {
      super("s3://" + bucket + "/" + key + " has more than " + maxBytes + " bytes");
    }
  }
}
