package palette.handlers;

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

  private OutputKeys() {}

  /** The output prefix of an input key (decoded, as S3 stores it). */
  public static String prefixFor(String inputKey) {
    if (inputKey == null || inputKey.isEmpty()) {
      throw new IllegalArgumentException("inputKey must not be empty");
    }
    return inputKey + "/";
  }
}
