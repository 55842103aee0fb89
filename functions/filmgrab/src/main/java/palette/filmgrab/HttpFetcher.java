package palette.filmgrab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;

/**
 * One HTTP GET, no redirects followed, with every limit applied: connect and read timeouts, a
 * deadline for the whole transfer (a server dripping one byte at a time still ends), and a size
 * limit checked against Content-Length before reading and again while streaming. HttpURLConnection
 * is used because, unlike java.net.http, it has a per-read timeout.
 */
final class HttpFetcher {
  /** A response: its status, the Location of a redirect, and the body of a 200. */
  record Response(URI url, int status, String location, String retryAfter, byte[] body) {}

  private final FilmGrabConfig config;

  HttpFetcher(FilmGrabConfig config) {
    this.config = config;
  }

  Response get(URI url, long maxBytes, String kind) throws IOException {
    long deadline = System.nanoTime() + config.transferDeadline().toNanos();
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    boolean complete = false;
    try {
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setConnectTimeout(millis(config.connectTimeout().toMillis()));
      c.setReadTimeout(millis(config.readTimeout().toMillis()));
      c.setRequestProperty("User-Agent", config.userAgent());
      c.setRequestProperty("Accept", kind.equals("page") ? "text/html" : "image/*");
      c.setRequestProperty("Accept-Encoding", "identity");
      int status = c.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        return new Response(
            url, status, c.getHeaderField("Location"), c.getHeaderField("Retry-After"), null);
      }
      long declared = c.getContentLengthLong();
      if (declared > maxBytes) {
        throw tooLarge(url, kind, "declares " + declared + " bytes", maxBytes);
      }
      byte[] body;
      try (InputStream in = c.getInputStream()) {
        body = readLimited(in, url, kind, maxBytes, deadline);
      }
      if (declared >= 0 && body.length != declared) {
        throw new IOException("truncated response: " + body.length + " of " + declared + " bytes");
      }
      complete = true;
      return new Response(url, status, null, null, body);
    } finally {
      if (!complete) {
        c.disconnect();
      }
    }
  }

  private byte[] readLimited(InputStream in, URI url, String kind, long maxBytes, long deadline)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[16384];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + (long) n > maxBytes) {
        throw tooLarge(url, kind, "sent more than " + maxBytes + " bytes", maxBytes);
      }
      out.write(buffer, 0, n);
      if (System.nanoTime() > deadline) {
        throw FilmGrabException.of(
            FilmGrabException.Reason.TIMEOUT,
            url
                + " took longer than the "
                + config.transferDeadline().toSeconds()
                + " s transfer limit ("
                + out.size()
                + " bytes received)",
            url);
      }
    }
    return out.toByteArray();
  }

  private static FilmGrabException tooLarge(URI url, String kind, String what, long limit) {
    return FilmGrabException.of(
        FilmGrabException.Reason.TOO_LARGE,
        url + " " + what + ", more than the " + size(limit) + " " + kind + " limit",
        url);
  }

  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return bytes + " bytes";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  private static int millis(long value) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, value));
  }
}
