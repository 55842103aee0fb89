package palette.filmgrab;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * GET with manners and guards: every URL (the first and each redirect target) passes the {@link
 * HostPolicy}; requests to a host are spaced by the {@link RateLimiter}; 429, 5xx and reset
 * connections are retried with exponential backoff (honouring Retry-After up to the cap); a timeout
 * is reported at once, since a slow server usually stays slow.
 */
final class PoliteHttp {
  private final FilmGrabConfig config;
  private final HostPolicy policy;
  private final RateLimiter limiter;
  private final HttpFetcher fetcher;

  PoliteHttp(FilmGrabConfig config, HostPolicy policy) {
    this.config = config;
    this.policy = policy;
    this.limiter = new RateLimiter(config.minInterval());
    this.fetcher = new HttpFetcher(config);
  }

  HostPolicy policy() {
    return policy;
  }

  /** The body of a 200 response for {@code url} after following allowed redirects. */
  HttpFetcher.Response get(URI url, long maxBytes, String kind) {
    URI current = policy.check(url);
    for (int redirects = 0; ; redirects++) {
      HttpFetcher.Response response = withRetries(current, maxBytes, kind);
      if (response.status() == 200) {
        return response;
      }
      if (!isRedirect(response)) {
        throw status(response, current);
      }
      if (redirects >= config.maxRedirects()) {
        throw FilmGrabException.of(
            FilmGrabException.Reason.TOO_MANY_REDIRECTS,
            "more than " + config.maxRedirects() + " redirects, starting at " + url,
            url);
      }
      current = policy.check(resolve(current, response.location()));
    }
  }

  private HttpFetcher.Response withRetries(URI url, long maxBytes, String kind) {
    policy.checkAddresses(url);
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= config.maxAttempts();
      limiter.acquire(url.getHost());
      try {
        HttpFetcher.Response response = fetcher.get(url, maxBytes, kind);
        if (last || !retryable(response.status())) {
          return response;
        }
        pause(attempt, response.retryAfter());
      } catch (SocketTimeoutException e) {
        throw new FilmGrabException(
            FilmGrabException.Reason.TIMEOUT,
            url + " timed out: " + e.getMessage(),
            str(url),
            0,
            e);
      } catch (UnknownHostException e) {
        throw new FilmGrabException(
            FilmGrabException.Reason.NETWORK, "cannot resolve " + url.getHost(), str(url), 0, e);
      } catch (IOException e) {
        if (last) {
          throw new FilmGrabException(
              FilmGrabException.Reason.NETWORK,
              "cannot fetch " + url + " after " + attempt + " attempts: " + e,
              str(url),
              0,
              e);
        }
        pause(attempt, null);
      }
    }
  }

  private void pause(int attempt, String retryAfter) {
    long backoff = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long wait = Math.max(backoff, seconds(retryAfter) * 1000);
    RateLimiter.sleep(Duration.ofMillis(Math.min(wait, config.maxBackoff().toMillis())).toNanos());
  }

  private static long seconds(String retryAfter) {
    if (retryAfter == null || !retryAfter.trim().matches("\\d{1,6}")) {
      return 0;
    }
    return Long.parseLong(retryAfter.trim());
  }

  private static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status <= 599);
  }

  private static boolean isRedirect(HttpFetcher.Response r) {
    int s = r.status();
    return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && r.location() != null;
  }

  private URI resolve(URI from, String location) {
    try {
      return from.resolve(new URI(UrlEncoding.encodeOnce(location.trim())));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.REFUSED,
          "refused a malformed redirect from " + from + " to " + location,
          from);
    }
  }

  private static FilmGrabException status(HttpFetcher.Response r, URI url) {
    String more = r.status() == 429 || r.status() >= 500 ? " after retries" : "";
    return new FilmGrabException(
        FilmGrabException.Reason.HTTP_STATUS,
        "HTTP " + r.status() + " from " + url + more,
        url.toString(),
        r.status(),
        null);
  }

  private static String str(URI url) {
    return url.toString();
  }
}
