package palette.filmgrab;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the client talks to film-grab.com: where, how politely and within which limits. The defaults
 * are the polite ones (one request per second per host, 5 MB pages, 30 MB images); the base URL
 * exists so tests can point the client at a local server, which is the only origin that may use
 * plain http or an IP address.
 *
 * @param minInterval the least time between two requests to the same host
 * @param maxAttempts tries per request when the answer is 429, a 5xx or a reset connection
 * @param transferDeadline the longest one response may take, so a server that drips bytes ends
 * @param maxStills the most stills a gallery may list before the page is refused as hostile
 */
public record FilmGrabConfig(
    URI baseUrl,
    Set<String> allowedHosts,
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration transferDeadline,
    Duration minInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxRedirects,
    long maxPageBytes,
    long maxImageBytes,
    int maxStills) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://film-grab.com/");
  public static final Set<String> DEFAULT_HOSTS = Set.of("film-grab.com", "www.film-grab.com");
  public static final String DEFAULT_USER_AGENT =
      "palette-filmgrab/1.0 (colour palettes from film stills; one request per second)";

  public FilmGrabConfig {
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    baseUrl = HostPolicy.validateBaseUrl(baseUrl);
    Objects.requireNonNull(allowedHosts, "allowedHosts must not be null");
    allowedHosts = normalizeHosts(allowedHosts);
    if (!HostPolicy.isLocalBase(baseUrl)
        && !allowedHosts.contains(baseUrl.getHost().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "baseUrl host must be one of allowedHosts " + allowedHosts + ", was " + baseUrl);
    }
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    positive("transferDeadline", transferDeadline);
    notNegative("minInterval", minInterval);
    notNegative("initialBackoff", initialBackoff);
    notNegative("maxBackoff", maxBackoff);
    range("maxAttempts", maxAttempts, 1, 10);
    range("maxRedirects", maxRedirects, 0, 20);
    range("maxStills", maxStills, 1, 100_000);
    if (maxPageBytes < 1) {
      throw new IllegalArgumentException("maxPageBytes must be at least 1, was " + maxPageBytes);
    }
    if (maxImageBytes < 1) {
      throw new IllegalArgumentException("maxImageBytes must be at least 1, was " + maxImageBytes);
    }
  }

  public static FilmGrabConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static Set<String> normalizeHosts(Set<String> hosts) {
    Set<String> result = new TreeSet<>();
    for (String host : hosts) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("allowedHosts must not contain a blank host");
      }
      result.add(host.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(result);
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  /** Changes a few settings and keeps the rest; {@link #build()} validates. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private Set<String> allowedHosts = DEFAULT_HOSTS;
    private String userAgent = DEFAULT_USER_AGENT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration transferDeadline = Duration.ofSeconds(120);
    private Duration minInterval = Duration.ofSeconds(1);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private int maxRedirects = 5;
    private long maxPageBytes = 5L * 1024 * 1024;
    private long maxImageBytes = 30L * 1024 * 1024;
    private int maxStills = 500;

    private Builder() {}

    private Builder(FilmGrabConfig c) {
      baseUrl = c.baseUrl;
      allowedHosts = c.allowedHosts;
      userAgent = c.userAgent;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      transferDeadline = c.transferDeadline;
      minInterval = c.minInterval;
      maxAttempts = c.maxAttempts;
      initialBackoff = c.initialBackoff;
      maxBackoff = c.maxBackoff;
      maxRedirects = c.maxRedirects;
      maxPageBytes = c.maxPageBytes;
      maxImageBytes = c.maxImageBytes;
      maxStills = c.maxStills;
    }

    public Builder baseUrl(URI value) {
      baseUrl = value;
      return this;
    }

    public Builder allowedHosts(Set<String> value) {
      allowedHosts = value;
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = value;
      return this;
    }

    public Builder timeouts(Duration connect, Duration read, Duration transfer) {
      connectTimeout = connect;
      readTimeout = read;
      transferDeadline = transfer;
      return this;
    }

    public Builder minInterval(Duration value) {
      minInterval = value;
      return this;
    }

    public Builder retries(int attempts, Duration initial, Duration max) {
      maxAttempts = attempts;
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    public Builder maxRedirects(int value) {
      maxRedirects = value;
      return this;
    }

    public Builder sizeLimits(long pageBytes, long imageBytes) {
      maxPageBytes = pageBytes;
      maxImageBytes = imageBytes;
      return this;
    }

    public Builder maxStills(int value) {
      maxStills = value;
      return this;
    }

    public FilmGrabConfig build() {
      return new FilmGrabConfig(
          baseUrl,
          allowedHosts,
          userAgent,
          connectTimeout,
          readTimeout,
          transferDeadline,
          minInterval,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          maxRedirects,
          maxPageBytes,
          maxImageBytes,
          maxStills);
    }
  }
}
