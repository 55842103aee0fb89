package palette.handlers;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job's id: 128 bits written as 26 lower-case base32 characters. Random ids are unguessable, so
 * knowing an id is what lets a person see a job's results; safe in S3 keys and URLs without
 * escaping. The API makes them, the input keys carry them ({@code uploads/<id>/…}, {@code
 * filmgrab/<id>.json}) and the worker's log line reports them.
 */
public record JobId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[a-z2-7]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public JobId {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "a job id is 26 letters a-z and digits 2-7, was '" + value + "'");
    }
  }

  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** The id {@code text} spells, if it is one. */
  public static Optional<JobId> find(String text) {
    return isValid(text) ? Optional.of(new JobId(text)) : Optional.empty();
  }

  /** The job an input key belongs to: {@code uploads/<id>/name} or {@code filmgrab/<id>.json}. */
  public static Optional<JobId> ofKey(String key) {
    if (key.startsWith("uploads/") && key.indexOf('/', 8) > 8) {
      return find(key.substring(8, key.indexOf('/', 8)));
    }
    if (FilmGrabRequest.isRequestKey(key)) {
      return find(key.substring(FilmGrabRequest.PREFIX.length(), key.length() - ".json".length()));
    }
    return Optional.empty();
  }

  public static JobId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new JobId(Base32.encode(bytes));
  }

  /** The id made of the first 128 bits of a digest: the same content gives the same job. */
  public static JobId fromDigest(byte[] digest) {
    return new JobId(Base32.encode(Arrays.copyOf(digest, 16)));
  }

  @Override
  public String toString() {
    return value;
  }
}
