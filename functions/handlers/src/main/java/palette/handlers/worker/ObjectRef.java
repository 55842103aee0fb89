package palette.handlers.worker;

/**
 * One object named by an S3 event record, with its key URL-decoded ({@code +} is a space, {@code
 * %2F} a slash) as S3 stores it, and the ETag of the version the event is about ("" when unknown),
 * which tells a repeated event from a new version of the object.
 */
public record ObjectRef(String bucket, String key, long size, String eTag) {
  /** An object named without an event, so of no known version. */
  public ObjectRef(String bucket, String key, long size) {
    this(bucket, key, size, "");
  }

  public ObjectRef {
    // S3 events carry it bare, S3's responses in quotes: one form to compare
    eTag = eTag == null ? "" : eTag.replace("\"", "");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be empty");
    }
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }

  /** Keys ending in a slash are the console's "folders", not files. */
  boolean isFolder() {
    return key.endsWith("/");
  }
}
