package palette.filmgrab;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GET with manners and guards: every URL (the first and each redirect target) passes the {@link
 * HostPolicy} and its host's robots.txt (read once per instance, so once per run or container,
 * whose Crawl-delay slows the pace when it asks for more than ours); requests to a host are spaced
 * by the {@link RateLimiter}; 429, 5xx and reset connections are retried with exponential backoff
 * (honouring Retry-After up to the cap); a bot check is reported at once and never retried; a
 * timeout is reported at once, since a slow server usually stays slow.
 */
final class PoliteHttp {
  /** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt. */
  private static final long ROBOTS_BYTES = 512 * 1024;

  private final FilmGrabConfig config;
  private final HostPolicy policy;
  private final RateLimiter limiter;
  private final HttpFetcher fetcher;
  private final String product;
  private final Map<String, RobotsTxt> robots = new HashMap<>();

  PoliteHttp(FilmGrabConfig config, HostPolicy policy) {
    this.config = config;
    this.policy = policy;
    this.limiter = new RateLimiter(config.minInterval());
    this.fetcher = new HttpFetcher(config);
    this.product = RobotsTxt.productToken(config.userAgent());
  }

  HostPolicy policy() {
    return policy;
  }

  /** Blocks until the next request to any host would keep the pace (see {@link RateLimiter}). */
  void awaitPace() {
    limiter.awaitPace();
  }

  /** The body of a 200 response for {@code url} after following allowed redirects. */
  HttpFetcher.Response get(URI url, long maxBytes, String kind) {
    return get(url, maxBytes, kind, Validators.NONE);
  }

  /**
   * As {@link #get(URI, long, String)}, but conditional when {@code known} has validators: the
   * answer is then a 200 with a body, or a 304 without one (the copy the caller has is current).
   */
  HttpFetcher.Response get(URI url, long maxBytes, String kind, Validators known) {
    return follow(url, maxBytes, kind, known, true);
  }

  private HttpFetcher.Response follow(
      URI url, long maxBytes, String kind, Validators known, boolean obeyRobots) {
    URI current = policy.check(url);
    for (int redirects = 0; ; redirects++) {
      if (obeyRobots && !robotsFor(current).allows(current)) {
        throw FilmGrabException.of(
            FilmGrabException.Reason.DISALLOWED,
            current.getHost() + "'s robots.txt asks automated clients not to fetch " + current,
            current);
      }
      HttpFetcher.Response response = withRetries(current, maxBytes, kind, known);
      if (BotCheck.refuses(response)) {
        throw BotCheck.blocked(current, response.status());
      }
      if (response.status() == 200 || (response.status() == 304 && known.any())) {
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

  /**
   * The robots.txt of {@code url}'s origin, fetched on first use. A 4xx means there is none (all
   * allowed, RFC 9309 2.3.1.3); a 5xx or network failure escapes as a transient failure, since the
   * RFC has a crawler assume everything disallowed while robots.txt is unreachable.
   */
  private synchronized RobotsTxt robotsFor(URI url) {
    String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
    RobotsTxt found = robots.get(origin);
    if (found == null) {
      found = fetchRobots(URI.create(origin + "/robots.txt"));
      limiter.atLeast(url.getHost(), found.crawlDelay());
      robots.put(origin, found);
    }
    return found;
  }

  private RobotsTxt fetchRobots(URI url) {
    try {
      byte[] body = follow(url, ROBOTS_BYTES, "robots", Validators.NONE, false).body();
      return RobotsTxt.parse(new String(body, StandardCharsets.UTF_8), product);
    } catch (FilmGrabException e) {
      if (e.reason() == FilmGrabException.Reason.HTTP_STATUS && e.status() < 500) {
        return RobotsTxt.ALLOW_ALL;
      }
      throw e;
    }
  }

  private HttpFetcher.Response withRetries(URI url, long maxBytes, String kind, Validators known) {
    policy.checkAddresses(url);
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= config.maxAttempts();
      limiter.acquire(url.getHost());
      try {
        HttpFetcher.Response response = fetcher.get(url, maxBytes, kind, known);
        if (last || !retryable(response.status()) || BotCheck.refuses(response)) {
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
