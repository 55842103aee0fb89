package palette.local.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves {@code site/} as any static host would, plus the {@code config.js} that publish-site would
 * write for this deployment ({@link SiteSettings}). Paths that leave the folder, hidden files and
 * folders are 404.
 */
final class StaticSite implements HttpHandler {

  private final Path root;
  private final byte[] config;

  StaticSite(Path root, SiteSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.config = settings.toModule().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ApiBridge.send(exchange, 405, Map.of("allow", "GET, HEAD"), new byte[0]);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/config.js")) {
        reply(exchange, 200, SitePublisher.contentType("config.js"), config);
        return;
      }
      Path file = resolve(path.endsWith("/") ? path + "index.html" : path);
      if (file == null) {
        reply(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "Not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      reply(
          exchange,
          200,
          SitePublisher.contentType(file.getFileName().toString()),
          Files.readAllBytes(file));
    }
  }

  private Path resolve(String path) {
    Path file = root.resolve(path.substring(1)).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return null;
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".") || part.toString().equals("node_modules")) {
        return null;
      }
    }
    return file;
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("content-type", type);
    headers.set("cache-control", "no-cache");
    headers.set("x-content-type-options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }
}
