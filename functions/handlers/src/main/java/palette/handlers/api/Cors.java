package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * Cross-origin rules: only the configured site origin may call the API from a browser. A request
 * whose {@code Origin} is another site is refused outright (403), not merely left without CORS
 * headers, so no other page can even create uploads with a visitor's browser. In AWS the HTTP API's
 * own CORS configuration answers preflights with the same rule; locally this class does.
 */
final class Cors {
  private final String siteOrigin;

  Cors(String siteOrigin) {
    this.siteOrigin = siteOrigin;
  }

  /** The request's origin if it is a foreign one, which the caller must refuse. */
  boolean isForeign(Map<String, String> headers) {
    String origin = origin(headers);
    return origin != null && !origin.equals(siteOrigin);
  }

  /** Answer to an {@code OPTIONS} preflight from the site origin. */
  APIGatewayV2HTTPResponse preflight() {
    APIGatewayV2HTTPResponse response = Responses.empty(204);
    response.getHeaders().put("access-control-allow-methods", "GET, POST, OPTIONS");
    response.getHeaders().put("access-control-allow-headers", "content-type");
    response.getHeaders().put("access-control-max-age", "600");
    return response;
  }

  /** Adds the allow-origin header when the request came from the site origin. */
  APIGatewayV2HTTPResponse decorate(
      Map<String, String> headers, APIGatewayV2HTTPResponse response) {
    if (siteOrigin.equals(origin(headers))) {
      response.getHeaders().put("access-control-allow-origin", siteOrigin);
      response.getHeaders().put("vary", "Origin");
    }
    return response;
  }

  private static String origin(Map<String, String> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("origin")) {
        return header.getValue();
      }
    }
    return null;
  }
}
