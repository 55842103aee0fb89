package palette.local.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event API Gateway's HTTP API sends a Lambda function (payload
 * format 2.0, route key of the template's route it matches, such as {@code POST /uploads}, else
 * {@code $default}): lower-case headers with repeated values joined by commas, the raw path and
 * query, and a text body, or base64 for anything that is not text.
 */
final class HttpApiEvents {
  private static final int MAX_BODY = 1024 * 1024;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private HttpApiEvents() {}

  static APIGatewayV2HTTPEvent from(HttpExchange exchange) throws IOException {
    Map<String, String> headers = headers(exchange);
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    byte[] body = read(exchange.getRequestBody());
    boolean text = isText(headers.get("content-type"));
    String routeKey = RouteThrottle.route(exchange.getRequestMethod(), path).orElse("$default");
    Instant now = Instant.now();
    var http =
        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
            .withMethod(exchange.getRequestMethod())
            .withPath(path)
            .withProtocol(exchange.getProtocol())
            .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
            .withUserAgent(headers.getOrDefault("user-agent", ""))
            .build();
    var context =
        APIGatewayV2HTTPEvent.RequestContext.builder()
            .withAccountId("000000000000")
            .withApiId("local")
            .withDomainName(headers.getOrDefault("host", "localhost"))
            .withDomainPrefix("local")
            .withHttp(http)
            .withRequestId(UUID.randomUUID().toString())
            .withRouteKey(routeKey)
            .withStage("$default")
            .withTime(TIME.format(now))
            .withTimeEpoch(now.toEpochMilli())
            .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withRawQueryString(query == null ? "" : query)
        .withHeaders(headers)
        .withRequestContext(context)
        .withBody(body.length == 0 ? null : encode(body, text))
        .withIsBase64Encoded(body.length > 0 && !text)
        .build();
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
    }
    return headers;
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("request body over " + MAX_BODY + " bytes");
    }
    return body;
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("x-www-form-urlencoded");
  }

  private static String encode(byte[] body, boolean text) {
    return text
        ? new String(body, StandardCharsets.UTF_8)
        : Base64.getEncoder().encodeToString(body);
  }
}
