package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local API Gateway and CloudFront stand-in, over real HTTP: the page comes from the site
 * bucket of a local stack, published from a folder, with the response headers policy.
 */
class WebServerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  static final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
  static LocalStack stack;
  static WebServer server;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    site = Files.createDirectories(folder.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>palette</h1>");
    Files.createDirectories(site.resolve("js"));
    Files.writeString(site.resolve("js/main.js"), "export {};");
    Files.createDirectories(site.resolve("node_modules/x"));
    Files.writeString(site.resolve("node_modules/x/a.js"), "secret");
    Files.writeString(folder.resolve("outside.txt"), "outside");
    server = WebServer.bind(0);
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder.resolve("s3"))
                .withCorsOrigin(server.origin())
                .withEnv(Map.of("MAX_BYTES", "1234"))
                .withLog(new PrintStream(OutputStream.nullOutputStream())));
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    server.serve(
        PublishedSite.publish(stack, site, server.origin(), quiet),
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

  @BeforeEach
  void forgetEvents() {
    events.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    stack.close();
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
                .header("x-palette-client", "page")
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
  void thePageComesFromItsBucketWithTheStoredTypeCacheControlAndAGeneratedConfig()
      throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).isEqualTo("<h1>palette</h1>");
    assertThat(index.headers().firstValue("cache-control")).contains("no-cache");
    HttpResponse<String> main = get("/js/main.js");
    assertThat(main.headers().firstValue("content-type").map(t -> t.replace(" ", "")))
        .contains("text/javascript;charset=utf-8");
    assertThat(main.headers().firstValue("cache-control")).contains("public, max-age=300");
    String config = get("/config.js").body();
    assertThat(config)
        .startsWith("// Generated")
        .containsPattern("\"apiBase\" ?: ?\"\"")
        .containsPattern("\"maxBytes\" ?: ?\\{[^}]*\"default\" ?: ?1234");
    assertThat(events).isEmpty();
  }

  @Test
  void whatIsServedIsTheBucketsObjectNotTheFoldersFile() throws Exception {
    Files.writeString(site.resolve("late.js"), "written after publishing");
    try (S3Client s3 = stack.client()) {
      s3.putObject(
          b ->
              b.bucket(PublishedSite.BUCKET)
                  .key("js/other.js")
                  .contentType("text/plain")
                  .cacheControl("max-age=7"),
          RequestBody.fromString("from the bucket"));
    }

    assertThat(get("/late.js").statusCode()).isEqualTo(404);
    HttpResponse<String> other = get("/js/other.js");
    assertThat(other.body()).isEqualTo("from the bucket");
    assertThat(other.headers().firstValue("content-type")).contains("text/plain");
    assertThat(other.headers().firstValue("cache-control")).contains("max-age=7");
  }

  @Test
  void everyAnswerOfTheSiteCarriesTheResponseHeadersPolicyButNoHstsOverHttp() throws Exception {
    Map<String, String> policy =
        SiteHeaders.local(stack.endpoint(), server.origin(), null).headers();
    assertThat(policy).containsKey("content-security-policy").hasSize(4);
    for (String path : List.of("/", "/js/main.js", "/config.js", "/nope")) {
      HttpResponse<String> response = get(path);
      policy.forEach(
          (name, value) ->
              assertThat(response.headers().firstValue(name))
                  .as(path + " " + name)
                  .contains(value));
      assertThat(response.headers().firstValue("strict-transport-security")).isEmpty();
    }
    assertThat(policy.get("content-security-policy"))
        .contains("connect-src 'self' " + stack.endpoint() + " " + server.origin());
  }

  @Test
  void headAnswersWithTheHeadersAndNoBodyAndOtherMethodsAreRefused() throws Exception {
    HttpResponse<String> head =
        HTTP.send(
            HttpRequest.newBuilder(server.url())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(head.headers().firstValue("content-security-policy")).isPresent();

    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(server.url().resolve("/index.html"))
                .PUT(HttpRequest.BodyPublishers.ofString("defaced"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(get("/").body()).isEqualTo("<h1>palette</h1>");
  }

  @Test
  void nothingOutsideThePublishedPageIsServed() throws Exception {
    for (String path :
        List.of(
            "/../outside.txt",
            "/%2e%2e/outside.txt",
            "/node_modules/x/a.js",
            "/js/",
            "/js//main.js",
            "/nope")) {
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
