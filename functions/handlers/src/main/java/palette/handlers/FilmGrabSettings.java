package palette.handlers;

import java.net.URI;
import java.time.Duration;
import palette.filmgrab.FilmGrabConfig;

/**
 * The film-grab client's settings for a function, from {@code FILMGRAB_BASE_URL}: empty in AWS (the
 * real site, default allowlist), a local test site's URL on a developer's machine. Timeouts and
 * retries are the caller's, sized to fit inside the function's own timeout.
 */
public final class FilmGrabSettings {
  public static final String FILMGRAB_BASE_URL = "FILMGRAB_BASE_URL";

  private FilmGrabSettings() {}

  /**
   * @param total the longest one response may take, connect and read included
   * @param attempts tries per request on 429, 5xx or a reset connection
   */
  public static FilmGrabConfig fromEnv(Environment env, Duration total, int attempts) {
    FilmGrabConfig.Builder builder =
        FilmGrabConfig.builder()
            .timeouts(Duration.ofSeconds(5), total.dividedBy(2), total)
            .retries(attempts, Duration.ofSeconds(1), Duration.ofSeconds(4));
    String base = env.text(FILMGRAB_BASE_URL, "");
    if (!base.isEmpty()) {
      try {
        builder.baseUrl(URI.create(base));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            FILMGRAB_BASE_URL + " must be a URL or empty, was '" + base + "'", e);
      }
    }
    return builder.build();
  }
}
