package palette.handlers.api;

/**
 * A request the API refuses, with the HTTP status, a stable error code and a sentence a person can
 * read. Thrown anywhere below the router and turned into {@code {"error","message"}} in one place.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }
}
