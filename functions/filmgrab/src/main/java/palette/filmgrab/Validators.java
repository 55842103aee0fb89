package palette.filmgrab;

import java.net.HttpURLConnection;

/**
 * What a server said identifies the version of a resource ({@code ETag}, {@code Last-Modified}),
 * kept with a downloaded still so a later job asks "has it changed?" ({@code If-None-Match}, {@code
 * If-Modified-Since}) and gets a 304 instead of the same bytes again. Either may be null.
 *
 * @param etag the entity tag exactly as sent, quotes included
 * @param lastModified the HTTP date exactly as sent
 */
public record Validators(String etag, String lastModified) {
  /** No validators: the request is unconditional. */
  public static final Validators NONE = new Validators(null, null);

  public Validators {
    etag = blankToNull(etag);
    lastModified = blankToNull(lastModified);
  }

  static Validators of(String etag, String lastModified) {
    return new Validators(etag, lastModified);
  }

  /** True when a conditional request can be made with these. */
  public boolean any() {
    return etag != null || lastModified != null;
  }

  void applyTo(HttpURLConnection c) {
    if (etag != null) {
      c.setRequestProperty("If-None-Match", etag);
    }
    if (lastModified != null) {
      c.setRequestProperty("If-Modified-Since", lastModified);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.length() > 512 ? null : value;
  }
}
