package palette.core;

/**
 * One frame of a film as its encoded bytes, with the name it is reported under (a file name or
 * URL). The bytes are copied in and out, so a caller cannot change a still behind the engine's
 * back.
 *
 * @param name how the still is named in the film document; not blank
 * @param bytes the encoded image (JPEG, PNG, GIF, BMP or WebP); may be malformed, which the film
 *     run reports rather than throws
 */
public record Still(String name, byte[] bytes) {
  public Still {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null (still " + name + ")");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The backing array, read in place by the engine, which never writes to it. */
  byte[] content() {
    return bytes;
  }
}
