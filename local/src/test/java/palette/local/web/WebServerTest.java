package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.core.ImageLimits;
import palette.core.PaletteOptions;

/** The local API Gateway stand-in and static host, over real HTTP. */
class WebServerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path site;
  final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
  WebServer server;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(site.resolve("index.html"), "<h1>palette</h1>");
    Files.createDirectories(site.resolve("js"));
    Files.writeString(site.resolve("js/main.js"), "export {};");
    Files.createDirectories(site.resolve("node_modules/x"));
    Files.writeString(site.resolve("node_modules/x/a.js"), "secret");
    Files.writeString(site.getParent().resolve("outside.txt"), "outside");
    server = WebServer.bind(0);
    server.serve(
        site,
        SiteSettings.of(
            "",
            PaletteOptions.defaults()
                .withLimits(new ImageLimits(PaletteOptions.defaults().limits().maxPixels(), 1234))),
        ApiThrottle.defaults(),
        (event, context) -> {
          events.add(event);
          return APIGatewayV2HTTPResponse.builder()
              .withStatusCode(201)
              .withHeaders(Map.of("content-type", "application/json", "x-test", "yes"))
              .withBody("{\"ok\":true}")
              .build();
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theOriginIsTheLoopbackUrlWithoutItsSlash() {
    assertThat(server.url().toString())
        .isEqualTo(server.origin() + "/")
        .startsWith("http://127.0.0.1:");
  }

  @Test
  void apiRequestsBecomeHttpApiVersion2Events() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.url().resolve("/uploads?x=1"))
                .header("Content-Type", "application/json")
                .header("Origin", server.origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"filename\":\"a.png\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().firstValue("x-test")).contains("yes");
    APIGatewayV2HTTPEvent event = events.get(0);
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("POST /uploads");
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("POST /uploads");
    assertThat(event.getRawPath()).isEqualTo("/uploads");
    assertThat(event.getRawQueryString()).isEqualTo("x=1");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(event.getHeaders())
        .containsEntry("content-type", "application/json")
        .containsEntry("origin", server.origin());
    assertThat(event.getBody()).isEqualTo("{\"filename\":\"a.png\"}");
    assertThat(event.getIsBase64Encoded()).isFalse();
  }

  @Test
  void binaryBodiesArriveBase64EncodedAsApiGatewaySendsThem() throws Exception {
    byte[] bytes = {0, (byte) 0xff, 10, 13};
    HTTP.send(
        HttpRequest.newBuilder(server.url().resolve("/jobs/abc"))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    APIGatewayV2HTTPEvent event = events.get(0);
    assertThat(event.getRouteKey()).as("no route is POST /jobs/{id}").isEqualTo("$default");
    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
  }

  @Test
  void theSiteIsServedWithAGeneratedConfig() throws Exception {
    assertThat(get("/").body()).isEqualTo("<h1>palette</h1>");
    HttpResponse<String> main = get("/js/main.js");
    assertThat(main.headers().firstValue("content-type"))
        .contains("text/javascript; charset=utf-8");
    String config = get("/config.js").body();
    assertThat(config)
        .startsWith("// Generated")
        .containsPattern("\"apiBase\" ?: ?\"\"")
        .containsPattern("\"maxBytes\" ?: ?\\{[^}]*\"default\" ?: ?1234");
    assertThat(events).isEmpty();
  }

  @Test
  void nothingOutsideTheSiteOrInsideNodeModulesIsServed() throws Exception {
    for (String path :
        List.of(
            "/../outside.txt", "/%2e%2e/outside.txt", "/node_modules/x/a.js", "/js/", "/nope")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("outside").doesNotContain("secret");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.origin() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
