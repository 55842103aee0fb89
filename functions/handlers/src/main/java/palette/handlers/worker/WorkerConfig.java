package palette.handlers.worker;

import java.time.Duration;
import java.util.Map;
import palette.core.options.PaletteOptions;
import palette.filmgrab.FilmGrabConfig;
import palette.handlers.Environment;
import palette.handlers.FilmGrabSettings;

/**
 * The worker's configuration, read once per container from the environment the template sets. Tests
 * and the local stack pass a map instead of the process environment.
 *
 * @param outputBucket where results go ({@code OUTPUT_BUCKET})
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda itself)
 * @param s3Endpoint an S3 endpoint to use instead of AWS ({@code S3_ENDPOINT}); empty in AWS
 * @param defaults options for objects whose metadata sets none ({@link
 *     Environment#PALETTE_DEFAULTS})
 * @param filmGrab how film-grab requests fetch their stills ({@code FILMGRAB_BASE_URL})
 * @param filmGrabLane true when film-grab request objects reach their own lane ({@code
 *     FILMGRAB_LANE=queue}: the FIFO queue and {@link FilmGrabLane}), so the worker leaves them
 *     alone although S3 still notifies it of every object
 */
public record WorkerConfig(
    String outputBucket,
    String region,
    String s3Endpoint,
    PaletteOptions defaults,
    FilmGrabConfig filmGrab,
    boolean filmGrabLane) {
  public static final String OUTPUT_BUCKET = "OUTPUT_BUCKET";
  public static final String FILMGRAB_LANE = "FILMGRAB_LANE";
  public static final String AWS_REGION = "AWS_REGION";
  public static final String S3_ENDPOINT = "S3_ENDPOINT";

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
    Environment environment = new Environment(env);
    return new WorkerConfig(
        environment.text(OUTPUT_BUCKET, null),
        environment.text(AWS_REGION, "us-east-1"),
        environment.text(S3_ENDPOINT, ""),
        environment.paletteDefaults(),
        // A still is fetched well inside the function's timeout; Lambda retries the rest.
        FilmGrabSettings.fromEnv(environment, Duration.ofSeconds(20), 2),
        lane(environment.text(FILMGRAB_LANE, "")));
  }

  private static boolean lane(String value) {
    if (!value.isEmpty() && !value.equals("queue")) {
      throw new IllegalArgumentException(
          FILMGRAB_LANE + " must be 'queue' or empty, was '" + value + "'");
    }
    return value.equals("queue");
  }

  /** True when the worker talks to a local S3 rather than AWS. */
  public boolean customEndpoint() {
    return !s3Endpoint.isEmpty();
  }
}
