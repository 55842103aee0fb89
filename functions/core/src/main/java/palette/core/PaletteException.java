package palette.core;

/**
 * A permanent failure with a code a program can branch on and a one-sentence message a person can
 * read. Anything else thrown from this package is a bug.
 */
public final class PaletteException extends RuntimeException {
  private final ErrorCode code;

  public PaletteException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public PaletteException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
