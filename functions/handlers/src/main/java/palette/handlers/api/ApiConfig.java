package palette.handlers.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import palette.core.options.PaletteOptions;
import palette.filmgrab.FilmGrabConfig;
import palette.handlers.Environment;
import palette.handlers.FilmGrabSettings;

/**
 * The API function's settings, read once from the environment so tests can pass a map.
 *
 * @param inputBucket where browsers upload images (the worker's trigger bucket)
 * @param outputBucket where the worker writes results
 * @param siteOrigin the one origin allowed to call the API from a browser, e.g. {@code
 *     https://palette.example.com}; empty for the https origin each request addressed ({@code
 *     X-Forwarded-Host}, which the site's distribution sets)
 * @param region the AWS region the S3 clients sign for
 * @param s3Endpoint an S3 endpoint override (path-style) for a local S3; empty in AWS
 * @param defaults the deployment's palette options ({@link Environment#PALETTE_DEFAULTS}): what an
 *     upload that names no option gets, and the largest upload accepted
 * @param uploadTtl how long a presigned upload stays valid
 * @param downloadTtl how long the presigned result links stay valid
 * @param filmGrab how the film-grab routes reach film-grab.com ({@code FILMGRAB_BASE_URL})
 * @param originSecret the value the distribution sends in {@code X-Palette-Origin-Secret}, so a
 *     call that bypasses it (and its web ACL) is refused; empty checks nothing (local stack)
 * @param keptForDays after how many days the buckets' lifecycle rule deletes a job's files ({@code
 *     EXPIRATION_DAYS}, the template's {@code ExpirationDays}); 0 when none is known
 */
public record ApiConfig(
    String inputBucket,
    String outputBucket,
    String siteOrigin,
    String region,
    Optional<URI> s3Endpoint,
    PaletteOptions defaults,
    Duration uploadTtl,
    Duration downloadTtl,
    FilmGrabConfig filmGrab,
    String originSecret,
    int keptForDays) {

  /** One film-grab request must end well inside the function's timeout; no retries. */
  static final Duration FILMGRAB_TIME = Duration.ofSeconds(8);

  public ApiConfig {
    requireText("INPUT_BUCKET", inputBucket);
    requireText("OUTPUT_BUCKET", outputBucket);
    if (siteOrigin == null || originSecret == null) {
      throw new IllegalArgumentException("SITE_ORIGIN and ORIGIN_SECRET must not be null");
    }
    requireText("AWS_REGION", region);
    if (defaults == null) {
      throw new IllegalArgumentException("defaults must not be null");
    }
    requireMinutes("UPLOAD_URL_SECONDS", uploadTtl);
    requireMinutes("DOWNLOAD_URL_SECONDS", downloadTtl);
    if (filmGrab == null) {
      throw new IllegalArgumentException("filmGrab must not be null");
    }
    if (keptForDays < 0) {
      throw new IllegalArgumentException(
          "EXPIRATION_DAYS must not be negative, was " + keptForDays);
    }
  }

  /** With the real film-grab.com. */
  public ApiConfig(
      String inputBucket,
      String outputBucket,
      String siteOrigin,
      String region,
      Optional<URI> s3Endpoint,
      PaletteOptions defaults,
      Duration uploadTtl,
      Duration downloadTtl) {
    this(
        inputBucket,
        outputBucket,
        siteOrigin,
        region,
        s3Endpoint,
        defaults,
        uploadTtl,
        downloadTtl,
        FilmGrabSettings.fromEnv(new Environment(Map.of()), FILMGRAB_TIME, 1),
        "",
        0);
  }

  /** Reads the variables the template declares; missing optional ones take their defaults. */
  public static ApiConfig fromEnv(Map<String, String> variables) {
    Environment env = new Environment(variables);
    String endpoint = env.text("S3_ENDPOINT", "");
    return new ApiConfig(
        env.text("INPUT_BUCKET", null),
        env.text("OUTPUT_BUCKET", null),
        stripSlash(env.text("SITE_ORIGIN", "")),
        env.text("AWS_REGION", "us-east-1"),
        endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
        env.paletteDefaults(),
        Duration.ofSeconds(env.number("UPLOAD_URL_SECONDS", 300, 1, 3600)),
        Duration.ofSeconds(env.number("DOWNLOAD_URL_SECONDS", 900, 1, 3600)),
        FilmGrabSettings.fromEnv(env, FILMGRAB_TIME, 1),
        env.text("ORIGIN_SECRET", ""),
        (int) env.number("EXPIRATION_DAYS", 0, 0, 36500));
  }

  /** The largest upload accepted, in bytes: the worker's own limit. */
  public long maxBytes() {
    return defaults.limits().maxBytes();
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set");
    }
  }

  private static void requireMinutes(String name, Duration ttl) {
    if (ttl.toSeconds() < 1 || ttl.toSeconds() > 3600) {
      throw new IllegalArgumentException(
          name + " must be between 1 and 3600, was " + ttl.toSeconds());
    }
  }
}
