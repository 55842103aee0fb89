package palette.handlers.worker;

/**
 * One object named by an S3 event record, with its key URL-decoded ({@code +} is a space, {@code
 * %2F} a slash) as S3 stores it.
 */
record ObjectRef(String bucket, String key, long size) {
  public ObjectRef {
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
