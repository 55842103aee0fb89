package palette.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.filmgrab.FilmGrabException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a failure means for whoever asked, decided in one place for the API (an HTTP status) and the
 * command line (an exit code), so the two cannot drift: a bad option is the caller's to fix, an
 * unusable input will fail the same way again, storage or network trouble may pass and is worth
 * retrying, and anything else is a bug, which must not be retried as if it were an outage.
 */
public enum Failure {
  /** An option out of range or malformed. Exit code 2 is also picocli's for a usage error. */
  BAD_OPTION(400, 2, "invalid_option", "An option is out of range or malformed."),
  /** The input cannot be used: not an image, damaged, too large, film not found. */
  UNUSABLE_INPUT(422, 1, "unusable_input", "The input cannot be used."),
  /** Storage or network trouble (S3 throttling or 5xx, no connection, I/O): worth retrying. */
  UNAVAILABLE(
      503, 3, "unavailable", "The service could not reach its storage; try again in a moment."),
  /** Anything else: a bug, logged with its stack trace; exit code 4. */
  BUG(500, 4, "internal", "Something went wrong on our side; it has been logged.");

  private final int status;
  private final int exitCode;
  private final String code;
  private final String message;

  Failure(int status, int exitCode, String code, String message) {
    this.status = status;
    this.exitCode = exitCode;
    this.code = code;
    this.message = message;
  }

  /** The class of {@code failure}, looking through {@link UncheckedIOException}. */
  public static Failure of(Throwable failure) {
    Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    if (cause instanceof PaletteException p) {
      return p.code() == ErrorCode.INVALID_OPTION ? BAD_OPTION : UNUSABLE_INPUT;
    }
    if (cause instanceof FilmGrabException f) {
      return f.isTransient() || f.reason() == FilmGrabException.Reason.BLOCKED
          ? UNAVAILABLE
          : UNUSABLE_INPUT;
    }
    if (cause instanceof IOException || storageFault(cause)) {
      return UNAVAILABLE;
    }
    return BUG;
  }

  /** The HTTP status the API answers with. */
  public int status() {
    return status;
  }

  /** The command line's exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The stable error code of an API answer. */
  public String code() {
    return code;
  }

  /** A sentence a person can read; never the exception's own text, which may hold internals. */
  public String message() {
    return message;
  }

  /** True when the same request may succeed later. */
  public boolean retryable() {
    return this == UNAVAILABLE;
  }

  /**
   * What a person is told when film-grab.com could not give what a job or a search needed: the same
   * status, code and sentence from the API, the worker's {@code error.json} and the command line.
   *
   * @param status the API's HTTP status
   * @param code the stable error code
   * @param message a sentence a person can act on
   */
  public record FilmGrabAnswer(int status, String code, String message) {}

  /** The answer for a failure of the film-grab client. */
  public static FilmGrabAnswer filmGrab(FilmGrabException e) {
    if (e.isTransient()) {
      return new FilmGrabAnswer(
          503,
          "filmgrab_unreachable",
          "film-grab.com cannot be reached right now; try again in a minute.");
    }
    return switch (e.reason()) {
      case NOT_FOUND -> new FilmGrabAnswer(404, "film_not_found", e.getMessage() + ".");
      case AMBIGUOUS -> new FilmGrabAnswer(409, "film_ambiguous", e.getMessage());
      case BLOCKED ->
          new FilmGrabAnswer(
              503,
              "filmgrab_blocked",
              "film-grab.com refused automated access (it answered with a bot check); try again"
                  + " later, or save the stills from film-grab.com in your browser and use them"
                  + " yourself.");
      case DISALLOWED -> new FilmGrabAnswer(403, "filmgrab_disallowed", e.getMessage() + ".");
      case REFUSED ->
          new FilmGrabAnswer(
              400,
              "filmgrab_refused",
              "Only film-grab.com links can be used (" + e.getMessage() + ").");
      case HTTP_STATUS ->
          e.status() == 404 || e.status() == 410
              ? new FilmGrabAnswer(
                  404, "film_not_found", "film-grab.com has no page at " + e.url() + ".")
              : unreadable(e);
      default -> unreadable(e);
    };
  }

  /** The site answered, but not with what this client reads: the client's own sentence says how. */
  private static FilmGrabAnswer unreadable(FilmGrabException e) {
    return new FilmGrabAnswer(502, "filmgrab_unreadable", e.getMessage());
  }

  private static boolean storageFault(Throwable failure) {
    if (failure instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException();
    }
    return failure instanceof SdkClientException;
  }
}
