package palette.local.web;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Plays API Gateway (and the web ACL in front of it) for the real API handler: request in as an
 * event, response out as HTTP. First the per-client rule ({@link ClientLimit}, by the connection's
 * IP, as WAF sees the viewer's), then each route's throttle, as API Gateway does: a refused request
 * gets 429 and never reaches the handler, so it creates nothing.
 */
final class ApiBridge implements HttpHandler {
  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
  private final ClientLimit clients;
  private final RouteThrottle throttle;

  ApiBridge(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      ClientLimit clients,
      RouteThrottle throttle) {
    this.handler = handler;
    this.clients = clients;
    this.throttle = throttle;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long wait = clients.tryTake(exchange.getRemoteAddress().getAddress().getHostAddress());
      if (wait == 0) {
        wait = throttle.tryTake(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      }
      if (wait > 0) {
        send(exchange, 429, throttledHeaders(wait), throttled());
        return;
      }
      APIGatewayV2HTTPResponse response;
      try {
        response = handler.handleRequest(HttpApiEvents.from(exchange), null);
      } catch (IOException e) {
        send(exchange, 413, Map.of("content-type", "application/json"), tooLarge());
        return;
      }
      send(exchange, response.getStatusCode(), response.getHeaders(), body(response));
    }
  }

  private static byte[] body(APIGatewayV2HTTPResponse response) {
    if (response.getBody() == null) {
      return new byte[0];
    }
    return response.getIsBase64Encoded()
        ? Base64.getDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code Retry-After} in whole seconds, at least 1, rounded up so a client waits long enough. */
  static Map<String, String> throttledHeaders(long waitNanos) {
    long seconds = waitNanos / 1_000_000_000L + (waitNanos % 1_000_000_000L == 0 ? 0 : 1);
    seconds = Math.max(1, seconds);
    return Map.of("content-type", "application/json", "retry-after", Long.toString(seconds));
  }

  private static byte[] throttled() {
    return ("{\"error\":\"throttled\","
            + "\"message\":\"Too many requests; slow down and try again in a moment.\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tooLarge() {
    return "{\"error\":\"body_too_large\",\"message\":\"The request body is too large.\"}"
        .getBytes(StandardCharsets.UTF_8);
  }

  static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    if (headers != null) {
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
    boolean empty = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
