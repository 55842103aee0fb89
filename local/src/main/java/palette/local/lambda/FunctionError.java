package palette.local.lambda;

/**
 * An invocation that ended in error, as Lambda reports it: the {@code errorType} (the exception's
 * class name for a Java function, or {@code Sandbox.Timedout} and the like) and its message.
 */
public final class FunctionError extends RuntimeException {
  private final String errorType;

  public FunctionError(String errorType, String message) {
    super(errorType + ": " + message);
    this.errorType = errorType;
  }

  public String errorType() {
    return errorType;
  }
}
