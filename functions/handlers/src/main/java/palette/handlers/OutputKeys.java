package palette.handlers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the results of an input object go in the output bucket: under the input key itself,
 * followed by a slash. {@code photos/My cat.jpg} gives {@code photos/My cat.jpg/palette.json},
 * {@code photos/My cat.jpg/swatch.png} and so on. The rule needs no lookup, keeps results of {@code
 * a.jpg} and {@code a.png} apart, and lets someone who dropped a file find its results by the name
 * they chose.
 */
public final class OutputKeys {
  /** Written last on success: whoever sees it can read every other output. */
  public static final String COMMIT_MARKER = "palette.json";

  /** Written instead of the outputs when the input can never give a palette. */
  public static final String ERROR = "error.json";

  /** S3's longest key, in UTF-8 bytes. */
  static final int MAX_KEY_BYTES = 1024;

  /** The longest output file name, which bounds the input keys that can have outputs. */
  private static final int LONGEST_OUTPUT = "scatter.json".length();

  private OutputKeys() {}

  /**
   * Why an input key can have no outputs, or empty if it can. Such a key gets nothing written, not
   * even {@code error.json}, since no key under its prefix is both valid and safe: its output keys
   * would pass S3's 1024-byte limit, or it has control characters (which S3's XML listings cannot
   * carry) or an empty, {@code .} or {@code ..} segment (which file-system-backed stores, {@code
   * aws s3 sync} and browsers collapse or resolve, so outputs would land outside the prefix).
   */
  public static Optional<String> refusal(String inputKey) {
    int bytes = inputKey.getBytes(StandardCharsets.UTF_8).length;
    if (bytes + 1 + LONGEST_OUTPUT > MAX_KEY_BYTES) {
      return Optional.of(
          "the key is "
              + bytes
              + " bytes long; its outputs need at most "
              + (MAX_KEY_BYTES - 1 - LONGEST_OUTPUT)
              + " to stay within S3's 1024-byte key limit");
    }
    if (inputKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("the key contains control characters");
    }
    for (String segment : inputKey.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of("the key has a '" + segment + "' path segment");
      }
    }
    return Optional.empty();
  }

  /** The output prefix of an input key (decoded, as S3 stores it). */
  public static String prefixFor(String inputKey) {
    if (inputKey == null || inputKey.isEmpty()) {
      throw new IllegalArgumentException("inputKey must not be empty");
    }
    return inputKey + "/";
  }
}
