package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Before SnapStart takes its snapshot, answers one {@code POST /uploads} in memory, so the snapshot
 * holds the routing, validation, JSON and SigV4 presigning code already loaded. Presigning is pure
 * computation; no request leaves the function, so no connection is frozen.
 */
final class ApiPriming implements Resource {
  private final ApiRoutes routes;

  ApiPriming(ApiRoutes routes) {
    this.routes = routes;
  }

  /** Registers for the checkpoint; the caller keeps the instance (the context holds it weakly). */
  ApiPriming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: the presigner resolves credentials on every request.
  }

  /** One upload request end to end; returns the response so tests can see it really ran. */
  APIGatewayV2HTTPResponse prime() {
    Map<String, String> headers = new java.util.LinkedHashMap<>(routes.callers().pageHeaders());
    headers.put("content-type", "application/json");
    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build();
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRawPath("/uploads")
            .withHeaders(headers)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build())
            .withBody(
                "{\"filename\":\"priming.png\",\"contentType\":\"image/png\",\"size\":1,\"k\":6}")
            .build();
    return routes.handle(event);
  }
}
