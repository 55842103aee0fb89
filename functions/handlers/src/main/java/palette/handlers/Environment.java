package palette.handlers;

import java.util.Map;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;

/**
 * The one reader of a function's environment variables, so every setting is trimmed, defaulted and
 * refused with the same sentence, naming the variable. Tests and the local stack pass a map.
 */
public record Environment(Map<String, String> variables) {
  /** The deployment's palette defaults, one variable per option the template sets. */
  public static final Map<String, Option> PALETTE_DEFAULTS =
      Map.of(
          "DEFAULT_K", Option.K,
          "DEFAULT_LIMIT", Option.LIMIT,
          "PLOT_POINTS", Option.PLOT_POINTS,
          "MAX_PIXELS", Option.MAX_PIXELS,
          "MAX_BYTES", Option.MAX_BYTES);

  public Environment {
    java.util.Objects.requireNonNull(variables, "variables");
  }

  /** The trimmed value, or {@code fallback} when unset or blank. */
  public String text(String name, String fallback) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /**
   * A whole number between {@code min} and {@code max}, or {@code fallback} when unset.
   *
   * @throws IllegalArgumentException naming the variable
   */
  public long number(String name, long fallback, long min, long max) {
    String text = text(name, null);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /**
   * The engine's defaults with every variable of {@link #PALETTE_DEFAULTS} that is set.
   *
   * @throws IllegalArgumentException naming the variable and the option's rule
   */
  public PaletteOptions paletteDefaults() {
    PaletteOptions options = PaletteOptions.defaults();
    for (Map.Entry<String, Option> entry : PALETTE_DEFAULTS.entrySet()) {
      String text = text(entry.getKey(), null);
      if (text != null) {
        try {
          options = entry.getValue().withText(options, text);
        } catch (PaletteException e) {
          throw new IllegalArgumentException(entry.getKey() + ": " + e.getMessage(), e);
        }
      }
    }
    return options;
  }
}
