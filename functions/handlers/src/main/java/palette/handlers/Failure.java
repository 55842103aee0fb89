package palette.handlers;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What an unexpected exception below the router means for the caller, decided in one place: a
 * storage or network fault is worth retrying (503), anything else is a bug (500), which the page
 * must not retry as if it were an outage.
 *
 * @param status the HTTP status
 * @param code the stable error code
 * @param message a sentence a person can read; never the exception's own text
 */
public record Failure(int status, String code, String message) {
  /** True when the same request may succeed later. */
  public boolean retryable() {
    return status == 503;
  }

  public static Failure of(Throwable failure) {
    if (storageFault(failure)) {
      return new Failure(
          503, "unavailable", "The service could not reach its storage; try again in a moment.");
    }
    return new Failure(500, "internal", "Something went wrong on our side; it has been logged.");
  }

  private static boolean storageFault(Throwable failure) {
    if (failure instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException();
    }
    return failure instanceof SdkClientException;
  }
}
