package palette.local.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * API Gateway's throttling for the local API: one {@link TokenBucket} per route of the template's
 * HTTP API, since {@code DefaultRouteSettings} gives every route the limits on its own (a flood of
 * uploads does not stop jobs being read). A request that matches no route is not throttled; API
 * Gateway answers it 404 without a route's limits, the handler answers it here.
 */
final class RouteThrottle {
  /** The routes {@code template.yaml} gives the API function, as API Gateway names them. */
  static final List<String> ROUTES =
      List.of(
          "POST /uploads",
          "GET /jobs/{id}",
          "POST /jobs/{id}/reruns",
          "GET /filmgrab/search",
          "GET /filmgrab/film",
          "POST /filmgrab/jobs");

  private final Map<String, TokenBucket> buckets = new LinkedHashMap<>();

  RouteThrottle(ApiThrottle limits, LongSupplier nanoTime) {
    for (String route : ROUTES) {
      buckets.put(route, new TokenBucket(limits, nanoTime));
    }
  }

  /**
   * Takes a token from the route's bucket: 0 when the request may go on (or matches no route),
   * otherwise the nanoseconds until the route accepts one again.
   */
  long tryTake(String method, String path) {
    return route(method, path).map(route -> buckets.get(route).tryTake()).orElse(0L);
  }

  /** The route key a request matches, such as {@code GET /jobs/{id}}. */
  static Optional<String> route(String method, String path) {
    for (String route : ROUTES) {
      int space = route.indexOf(' ');
      if (route.substring(0, space).equals(method) && matches(route.substring(space + 1), path)) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  /** A literal path, or one whose {@code {name}} segments each match one non-empty segment. */
  private static boolean matches(String template, String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
      if (variable ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }
}
