package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import palette.core.Stopwatch;
import palette.handlers.Failure;
import palette.handlers.JobId;

/**
 * Maps an HTTP API event to a response. Client mistakes become 4xx with a readable message; a
 * storage failure becomes 503 with a generic message (its details go to the log, never to the
 * client), so no request ever sees a stack trace.
 */
final class ApiRoutes {
  private static final int MAX_BODY = 4096;

  /** A film-grab job request lists up to 24 still URLs. */
  private static final int MAX_FILMGRAB_BODY = 64 * 1024;

  private static final String JOBS = "/jobs/";
  private static final String RERUNS = "/reruns";

  private final ApiConfig config;
  private final Uploads uploads;
  private final Jobs jobs;
  private final Reruns reruns;
  private final FilmGrabRoutes filmGrab;
  private final Callers callers;

  ApiRoutes(ApiConfig config, Uploads uploads, Jobs jobs, Reruns reruns, FilmGrabRoutes filmGrab) {
    this.config = config;
    this.uploads = uploads;
    this.jobs = jobs;
    this.reruns = reruns;
    this.filmGrab = filmGrab;
    this.callers = new Callers(config.siteOrigin(), config.originSecret());
  }

  Callers callers() {
    return callers;
  }

  APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Stopwatch clock = Stopwatch.start();
    String method = method(event);
    String path = event.getRawPath() == null ? "/" : event.getRawPath();
    var headers = event.getHeaders();
    APIGatewayV2HTTPResponse response =
        callers
            .refusal(method, path, headers)
            .orElseGet(
                () ->
                    Cors.decorate(
                        callers.siteOrigin(headers),
                        Callers.header(headers, "origin"),
                        route(method, path, event)));
    log(method, path, response.getStatusCode(), clock);
    return response;
  }

  private APIGatewayV2HTTPResponse route(String method, String path, APIGatewayV2HTTPEvent event) {
    try {
      if (method.equals("OPTIONS")) {
        return Cors.preflight();
      }
      if (path.equals("/uploads")) {
        requireMethod("POST", method);
        return Responses.json(
            201, uploads.create(UploadRequest.parse(body(event, MAX_BODY), config.defaults())));
      }
      if (path.startsWith("/filmgrab/")) {
        return filmGrab(method, path, event);
      }
      if (path.startsWith(JOBS) && path.endsWith(RERUNS)) {
        requireMethod("POST", method);
        String id = path.substring(JOBS.length(), path.length() - RERUNS.length());
        return Responses.json(201, reruns.create(jobId(id), body(event, MAX_BODY)));
      }
      if (path.startsWith(JOBS) && path.indexOf('/', JOBS.length()) < 0) {
        requireMethod("GET", method);
        return Responses.json(200, jobs.status(jobId(path.substring(JOBS.length()))));
      }
      return Responses.error(404, "not_found", "There is nothing at " + method + " " + path + ".");
    } catch (ApiException e) {
      return Responses.error(e);
    } catch (RuntimeException e) {
      return unexpected(method, path, requestId(event), e);
    }
  }

  /** Logs the stack trace under the request id and answers as {@link Failure} classifies it. */
  private static APIGatewayV2HTTPResponse unexpected(
      String method, String path, String requestId, RuntimeException e) {
    Failure failure = Failure.of(e);
    System.err.println(
        "palette api: " + method + " " + path + " failed, requestId " + requestId + ":");
    e.printStackTrace();
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("error", failure.code());
    body.put("message", failure.message());
    if (!failure.retryable()) {
      body.put("requestId", requestId);
    }
    return Responses.json(failure.status(), body);
  }

  private static String requestId(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    return context == null || context.getRequestId() == null ? "" : context.getRequestId();
  }

  private APIGatewayV2HTTPResponse filmGrab(
      String method, String path, APIGatewayV2HTTPEvent event) {
    switch (path) {
      case "/filmgrab/search" -> {
        requireMethod("GET", method);
        return Responses.json(200, filmGrab.search(query(event, "q")));
      }
      case "/filmgrab/film" -> {
        requireMethod("GET", method);
        return Responses.json(200, filmGrab.film(query(event, "url")));
      }
      case "/filmgrab/jobs" -> {
        requireMethod("POST", method);
        return Responses.json(201, filmGrab.createJobs(body(event, MAX_FILMGRAB_BODY)));
      }
      default ->
          throw new ApiException(404, "not_found", "There is nothing at " + method + " " + path);
    }
  }

  /**
   * One query parameter, from the raw query string (API Gateway and the local server both set it).
   */
  private static String query(APIGatewayV2HTTPEvent event, String name) {
    String raw = event.getRawQueryString();
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return java.net.URLDecoder.decode(
              eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("invalid_query", "The query string is not URL-encoded.");
        }
      }
    }
    return null;
  }

  private static void requireMethod(String expected, String method) {
    if (!expected.equals(method)) {
      throw new ApiException(405, "method_not_allowed", "Use " + expected + " here.");
    }
  }

  private static String body(APIGatewayV2HTTPEvent event, int maxBody) {
    String body = event.getBody();
    if (body == null) {
      return null;
    }
    if (event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    if (body.length() > maxBody) {
      throw new ApiException(
          413, "body_too_large", "The request body must be under " + maxBody / 1024 + " KB.");
    }
    return body;
  }

  private static String method(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null || context.getHttp() == null || context.getHttp().getMethod() == null) {
      return "GET";
    }
    return context.getHttp().getMethod().toUpperCase(java.util.Locale.ROOT);
  }

  private static JobId jobId(String text) {
    return JobId.find(text)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "invalid_job_id",
                    "A job id is 26 letters a-z and digits 2-7; this one is not."));
  }

  private static void log(String method, String path, int status, Stopwatch clock) {
    String route =
        path.startsWith(JOBS)
            ? path.endsWith(RERUNS) ? "/jobs/{id}/reruns" : "/jobs/{id}"
            : path.length() > 64 ? "?" : path;
    // Query strings (film titles, URLs) are not logged.
    System.out.println(
        Responses.write(
            Map.of("route", method + " " + route, "status", status, "ms", clock.totalMs())));
  }
}
