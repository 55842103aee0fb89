package palette.handlers;

import java.util.Map;
import java.util.Set;
import palette.core.ColorSpace;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.PaletteOptions;
import palette.core.SortOrder;

/**
 * Per-object options from the object's user metadata ({@code x-amz-meta-k: 8} arrives as {@code
 * k=8}), on top of the function's defaults. Size limits are the function's alone: an uploader
 * cannot raise them.
 */
final class JobOptions {
  static final Set<String> KEYS =
      Set.of("k", "limit", "space", "sort", "seed", "equal-stripes", "plot-points");

  private JobOptions() {}

  /**
   * @throws PaletteException with {@link ErrorCode#INVALID_OPTION} naming the bad value
   */
  static PaletteOptions from(Map<String, String> metadata, PaletteOptions defaults) {
    PaletteOptions options = defaults;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String value = entry.getValue() == null ? "" : entry.getValue().trim();
      options =
          switch (entry.getKey().toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> options.withK(whole("k", value));
            case "limit" -> options.withLimit(whole("limit", value));
            case "space" -> options.withSpace(ColorSpace.parse(value));
            case "sort" -> options.withSort(SortOrder.parse(value));
            case "seed" -> options.withSeed(wholeLong("seed", value));
            case "equal-stripes" -> options.withEqualStripes(bool("equal-stripes", value));
            case "plot-points" -> options.withPlotPoints(whole("plot-points", value));
            default -> options; // other metadata is the uploader's business
          };
    }
    return options;
  }

  private static int whole(String name, String value) {
    long number = wholeLong(name, value);
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      throw invalid(name, value);
    }
    return (int) number;
  }

  private static long wholeLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(name, value);
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new PaletteException(
              ErrorCode.INVALID_OPTION, name + " must be true or false, was '" + value + "'");
    };
  }

  private static PaletteException invalid(String name, String value) {
    return new PaletteException(
        ErrorCode.INVALID_OPTION, name + " must be a whole number, was '" + value + "'");
  }
}
