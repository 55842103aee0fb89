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
import javax.imageio.ImageIO;

/**
 * A local stand-in for film-grab.com on 127.0.0.1: serves the HTML fixtures under {@code site/}
 * (their {@code https://film-grab.com/} links rewritten to this server), generates a small JPEG for
 * every {@code /wp-content/uploads/…jpg}, answers {@code /?s=} from {@code site/search/}, and lets
 * a test replace any path with its own (hostile) handler. Records every request.
 */
public final class FakeFilmGrab implements AutoCloseable {
  /** One request as the server saw it. */
  public record Request(long nanoTime, String path, String query, String userAgent) {}

  private static final String SITE = "https://film-grab.com/";
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

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

  public List<Request> requests() {
    return List.copyOf(requests);
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
            exchange.getRequestHeaders().getFirst("User-Agent")));
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
      send(exchange, 200, "image/jpeg", still(path));
    } else {
      byte[] page = resource("site" + path + (path.endsWith("/") ? "index.html" : "/index.html"));
      if (page == null) {
        send(exchange, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, "text/html; charset=UTF-8", rewrite(page));
      }
    }
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
