package palette.handlers.api;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A job's id: 128 random bits written as 26 lower-case base32 characters. Unguessable, so knowing
 * an id is what lets a person see a job's results; safe in S3 keys and URLs without escaping.
 */
record JobId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[a-z2-7]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  JobId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw ApiException.badRequest(
          "invalid_job_id", "A job id is 26 letters a-z and digits 2-7; this one is not.");
    }
  }

  static JobId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new JobId(base32(bytes));
  }

  /** Base32 without padding: 128 bits give 26 characters (the last one carries 3 bits). */
  static String base32(byte[] bytes) {
    return palette.handlers.Base32.encode(bytes);
  }

  @Override
  public String toString() {
    return value;
  }
}
