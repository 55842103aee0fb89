package palette.handlers.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory object store with S3's semantics for the calls the worker makes, recording
 * every call so tests can check what was read and in which order outputs were written. Safe for the
 * worker's parallel writes.
 */
class MemoryStorage implements Storage {
  record Stored(byte[] bytes, String contentType, String cacheControl, Map<String, String> meta) {}

  final Map<String, Stored> objects = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();

  synchronized void put(String bucket, String key, byte[] bytes, Map<String, String> metadata) {
    objects.put(bucket + "/" + key, new Stored(bytes, null, null, metadata));
  }

  synchronized Stored get(String bucket, String key) {
    return objects.get(bucket + "/" + key);
  }

  synchronized List<String> keys(String bucket) {
    return objects.keySet().stream()
        .filter(k -> k.startsWith(bucket + "/"))
        .map(k -> k.substring(bucket.length() + 1))
        .sorted()
        .toList();
  }

  @Override
  public Optional<StoredObject> read(String bucket, String key, long maxBytes) {
    beforeRead(key);
    synchronized (this) {
      calls.add("get " + bucket + "/" + key);
      Stored stored = get(bucket, key);
      if (stored == null) {
        return Optional.empty();
      }
      if (stored.bytes().length > maxBytes) {
        throw new ObjectTooLargeException(bucket, key, maxBytes);
      }
      return Optional.of(
          new StoredObject(
              stored.bytes().clone(), stored.meta() == null ? Map.of() : stored.meta()));
    }
  }

  @Override
  public void write(
      String bucket,
      String key,
      byte[] bytes,
      String contentType,
      String cacheControl,
      Map<String, String> metadata) {
    beforeWrite(key);
    synchronized (this) {
      calls.add("put " + bucket + "/" + key);
      objects.put(
          bucket + "/" + key,
          new Stored(bytes.clone(), contentType, cacheControl, Map.copyOf(metadata)));
    }
  }

  @Override
  public void delete(String bucket, String key) {
    beforeDelete(key);
    synchronized (this) {
      calls.add("delete " + bucket + "/" + key);
      objects.remove(bucket + "/" + key);
    }
  }

  /**
   * Called before a put is stored, outside the store's lock: a test may make it slow, block or
   * fail, as S3 can.
   */
  void beforeWrite(String key) {}

  /** Called before a get, outside the store's lock, as {@link #beforeWrite}. */
  void beforeRead(String key) {}

  /** Called before a delete, outside the store's lock, as {@link #beforeWrite}. */
  void beforeDelete(String key) {}

  @Override
  public synchronized List<String> list(String bucket, String prefix) {
    return keys(bucket).stream()
        .filter(k -> k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0)
        .toList();
  }
}
