package palette.filmgrab;

import java.util.List;

/**
 * Why talking to film-grab.com failed, with the URL and HTTP status involved so a message can say
 * exactly what went wrong. {@link #isTransient()} tells a caller whether trying again later may
 * help (network trouble, 429/5xx after retries) or not (film not found, refused URL, size limit).
 */
public final class FilmGrabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure a caller may want to branch on. */
  public enum Reason {
    /** No film matches the title. */
    NOT_FOUND(false),
    /** Several films match the title; {@link #candidates()} lists them. */
    AMBIGUOUS(false),
    /** The URL's scheme, host or address is not allowed. */
    REFUSED(false),
    /** A response is larger than its limit (declared or while streaming). */
    TOO_LARGE(false),
    /** A redirect chain longer than the limit. */
    TOO_MANY_REDIRECTS(false),
    /** A gallery listing more stills than the limit. */
    TOO_MANY_STILLS(false),
    /** A page that does not have the markup this client reads. */
    LAYOUT_CHANGED(false),
    /** A still whose bytes are not a JPEG, PNG, GIF or WebP image (an error page, say). */
    NOT_AN_IMAGE(false),
    /**
     * The site answered with a bot check (a 403, or a Cloudflare-style "Just a moment..." page)
     * instead of what was asked for: it refuses automated access. Not retried: asking again at once
     * is what such checks punish.
     */
    BLOCKED(false),
    /** The site's robots.txt asks automated clients not to fetch this URL. */
    DISALLOWED(false),
    /** A status other than 200 that retrying did not fix. */
    HTTP_STATUS(false),
    /** The server was too slow: connect, read or whole-transfer timeout. */
    TIMEOUT(true),
    /** Connection refused or reset, DNS failure and the like. */
    NETWORK(true);

    private final boolean transientByDefault;

    Reason(boolean transientByDefault) {
      this.transientByDefault = transientByDefault;
    }
  }

  private final Reason reason;
  private final String url;
  private final int status;
  private final transient List<FilmRef> candidates;

  FilmGrabException(Reason reason, String message, String url, int status, Throwable cause) {
    this(reason, message, url, status, List.of(), cause);
  }

  FilmGrabException(Reason reason, String message, String url, List<FilmRef> candidates) {
    this(reason, message, url, 0, candidates, null);
  }

  private FilmGrabException(
      Reason reason,
      String message,
      String url,
      int status,
      List<FilmRef> candidates,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.url = url;
    this.status = status;
    this.candidates = List.copyOf(candidates);
  }

  static FilmGrabException of(Reason reason, String message, Object url) {
    return new FilmGrabException(reason, message, url == null ? null : url.toString(), 0, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The URL involved, or null when the failure is not about one URL (a title not found). */
  public String url() {
    return url;
  }

  /** The HTTP status for {@link Reason#HTTP_STATUS} and {@link Reason#BLOCKED}, otherwise 0. */
  public int status() {
    return status;
  }

  /** The matching films when the reason is {@link Reason#AMBIGUOUS}, otherwise empty. */
  public List<FilmRef> candidates() {
    return candidates == null ? List.of() : candidates;
  }

  /** True when the same request may succeed later: network trouble, 429 or a 5xx status. */
  public boolean isTransient() {
    if (reason == Reason.HTTP_STATUS) {
      return status == 429 || status >= 500;
    }
    return reason.transientByDefault;
  }
}
