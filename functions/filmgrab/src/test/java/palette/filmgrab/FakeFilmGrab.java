package palette.filmgrab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A local stand-in for film-grab.com on 127.0.0.1: serves the HTML fixtures under {@code site/}
 * (their {@code https://film-grab.com/} links rewritten to this server), generates a small JPEG for
 * every {@code /wp-content/uploads/…jpg} with an ETag and Last-Modified (and a 304 to a request
 * that sends them back), answers {@code /?s=} from {@code site/search/}, has no robots.txt until a
 * test gives it one, and lets a test replace any path with its own (hostile) handler, such as the
 * bot check of {@link #challenge}. Records every request.
 */
public final class FakeFilmGrab implements AutoCloseable {
  /**
   * One request as the server saw it.
   *
   * @param conditional whether it carried If-None-Match or If-Modified-Since
   */
  public record Request(
      long nanoTime, String path, String query, String userAgent, boolean conditional) {}

  /** The Last-Modified of every generated still. */
  public static final String LAST_MODIFIED = "Tue, 24 Jan 2023 10:00:00 GMT";

  /** The start of a Cloudflare challenge page, as its markers appear on the real thing. */
  public static final String CHALLENGE_PAGE =
      "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
          + "<meta name=\"robots\" content=\"noindex,nofollow\"></head><body>"
          + "<div class=\"main-wrapper\" role=\"main\"><h1>film-grab.com</h1>"
          + "<p>Checking your browser before accessing film-grab.com.</p>"
          + "<script>window._cf_chl_opt={cType:'managed'};</script>"
          + "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script>"
          + "</div></body></html>";

  private static final String SITE = "https://film-grab.com/";
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger notModified = new AtomicInteger();

  private FakeFilmGrab() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeFilmGrab start() throws IOException {
    return new FakeFilmGrab();
  }

  /** Runs the fake site until killed, for trying the command by hand; prints its base URL. */
  public static void main(String[] args) throws IOException {
    System.out.println(start().baseUrl());
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** A client configuration for this server: no spacing and short backoffs, so tests are fast. */
  public FilmGrabConfig.Builder config() {
    return FilmGrabConfig.builder()
        .baseUrl(baseUrl())
        .minInterval(Duration.ZERO)
        .retries(3, Duration.ofMillis(10), Duration.ofMillis(50));
  }

  /** Serves {@code path} (decoded, without query) with {@code handler} instead of the fixtures. */
  public void route(String path, HttpHandler handler) {
    routes.put(path, handler);
  }

  /**
   * Makes {@code path} ({@code "/"} for the search) answer with a bot check: a 403 or 503 with
   * {@code cf-mitigated: challenge}, or a 200 "Just a moment..." interstitial.
   */
  public void challenge(String path, int status) {
    route(
        path,
        exchange -> {
          if (status != 200) {
            exchange.getResponseHeaders().set("cf-mitigated", "challenge");
          }
          send(exchange, status, "text/html; charset=UTF-8", bytes(CHALLENGE_PAGE));
        });
  }

  /** Serves {@code text} as /robots.txt. */
  public void robots(String text) {
    route("/robots.txt", exchange -> send(exchange, 200, "text/plain", bytes(text)));
  }

  /** How many still requests were answered 304 Not Modified. */
  public int notModified() {
    return notModified.get();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests for anything but /robots.txt, which a client reads once before the first. */
  public List<Request> requestsBesidesRobots() {
    return requests.stream().filter(r -> !r.path().equals("/robots.txt")).toList();
  }

  /** How many requests had a path starting with {@code prefix}. */
  public long count(String prefix) {
    return requests.stream().filter(r -> r.path().startsWith(prefix)).count();
  }

  /** The bytes this server sends for an image path: a 48×27 JPEG of a colour the path picks. */
  public static byte[] still(String path) {
    BufferedImage image = new BufferedImage(48, 27, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(path.hashCode() & 0xffffff));
    g.fillRect(0, 0, 48, 27);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getPath();
    requests.add(
        new Request(
            System.nanoTime(),
            path,
            uri.getRawQuery(),
            exchange.getRequestHeaders().getFirst("User-Agent"),
            exchange.getRequestHeaders().containsKey("If-None-Match")
                || exchange.getRequestHeaders().containsKey("If-Modified-Since")));
    HttpHandler route = routes.get(path);
    if (route != null) {
      route.handle(exchange);
      return;
    }
    String query = uri.getQuery();
    if (path.equals("/") && query != null && query.startsWith("s=")) {
      byte[] page = resource("site/search/" + slug(query.substring(2)) + ".html");
      if (page == null) {
        page = resource("site/search/nothing-found.html");
      }
      send(exchange, 200, "text/html; charset=UTF-8", rewrite(page));
    } else if (path.startsWith("/wp-content/uploads/")
        && path.toLowerCase(Locale.ROOT).endsWith(".jpg")) {
      sendStill(exchange, path);
    } else {
      byte[] page = resource("site" + path + (path.endsWith("/") ? "index.html" : "/index.html"));
      if (page == null) {
        send(exchange, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, "text/html; charset=UTF-8", rewrite(page));
      }
    }
  }

  private void sendStill(HttpExchange exchange, String path) throws IOException {
    String etag = "\"" + Integer.toHexString(path.hashCode()) + "\"";
    exchange.getResponseHeaders().set("ETag", etag);
    exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    send(exchange, 200, "image/jpeg", still(path));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] rewrite(byte[] page) {
    String html = new String(page, StandardCharsets.UTF_8);
    return html.replace(SITE, baseUrl().toString()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws UncheckedIOException {
    try (InputStream in = FakeFilmGrab.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String slug(String query) {
    return query.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Sends a complete response with a Content-Length. */
  public static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
