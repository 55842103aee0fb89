package palette.filmgrab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP GET, no redirects followed, with every limit applied: connect and read timeouts, a
 * deadline for the whole exchange (a server dripping its headers or body a byte at a time still
 * ends: a watchdog closes the connection), and a size limit checked against Content-Length before
 * reading and again while streaming. HttpURLConnection is used because, unlike java.net.http, it
 * has a per-read timeout.
 */
final class HttpFetcher {
  /**
   * A response: its status, the Location of a redirect, Cloudflare's {@code cf-mitigated} header,
   * the validators a later conditional request can send, and the body of a 200 (or the start of a
   * 403, 429 or 503 body, where a bot check says what it is).
   */
  record Response(
      URI url,
      int status,
      String location,
      String retryAfter,
      String mitigated,
      Validators validators,
      byte[] body) {}

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "filmgrab-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private static final java.util.Map<String, String> ACCEPT =
      java.util.Map.of("page", "text/html", "robots", "text/plain");

  private final FilmGrabConfig config;

  HttpFetcher(FilmGrabConfig config) {
    this.config = config;
  }

  Response get(URI url, long maxBytes, String kind, Validators known) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(
            () -> {
              expired.set(true);
              c.disconnect();
            },
            config.transferDeadline().toNanos(),
            TimeUnit.NANOSECONDS);
    boolean complete = false;
    try {
      Response response = exchange(c, url, maxBytes, kind, known);
      complete = response.status() == HttpURLConnection.HTTP_OK;
      return response;
    } catch (IOException e) {
      if (expired.get()) {
        throw FilmGrabException.of(
            FilmGrabException.Reason.TIMEOUT,
            url
                + " took longer than the "
                + config.transferDeadline().toSeconds()
                + " s transfer limit",
            url);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (!complete) {
        c.disconnect();
      }
    }
  }

  private Response exchange(
      HttpURLConnection c, URI url, long maxBytes, String kind, Validators known)
      throws IOException {
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setConnectTimeout(millis(config.connectTimeout().toMillis()));
    c.setReadTimeout(millis(config.readTimeout().toMillis()));
    c.setRequestProperty("User-Agent", config.userAgent());
    c.setRequestProperty("Accept", ACCEPT.getOrDefault(kind, "image/*"));
    c.setRequestProperty("Accept-Encoding", "identity");
    known.applyTo(c);
    int status = c.getResponseCode();
    Validators validators =
        Validators.of(c.getHeaderField("ETag"), c.getHeaderField("Last-Modified"));
    if (status != HttpURLConnection.HTTP_OK) {
      return new Response(
          url,
          status,
          c.getHeaderField("Location"),
          c.getHeaderField("Retry-After"),
          c.getHeaderField("cf-mitigated"),
          validators,
          errorStart(c, status));
    }
    long declared = c.getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(url, kind, "declares " + declared + " bytes", maxBytes);
    }
    byte[] body;
    try (InputStream in = c.getInputStream()) {
      body = readLimited(in, url, kind, maxBytes);
    }
    if (declared >= 0 && body.length != declared) {
      throw new IOException("truncated response: " + body.length + " of " + declared + " bytes");
    }
    return new Response(
        url, status, null, null, c.getHeaderField("cf-mitigated"), validators, body);
  }

  /** The first bytes of a refusal's body, where a bot check names itself; nothing otherwise. */
  private static byte[] errorStart(HttpURLConnection c, int status) {
    if (status != 403 && status != 429 && status != 503) {
      return null;
    }
    try (InputStream in = c.getErrorStream()) {
      return in == null ? null : in.readNBytes(BotCheck.SCAN_BYTES);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] readLimited(InputStream in, URI url, String kind, long maxBytes)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[16384];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + (long) n > maxBytes) {
        throw tooLarge(url, kind, "sent more than " + maxBytes + " bytes", maxBytes);
      }
      out.write(buffer, 0, n);
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
