package palette.core.options;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * Every option of a palette run, declared once: its name, default, bounds (or allowed values) and
 * help. The command line, the API, S3 metadata, the environment and the web page all take them from
 * here, so a limit cannot be 20 MB in one place and 50 MB in another. Values are range-checked
 * before they are narrowed to the record's types, so {@code 4294967302} is refused, not read as 6.
 *
 * <p>Names are camelCase as in the palette document's {@code options}; S3 metadata keys and
 * command-line flags use the dashed form ({@link #dashed()}), because S3 lower-cases metadata keys.
 */
public enum Option {
  K(integer("k", 6, 1, 64, true, "Number of colours in the palette.")),
  LIMIT(integer("limit", 20, 1, 1000, true, "Most k-means iterations; a run that settles stops.")),
  SPACE(
      choice(
          "space",
          ids(ColorSpace.values()),
          "Colour space to cluster in: oklab is perceptual; colours are reported in sRGB.")),
  SORT(
      choice(
          "sort",
          ids(SortOrder.values()),
          "Colour order: share (largest first), hue or lightness.")),
  EQUAL_STRIPES(
      new Spec(
          "equalStripes",
          Kind.BOOLEAN,
          false,
          0,
          1,
          List.of(),
          true,
          "Swatch stripes of equal width instead of as wide as each colour's share.")),
  SEED(
      integer(
          "seed",
          42,
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          true,
          "Seed of the k-means++ start: the same bytes and options give the same palette.")),
  PLOT_POINTS(
      integer(
          "plotPoints", 20_000, 100, 80_000, true, "Most points in the 3D scatter of the pixels.")),
  /** The deployed function's memory holds a 40-megapixel image with room to spare. */
  MAX_PIXELS(
      integer(
          "maxPixels",
          40_000_000,
          1,
          250_000_000,
          false,
          "Images with more pixels are refused, from the header, before decoding.")),
  MAX_BYTES(
      integer(
          "maxBytes",
          25L * 1024 * 1024,
          1,
          100L * 1024 * 1024,
          false,
          "Files larger than this many bytes are refused before they are read."));

  /** How an option's value is written. */
  public enum Kind {
    /** A whole number between {@link #min()} and {@link #max()}. */
    INTEGER,
    /** One of {@link #choices()}. */
    CHOICE,
    /** {@code true} or {@code false}. */
    BOOLEAN
  }

  private final Spec spec;

  Option(Spec spec) {
    this.spec = spec;
  }

  /** The camelCase name, as in the palette document. */
  public String key() {
    return spec.name;
  }

  /** The dashed name ({@code plot-points}): S3 metadata keys and command-line flags. */
  public String dashed() {
    return spec.name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  public Kind kind() {
    return spec.kind;
  }

  public long min() {
    return spec.min;
  }

  public long max() {
    return spec.max;
  }

  /** The allowed values of a {@link Kind#CHOICE}; empty otherwise. */
  public List<String> choices() {
    return spec.values;
  }

  /** True when one job may choose it; false for the size limits, which are the deployment's. */
  public boolean perJob() {
    return spec.perJob;
  }

  public String help() {
    return spec.help;
  }

  /** The engine's default: a {@code Long}, a {@code String} or a {@code Boolean}. */
  public Object defaultValue() {
    return spec.defaultValue;
  }

  /** This option's value in {@code options}, in the same types as {@link #defaultValue()}. */
  public Object valueIn(PaletteOptions options) {
    return switch (this) {
      case K -> (long) options.k();
      case LIMIT -> (long) options.limit();
      case SPACE -> options.space().id();
      case SORT -> options.sort().id();
      case EQUAL_STRIPES -> options.equalStripes();
      case SEED -> options.seed();
      case PLOT_POINTS -> (long) options.plotPoints();
      case MAX_PIXELS -> options.limits().maxPixels();
      case MAX_BYTES -> options.limits().maxBytes();
    };
  }

  /**
   * {@code options} with this option set from text (S3 metadata, environment, command line).
   *
   * @throws PaletteException with {@link ErrorCode#INVALID_OPTION}, naming this option
   */
  public PaletteOptions withText(PaletteOptions options, String text) {
    return set(options, parseText(text));
  }

  /**
   * {@code options} with this option set from a parsed JSON value ({@code Integer}, {@code Long},
   * {@code BigInteger}, {@code Double}, {@code String}, {@code Boolean}); {@code null} keeps it.
   *
   * @throws PaletteException with {@link ErrorCode#INVALID_OPTION}, naming this option
   */
  public PaletteOptions withJson(PaletteOptions options, Object json) {
    return json == null ? options : set(options, parseJson(json));
  }

  /**
   * Checks a whole number against this option's bounds.
   *
   * @return {@code value}
   * @throws PaletteException naming this option and its range
   */
  public long check(long value) {
    if (value < spec.min || value > spec.max) {
      throw outOfRange(Long.toString(value));
    }
    return value;
  }

  /** The text form's value: {@code Long}, {@code String} (a choice's id) or {@code Boolean}. */
  public Object parseText(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty()) {
      throw invalid(key() + " must not be empty");
    }
    return switch (spec.kind) {
      case INTEGER -> wholeText(value);
      case CHOICE -> choice(value.toLowerCase(Locale.ROOT), value);
      case BOOLEAN -> bool(value);
    };
  }

  private Object parseJson(Object json) {
    return switch (spec.kind) {
      case INTEGER -> wholeJson(json);
      case CHOICE -> {
        if (!(json instanceof String text)) {
          throw invalid(key() + " must be " + choiceList() + ", was " + json);
        }
        yield parseText(text);
      }
      case BOOLEAN -> {
        if (!(json instanceof Boolean flag)) {
          throw invalid(key() + " must be true or false, was " + quoted(json));
        }
        yield flag;
      }
    };
  }

  private PaletteOptions set(PaletteOptions o, Object value) {
    return switch (this) {
      case K -> o.withK(Math.toIntExact((Long) value));
      case LIMIT -> o.withLimit(Math.toIntExact((Long) value));
      case SPACE -> o.withSpace(ColorSpace.valueOf(((String) value).toUpperCase(Locale.ROOT)));
      case SORT -> o.withSort(SortOrder.valueOf(((String) value).toUpperCase(Locale.ROOT)));
      case EQUAL_STRIPES -> o.withEqualStripes((Boolean) value);
      case SEED -> o.withSeed((Long) value);
      case PLOT_POINTS -> o.withPlotPoints(Math.toIntExact((Long) value));
      case MAX_PIXELS -> o.withLimits(new ImageLimits((Long) value, o.limits().maxBytes()));
      case MAX_BYTES -> o.withLimits(new ImageLimits(o.limits().maxPixels(), (Long) value));
    };
  }

  private Long wholeText(String value) {
    if (!value.matches("[+-]?\\d+")) {
      throw invalid(key() + " must be a whole number, was '" + value + "'");
    }
    BigInteger number = new BigInteger(value);
    if (number.bitLength() > 63) {
      throw outOfRange(number.toString());
    }
    return check(number.longValue());
  }

  private Long wholeJson(Object json) {
    if (json instanceof Integer || json instanceof Long || json instanceof Short) {
      return check(((Number) json).longValue());
    }
    if (json instanceof BigInteger big) {
      return wholeText(big.toString());
    }
    if (json instanceof Double || json instanceof Float || json instanceof BigDecimal) {
      throw invalid(key() + " must be a whole number, was " + json);
    }
    throw invalid(key() + " must be a whole number, was " + quoted(json));
  }

  private String choice(String id, String original) {
    if (!spec.values.contains(id)) {
      throw invalid(key() + " must be " + choiceList() + ", was '" + original + "'");
    }
    return id;
  }

  private Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw invalid(key() + " must be true or false, was '" + value + "'");
    };
  }

  private String choiceList() {
    List<String> values = spec.values;
    return String.join(", ", values.subList(0, values.size() - 1))
        + " or "
        + values.get(values.size() - 1);
  }

  private PaletteException outOfRange(String was) {
    return invalid(key() + " must be between " + spec.min + " and " + spec.max + ", was " + was);
  }

  private static String quoted(Object json) {
    return json instanceof String text ? "'" + text + "'" : String.valueOf(json);
  }

  private static PaletteException invalid(String message) {
    return new PaletteException(ErrorCode.INVALID_OPTION, message);
  }

  /** The option named {@code name}, camelCase or dashed, any case. */
  public static Optional<Option> find(String name) {
    return Arrays.stream(values())
        .filter(o -> o.key().equalsIgnoreCase(name) || o.dashed().equalsIgnoreCase(name))
        .findFirst();
  }

  /**
   * {@code base} with the per-job options found in {@code text} (S3 metadata, a request object);
   * other keys, the size limits among them, are ignored: an uploader cannot raise them.
   */
  public static PaletteOptions perJobFromText(Map<String, String> text, PaletteOptions base) {
    PaletteOptions options = base;
    for (Map.Entry<String, String> entry : text.entrySet()) {
      Optional<Option> option = find(entry.getKey()).filter(Option::perJob);
      if (option.isPresent()) {
        options = option.get().withText(options, entry.getValue());
      }
    }
    return options;
  }

  /** {@code base} with the per-job options found in a parsed JSON object (an API request). */
  public static PaletteOptions perJobFromJson(Map<String, ?> json, PaletteOptions base) {
    PaletteOptions options = base;
    for (Option option : values()) {
      if (option.perJob()) {
        options = option.withJson(options, json.get(option.key()));
      }
    }
    return options;
  }

  /**
   * Every option as data, for a page or a form: {@code {"k": {"type": "integer", "default": 6,
   * "min": 1, "max": 64, "help": "…"}, "space": {"type": "choice", "default": "rgb", "values":
   * ["rgb", "oklab"], …}, …}}, in declaration order, with the defaults of {@code defaults} (a
   * deployment's own) rather than the engine's.
   */
  public static Map<String, Object> describe(PaletteOptions defaults) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (Option option : values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("type", option.kind().name().toLowerCase(Locale.ROOT));
      one.put("default", option.valueIn(defaults));
      if (option.kind() == Kind.INTEGER) {
        one.put("min", option.min());
        one.put("max", option.max());
      }
      if (option.kind() == Kind.CHOICE) {
        one.put("values", option.choices());
      }
      one.put("perJob", option.perJob());
      one.put("help", option.help());
      all.put(option.key(), one);
    }
    return all;
  }

  private static List<String> ids(Enum<?>[] constants) {
    return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
  }

  private static Spec integer(
      String name, long defaultValue, long min, long max, boolean perJob, String help) {
    return new Spec(name, Kind.INTEGER, defaultValue, min, max, List.of(), perJob, help);
  }

  private static Spec choice(String name, List<String> values, String help) {
    return new Spec(name, Kind.CHOICE, values.get(0), 0, 0, values, true, help);
  }

  /** One option's declaration; the first of a choice's values is its default. */
  private record Spec(
      String name,
      Kind kind,
      Object defaultValue,
      long min,
      long max,
      List<String> values,
      boolean perJob,
      String help) {}
}
