package palette.filmgrab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a bot-protection answer, so the user hears that film-grab.com refused automated access
 * rather than "the layout changed" or "no films found". A 403 is always a refusal; a 503 or 429 is
 * one when Cloudflare marks it ({@code cf-mitigated: challenge}) or its body is a challenge page; a
 * 200 is one only when its body is an interstitial ("Just a moment...", "Checking your browser"),
 * since Cloudflare also injects {@code /cdn-cgi/challenge-platform/} scripts into ordinary pages.
 */
final class BotCheck {
  /** Bytes of a body that are searched: challenge pages say what they are near the top. */
  static final int SCAN_BYTES = 64 * 1024;

  private static final List<String> INTERSTITIAL =
      List.of(
          "<title>just a moment",
          "checking your browser",
          "_cf_chl_opt",
          "id=\"challenge-form\"",
          "cf-chl-widget",
          "sgcaptcha",
          "attention required! | cloudflare");

  private static final List<String> ERROR_PAGE =
      List.of("cf-chl", "challenge-platform", "captcha", "_incapsula_", "ddos-guard");

  private BotCheck() {}

  /** True when a response is the site refusing automated access. */
  static boolean refuses(HttpFetcher.Response r) {
    if (r.status() == 403) {
      return true;
    }
    if (r.status() == 503 || r.status() == 429) {
      return r.mitigated() != null || contains(r.body(), ERROR_PAGE) || isInterstitial(r.body());
    }
    return r.status() == 200 && isInterstitial(r.body());
  }

  /** True when a 200 body is a "checking your browser" page rather than content. */
  static boolean isInterstitial(byte[] body) {
    return contains(body, INTERSTITIAL);
  }

  static FilmGrabException blocked(URI url, int status) {
    return new FilmGrabException(
        FilmGrabException.Reason.BLOCKED,
        "film-grab.com refused automated access (a bot check answered "
            + url
            + " with HTTP "
            + status
            + "); try again later, or save the stills from a browser and use them yourself",
        url.toString(),
        status,
        null);
  }

  private static boolean contains(byte[] body, List<String> markers) {
    if (body == null || body.length == 0) {
      return false;
    }
    String text =
        new String(body, 0, Math.min(body.length, SCAN_BYTES), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return markers.stream().anyMatch(text::contains);
  }
}
