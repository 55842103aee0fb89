package palette.local;

import java.net.URI;
import java.time.Duration;
import palette.filmgrab.FilmGrabConfig;
import picocli.CommandLine.Option;

/**
 * The hidden options of the commands that talk to film-grab.com: a local test site instead of the
 * real one, and the spacing between requests (only a test site may be asked faster than once a
 * second).
 */
final class SiteOptions {
  @Option(
      names = "--base-url",
      hidden = true,
      defaultValue = "${env:PALETTE_FILMGRAB_BASE_URL}",
      description = "Site to use instead of https://film-grab.com/ (a local test server).")
  String baseUrl;

  @Option(
      names = "--delay-ms",
      hidden = true,
      defaultValue = "${env:PALETTE_FILMGRAB_DELAY_MS}",
      description = "Milliseconds between requests to a host; below 1000 only with --base-url.")
  String delayMs;

  /**
   * @throws IllegalArgumentException naming the option when it is malformed
   */
  FilmGrabConfig config() {
    FilmGrabConfig.Builder builder = FilmGrabConfig.builder();
    boolean testSite = baseUrl != null && !baseUrl.isBlank();
    if (testSite) {
      builder.baseUrl(URI.create(baseUrl.trim()));
    }
    if (delayMs != null && !delayMs.isBlank()) {
      if (!delayMs.trim().matches("\\d{1,9}")) {
        throw new IllegalArgumentException(
            "--delay-ms must be a whole number of milliseconds, was " + delayMs);
      }
      long ms = Long.parseLong(delayMs.trim());
      if (ms < 1000 && !testSite) {
        throw new IllegalArgumentException(
            "--delay-ms must be at least 1000 for film-grab.com, was " + ms);
      }
      builder.minInterval(Duration.ofMillis(ms));
    }
    return builder.build();
  }
}
