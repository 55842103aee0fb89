package palette.handlers;

import java.time.Duration;
import java.util.Map;
import palette.core.ColorSpace;
import palette.core.ImageLimits;
import palette.core.PaletteOptions;
import palette.filmgrab.FilmGrabConfig;

/**
 * The worker's configuration, read once per container from the environment the template sets. Tests
 * and the local stack pass a map instead of the process environment.
 *
 * @param outputBucket where results go ({@code OUTPUT_BUCKET})
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda itself)
 * @param s3Endpoint an S3 endpoint to use instead of AWS ({@code S3_ENDPOINT}); empty in AWS
 * @param defaults options for objects whose metadata sets none ({@code DEFAULT_K}, {@code
 *     DEFAULT_LIMIT}, {@code PLOT_POINTS}, {@code MAX_PIXELS}, {@code MAX_BYTES})
 * @param filmGrab how film-grab requests fetch their stills ({@code FILMGRAB_BASE_URL})
 */
public record WorkerConfig(
    String outputBucket,
    String region,
    String s3Endpoint,
    PaletteOptions defaults,
    FilmGrabConfig filmGrab) {
  public static final String OUTPUT_BUCKET = "OUTPUT_BUCKET";
  public static final String AWS_REGION = "AWS_REGION";
  public static final String S3_ENDPOINT = "S3_ENDPOINT";
  public static final String DEFAULT_K = "DEFAULT_K";
  public static final String DEFAULT_LIMIT = "DEFAULT_LIMIT";
  public static final String PLOT_POINTS = "PLOT_POINTS";
  public static final String MAX_PIXELS = "MAX_PIXELS";
  public static final String MAX_BYTES = "MAX_BYTES";

  public WorkerConfig {
    if (outputBucket == null || outputBucket.isBlank()) {
      throw new IllegalArgumentException(OUTPUT_BUCKET + " must name the output bucket");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException(AWS_REGION + " must name a region, was empty");
    }
    s3Endpoint = s3Endpoint == null ? "" : s3Endpoint.trim();
    if (defaults == null) {
      throw new IllegalArgumentException("defaults must not be null");
    }
    if (filmGrab == null) {
      throw new IllegalArgumentException("filmGrab must not be null");
    }
  }

  /** Reads every setting from {@code env}; unset optional ones take the engine's defaults. */
  public static WorkerConfig fromEnv(Map<String, String> env) {
    PaletteOptions base = PaletteOptions.defaults();
    ImageLimits limits =
        new ImageLimits(
            longOr(env, MAX_PIXELS, ImageLimits.DEFAULT_MAX_PIXELS),
            longOr(env, MAX_BYTES, ImageLimits.DEFAULT_MAX_BYTES));
    PaletteOptions defaults =
        base.withK(intOr(env, DEFAULT_K, PaletteOptions.DEFAULT_K))
            .withLimit(intOr(env, DEFAULT_LIMIT, PaletteOptions.DEFAULT_LIMIT))
            .withPlotPoints(intOr(env, PLOT_POINTS, PaletteOptions.DEFAULT_PLOT_POINTS))
            .withSpace(ColorSpace.RGB)
            .withLimits(limits);
    return new WorkerConfig(
        env.get(OUTPUT_BUCKET),
        valueOr(env, AWS_REGION, "us-east-1"),
        env.get(S3_ENDPOINT),
        defaults,
        // A still is fetched well inside the function's timeout; Lambda retries the rest.
        FilmGrabSettings.fromEnv(env, Duration.ofSeconds(20), 2));
  }

  /** True when the worker talks to a local S3 rather than AWS. */
  public boolean customEndpoint() {
    return !s3Endpoint.isEmpty();
  }

  private static String valueOr(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int intOr(Map<String, String> env, String name, int fallback) {
    return Math.toIntExact(longOr(env, name, fallback));
  }

  private static long longOr(Map<String, String> env, String name, long fallback) {
    String value = valueOr(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
  }
}
