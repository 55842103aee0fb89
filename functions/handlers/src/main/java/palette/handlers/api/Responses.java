package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import palette.handlers.Json;

/** Builds the HTTP API responses: JSON bodies, never cached, errors as {@code {error, message}}. */
final class Responses {
  private Responses() {}

  static APIGatewayV2HTTPResponse json(int status, Map<String, ?> body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(write(body))
        .build();
  }

  static APIGatewayV2HTTPResponse error(int status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return json(status, body);
  }

  static APIGatewayV2HTTPResponse error(ApiException e) {
    return error(e.status(), e.code(), e.getMessage());
  }

  static APIGatewayV2HTTPResponse empty(int status) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(new LinkedHashMap<>(Map.of("cache-control", "no-store")))
        .build();
  }

  static String write(Map<String, ?> body) {
    return Json.write(body);
  }
}
