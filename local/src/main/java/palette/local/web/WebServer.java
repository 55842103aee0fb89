package palette.local.web;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway plus CloudFront: {@code /uploads}, {@code /jobs/} and {@code
 * /filmgrab/} go to the real API handler as HTTP API events, everything else is the page, read from
 * its bucket with the template's response headers ({@link SiteOrigin}). One origin for both, so the
 * page needs no CORS to reach its API, exactly as when the API is mapped under the site's domain;
 * the handler still checks the origin as in AWS.
 */
public final class WebServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final URI url;
  private volatile PublishedSite site;

  private WebServer(HttpServer server, ExecutorService threads, URI url) {
    this.server = server;
    this.threads = threads;
    this.url = url;
  }

  /**
   * Binds to {@code port} on the loopback address (0 picks a free one) without serving yet, so the
   * origin is known before the services that must allow it (S3's CORS, the API) are built.
   */
  public static WebServer bind(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new WebServer(server, Executors.newFixedThreadPool(8), url);
  }

  /**
   * Starts serving the page from its bucket as CloudFront does and the API through {@code api},
   * each API route throttled to {@code limits}.
   */
  public WebServer serve(
      PublishedSite site,
      ApiThrottle limits,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api) {
    this.site = site;
    ApiBridge bridge =
        new ApiBridge(
            api,
            new ClientLimit(
                limits.perClient(), ApiThrottle.CLIENT_WINDOW.toNanos(), System::nanoTime),
            new RouteThrottle(limits, System::nanoTime));
    server.createContext("/uploads", bridge);
    server.createContext("/jobs/", bridge);
    server.createContext("/filmgrab/", bridge);
    server.createContext("/", new SiteOrigin(site));
    server.setExecutor(threads);
    server.start();
    return this;
  }

  /** The page's address, for example {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url;
  }

  /** The origin the API handler accepts, the URL without its trailing slash. */
  public String origin() {
    String text = url.toString();
    return text.substring(0, text.length() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    if (site != null) {
      site.s3().close();
    }
  }
}
