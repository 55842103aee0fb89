package palette.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import palette.core.format.JsonFormat;

/**
 * The small documents the handlers write themselves (log lines, API responses, {@code error.json},
 * local S3 events), as compact JSON in the project's one JSON setup ({@link JsonFormat}), with one
 * call that cannot throw a checked exception.
 */
public final class Json {
  private Json() {}

  /**
   * Writes maps (keys in iteration order, null values kept), iterables, strings, numbers (NaN and
   * infinities as {@code null}), booleans and null.
   */
  public static String write(Object value) {
    try {
      return JsonFormat.STD.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write " + value.getClass().getName() + " as JSON", e);
    }
  }
}
