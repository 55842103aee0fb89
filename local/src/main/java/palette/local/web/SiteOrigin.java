package palette.local.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Serves the page as the template's distribution does: every GET or HEAD is an origin fetch of the
 * object from the site bucket ({@code index.html} for {@code /}, the {@code DefaultRootObject}),
 * answered with the object's stored {@code Content-Type} and {@code Cache-Control} and the response
 * headers policy ({@link SiteHeaders}). So the page is tried as {@code publish-site} uploads it,
 * not as it lies in the checkout. S3's 403 or 404 becomes a 404 page.
 */
final class SiteOrigin implements HttpHandler {
  static final String ROOT_OBJECT = "index.html";
  private static final byte[] NOT_FOUND = "Not found\n".getBytes(StandardCharsets.UTF_8);

  private final S3Client s3;
  private final String bucket;
  private final SiteHeaders policy;

  SiteOrigin(PublishedSite site) {
    this.s3 = site.s3();
    this.bucket = site.bucket();
    this.policy = site.headers();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      policy.headers().forEach(exchange.getResponseHeaders()::set);
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Optional<String> key = key(exchange.getRequestURI().getPath());
      if (key.isEmpty()) {
        reply(exchange, 404, "text/plain; charset=utf-8", null, NOT_FOUND);
        return;
      }
      fetch(exchange, key.get());
    }
  }

  private void fetch(HttpExchange exchange, String key) throws IOException {
    try {
      if (exchange.getRequestMethod().equals("HEAD")) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        reply(exchange, 200, head.contentType(), head.cacheControl(), null);
      } else {
        ResponseBytes<GetObjectResponse> object =
            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        GetObjectResponse response = object.response();
        reply(exchange, 200, response.contentType(), response.cacheControl(), object.asByteArray());
      }
    } catch (SdkException e) {
      boolean missing =
          e instanceof S3Exception s3e && (s3e.statusCode() == 403 || s3e.statusCode() == 404);
      reply(
          exchange,
          missing ? 404 : 502,
          "text/plain; charset=utf-8",
          null,
          missing ? NOT_FOUND : "Bad gateway\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The object key for a request path; none for a folder or a path with empty, {@code .} or {@code
   * ..} segments, which name no published object.
   */
  static Optional<String> key(String path) {
    if (path == null || path.equals("/")) {
      return Optional.of(ROOT_OBJECT);
    }
    String key = path.substring(1);
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(key);
  }

  /** Sends the answer; {@code body} null means none (HEAD). */
  private static void reply(
      HttpExchange exchange, int status, String type, String cacheControl, byte[] body)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    if (type != null) {
      headers.set("content-type", type);
    }
    if (cacheControl != null) {
      headers.set("cache-control", cacheControl);
    }
    boolean none = exchange.getRequestMethod().equals("HEAD") || body == null || body.length == 0;
    exchange.sendResponseHeaders(status, none ? -1 : body.length);
    if (!none) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
