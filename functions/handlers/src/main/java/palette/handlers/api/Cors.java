package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Cross-origin answers for the site's own origin. In AWS the page reaches the API through its own
 * distribution, so the browser needs none of this and the HTTP API has no CORS configuration;
 * locally and for a page served elsewhere, this answers preflights and marks responses readable by
 * the site. Who may call at all is {@link Callers}' decision, made first.
 */
final class Cors {
  private Cors() {}

  /** Answer to an {@code OPTIONS} preflight from the site origin. */
  static APIGatewayV2HTTPResponse preflight() {
    APIGatewayV2HTTPResponse response = Responses.empty(204);
    response.getHeaders().put("access-control-allow-methods", "GET, POST, OPTIONS");
    response
        .getHeaders()
        .put("access-control-allow-headers", "content-type, " + Callers.CLIENT_HEADER);
    response.getHeaders().put("access-control-max-age", "600");
    return response;
  }

  /** Adds the allow-origin header when the request came from the site origin. */
  static APIGatewayV2HTTPResponse decorate(
      String siteOrigin, String origin, APIGatewayV2HTTPResponse response) {
    if (!siteOrigin.isEmpty() && siteOrigin.equals(origin)) {
      response.getHeaders().put("access-control-allow-origin", siteOrigin);
      response.getHeaders().put("vary", "Origin");
    }
    return response;
  }
}
