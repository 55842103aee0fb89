package palette.filmgrab;

import java.net.URI;

/**
 * The answer to a conditional still request: new bytes and their validators, or no bytes when the
 * site said the caller's copy is still current (HTTP 304).
 *
 * @param url the still's URL as fetched
 * @param bytes the image, or null when not modified
 * @param validators what to send next time (the caller's own when not modified)
 */
public record FetchedStill(URI url, byte[] bytes, Validators validators) {
  /** True when the site answered 304: the copy the caller kept is current. */
  public boolean notModified() {
    return bytes == null;
  }
}
