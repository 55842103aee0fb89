package palette.handlers.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import palette.filmgrab.FilmGrabConfig;
import palette.handlers.FilmGrabSettings;

/**
 * The API function's settings, read once from the environment so tests can pass a map.
 *
 * @param inputBucket where browsers upload images (the worker's trigger bucket)
 * @param outputBucket where the worker writes results
 * @param siteOrigin the one origin allowed to call the API from a browser, e.g. {@code
 *     https://palette.example.com}
 * @param region the AWS region the S3 clients sign for
 * @param s3Endpoint an S3 endpoint override (path-style) for a local S3; empty in AWS
 * @param maxBytes the largest upload accepted, in bytes
 * @param uploadTtl how long a presigned upload stays valid
 * @param downloadTtl how long the presigned result links stay valid
 * @param filmGrab how the film-grab routes reach film-grab.com ({@code FILMGRAB_BASE_URL})
 */
public record ApiConfig(
    String inputBucket,
    String outputBucket,
    String siteOrigin,
    String region,
    Optional<URI> s3Endpoint,
    long maxBytes,
    Duration uploadTtl,
    Duration downloadTtl,
    FilmGrabConfig filmGrab) {

  static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /** One film-grab request must end well inside the function's timeout; no retries. */
  static final Duration FILMGRAB_TIME = Duration.ofSeconds(8);

  public ApiConfig {
    requireText("INPUT_BUCKET", inputBucket);
    requireText("OUTPUT_BUCKET", outputBucket);
    requireText("SITE_ORIGIN", siteOrigin);
    requireText("AWS_REGION", region);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("MAX_BYTES must be at least 1, was " + maxBytes);
    }
    requireMinutes("UPLOAD_URL_SECONDS", uploadTtl);
    requireMinutes("DOWNLOAD_URL_SECONDS", downloadTtl);
    if (filmGrab == null) {
      throw new IllegalArgumentException("filmGrab must not be null");
    }
  }

  /** With the real film-grab.com. */
  public ApiConfig(
      String inputBucket,
      String outputBucket,
      String siteOrigin,
      String region,
      Optional<URI> s3Endpoint,
      long maxBytes,
      Duration uploadTtl,
      Duration downloadTtl) {
    this(
        inputBucket,
        outputBucket,
        siteOrigin,
        region,
        s3Endpoint,
        maxBytes,
        uploadTtl,
        downloadTtl,
        FilmGrabSettings.fromEnv(Map.of(), FILMGRAB_TIME, 1));
  }

  /** Reads the variables the template declares; missing optional ones take their defaults. */
  public static ApiConfig fromEnv(Map<String, String> env) {
    String endpoint = text(env, "S3_ENDPOINT", "");
    return new ApiConfig(
        env.get("INPUT_BUCKET"),
        env.get("OUTPUT_BUCKET"),
        stripSlash(text(env, "SITE_ORIGIN", "")),
        text(env, "AWS_REGION", "us-east-1"),
        endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
        number(env, "MAX_BYTES", DEFAULT_MAX_BYTES),
        Duration.ofSeconds(number(env, "UPLOAD_URL_SECONDS", 300)),
        Duration.ofSeconds(number(env, "DOWNLOAD_URL_SECONDS", 900)),
        FilmGrabSettings.fromEnv(env, FILMGRAB_TIME, 1));
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String text = text(env, name, "");
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'", e);
    }
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
