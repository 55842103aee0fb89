package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests the API must refuse with a 4xx and a readable message, never a presigned upload. */
class ApiRefusalTest {
  @RegisterExtension final S3ProxyExtension proxy = LocalS3.extension();
  ApiHandler handler;

  @BeforeEach
  void start() {
    ApiConfig config = ApiConfig.fromEnv(LocalS3.env(proxy.getUri()));
    LocalS3.prepare(config);
    handler = new ApiHandler(config, LocalS3.CREDENTIALS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"contentType\":\"image/png\",\"size\":10} | missing_filename | filename",
        "{\"filename\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":10} | unsupported_type | Only JPEG",
        "{\"filename\":\"a.svg\",\"contentType\":\"image/svg+xml\",\"size\":10} | unsupported_type | image/svg+xml",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":0} | invalid_size | was 0",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":1048577} | invalid_size | 1048576",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\"} | invalid_size | was -1",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":\"10\"} | invalid_size | whole number",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10,\"k\":0} | invalid_option | k must be between 1 and 64, was 0",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10,\"k\":65} | invalid_option | was 65",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10,\"k\":6.5} | invalid_option | k must be a whole number, was 6.5",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10,\"limit\":0} | invalid_option | limit must be between 1 and 1000",
        "{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10,\"space\":\"hsv\"} | invalid_option | space must be rgb or oklab",
        "[1,2] | invalid_json | JSON object",
        "not json | invalid_json | JSON object",
      })
  void badUploadRequestsAreRefused(String body, String code, String messagePart) throws Exception {
    APIGatewayV2HTTPEvent event = post();
    event.setBody(body);
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(400);
    Map<String, Object> error = ApiHandlerTest.body(response);
    assertThat(error).containsEntry("error", code);
    assertThat((String) error.get("message")).contains(messagePart);
    assertThat(response.getBody()).doesNotContain("\"upload\"");
  }

  @Test
  void aBase64BodyIsDecodedAsAPIGatewaySendsIt() {
    APIGatewayV2HTTPEvent event = post();
    event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes()));
    event.setIsBase64Encoded(true);
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(201);
  }

  @Test
  void anOversizedBodyIsRefused() {
    APIGatewayV2HTTPEvent event = post();
    event.setBody("{\"filename\":\"" + "a".repeat(5000) + "\"}");
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(413);
  }

  @Test
  void aCrossSiteOrHeaderlessUploadIsRefusedAndPresignsNothing() throws Exception {
    APIGatewayV2HTTPEvent crossSite = post();
    crossSite.getHeaders().put("sec-fetch-site", "cross-site");
    APIGatewayV2HTTPEvent sameSite = post();
    sameSite.getHeaders().put("sec-fetch-site", "same-site");
    APIGatewayV2HTTPEvent noClient = post();
    noClient.getHeaders().remove("origin");
    noClient.getHeaders().remove(Callers.CLIENT_HEADER);

    for (APIGatewayV2HTTPEvent event : List.of(crossSite, sameSite, noClient)) {
      APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

      assertThat(response.getStatusCode()).isEqualTo(403);
      assertThat(ApiHandlerTest.body(response).get("error"))
          .isIn("cross_site_refused", "client_header_missing");
      assertThat(response.getBody()).doesNotContain("\"upload\"");
    }
  }

  @Test
  void behindTheDistributionACallWithoutItsSecretIsRefused() throws Exception {
    Map<String, String> env = new HashMap<>(LocalS3.env(proxy.getUri()));
    env.put("ORIGIN_SECRET", "s3cr3t");
    env.put("SITE_ORIGIN", "");
    ApiHandler behind = new ApiHandler(ApiConfig.fromEnv(env), LocalS3.CREDENTIALS);
    APIGatewayV2HTTPEvent direct = post();
    direct.getHeaders().put("origin", "https://palette.example");
    direct.getHeaders().put("x-forwarded-host", "palette.example");
    APIGatewayV2HTTPEvent through = post();
    through.getHeaders().putAll(direct.getHeaders());
    through.getHeaders().put(Callers.SECRET_HEADER, "s3cr3t");
    APIGatewayV2HTTPEvent foreign = post();
    foreign.getHeaders().putAll(through.getHeaders());
    foreign.getHeaders().put("origin", "https://evil.example");

    assertThat(behind.handleRequest(direct, null).getStatusCode()).isEqualTo(403);
    assertThat(behind.handleRequest(through, null).getStatusCode()).isEqualTo(201);
    assertThat(behind.handleRequest(foreign, null).getStatusCode()).isEqualTo(403);
  }

  @Test
  void anotherOriginIsRefusedAndGetsNoCorsHeaders() throws Exception {
    for (String method : new String[] {"POST", "OPTIONS"}) {
      APIGatewayV2HTTPEvent event = post();
      event.getRequestContext().getHttp().setMethod(method);
      event.getHeaders().put("origin", "https://evil.example");
      APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
      assertThat(response.getStatusCode()).as(method).isEqualTo(403);
      assertThat(ApiHandlerTest.body(response)).containsEntry("error", "origin_not_allowed");
      assertThat(response.getHeaders()).doesNotContainKey("access-control-allow-origin");
    }
  }

  @Test
  void aPreflightFromTheSiteIsAllowed() {
    APIGatewayV2HTTPEvent event = post();
    event.getRequestContext().getHttp().setMethod("OPTIONS");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getHeaders())
        .containsEntry("access-control-allow-origin", LocalS3.SITE)
        .containsEntry("access-control-allow-headers", "content-type, x-palette-client");
  }

  @Test
  void aRequestWithoutOriginGetsNoCorsHeaders() {
    APIGatewayV2HTTPEvent event = post();
    event.getHeaders().remove("origin");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).doesNotContainKey("access-control-allow-origin");
  }

  @Test
  void unknownRoutesAndWrongMethodsAreRefused() throws Exception {
    APIGatewayV2HTTPEvent event = post();
    event.setRawPath("/admin");
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(404);
    event = post();
    event.getRequestContext().getHttp().setMethod("GET");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(ApiHandlerTest.body(response)).containsEntry("error", "method_not_allowed");
  }

  private static APIGatewayV2HTTPEvent post() {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(ApiHandlerTest.POST);
    event.setHeaders(new HashMap<>(event.getHeaders()));
    return event;
  }
}
