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

/** Plays API Gateway for the real API handler: request in as an event, response out as HTTP. */
final class ApiBridge implements HttpHandler {
  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

  ApiBridge(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
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
