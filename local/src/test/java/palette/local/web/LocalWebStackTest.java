package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.s3.Images;
import palette.local.s3.LocalStack;

/**
 * What {@code palette serve} runs, minus the browser: the web server with the real API handler, the
 * embedded S3 (SigV4 checked) and the real worker behind its notifications.
 */
class LocalWebStackTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String EVIL = "https://evil.example";

  @TempDir static Path folder;
  static WebStack running;
  static WebServer web;
  static LocalStack stack;
  static byte[] photo;

  @BeforeAll
  static void start() throws Exception {
    running = WebStack.start(folder);
    web = running.web();
    stack = running.stack();
    photo = Images.sample();
  }

  @AfterAll
  static void stop() throws Exception {
    running.close();
  }

  @Test
  void aPhotoUploadedThroughTheApiGetsItsPaletteAndLinks() throws Exception {
    Map<String, Object> created = createUpload(web.origin(), photo.length);
    assertThat(put(created, photo)).isEqualTo(200);

    Map<String, Object> job = waitForDone((String) created.get("jobId"));

    List<?> colors = (List<?>) ((Map<?, ?>) job.get("palette")).get("colors");
    assertThat(colors).hasSize(4);
    List<Map<String, Object>> files = list(job.get("files"));
    assertThat(files)
        .extracting(f -> f.get("name"))
        .contains("palette.json", "swatch.png", "replaced.png", "scatter.json");
    String paletteUrl =
        (String)
            files.stream()
                .filter(f -> f.get("name").equals("palette.json"))
                .findFirst()
                .get()
                .get("url");
    assertThat(JSON.std.mapFrom(get(paletteUrl, web.origin()).body()).get("colors"))
        .isEqualTo(colors);
  }

  @Test
  void thePagesPolicyAllowsThePresignedUrlsTheApiHandsOut() throws Exception {
    Map<String, Object> created = createUpload(web.origin(), photo.length);
    URI upload = URI.create((String) upload(created).get("url"));
    String s3 = upload.getScheme() + "://" + upload.getAuthority();
    HttpResponse<String> page = get(web.url().toString(), null);

    assertThat(page.body()).isEqualTo("<h1>palette</h1>");
    String csp = page.headers().firstValue("content-security-policy").orElseThrow();
    assertThat(csp)
        .contains("connect-src 'self' " + s3 + " " + web.origin() + ";")
        .containsPattern("img-src 'self' data: blob: " + java.util.regex.Pattern.quote(s3) + " ");
  }

  @Test
  void anotherSiteCannotCreateUploads() throws Exception {
    HttpResponse<String> response = postUploads(EVIL, photo.length);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(response.body()).contains("origin_not_allowed");
  }

  @Test
  void theEmbeddedS3AllowsOnlyTheSiteOriginToUpload() throws Exception {
    String url = (String) upload(createUpload(web.origin(), photo.length)).get("url");
    assertThat(preflight(url, web.origin())).contains(web.origin());
    assertThat(preflight(url, EVIL)).isEmpty();
  }

  @Test
  void theEmbeddedS3RefusesMoreBytesThanDeclared() throws Exception {
    Map<String, Object> created = createUpload(web.origin(), photo.length);
    byte[] bigger = java.util.Arrays.copyOf(photo, photo.length + 1000);
    int status;
    try {
      status = put(created, bigger);
    } catch (IOException e) {
      status = -1; // refused and hung up before reading the body
    }
    assertThat(status).isNotEqualTo(200);
    Map<String, Object> job = getJob((String) created.get("jobId"));
    assertThat(job.get("error")).isEqualTo("job_not_found");
  }

  static Map<String, Object> createUpload(String origin, long size) throws Exception {
    return createUpload(web, origin, size);
  }

  static Map<String, Object> createUpload(WebServer server, String origin, long size)
      throws Exception {
    HttpResponse<String> response = postUploads(server, origin, size);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.std.mapFrom(response.body());
  }

  static HttpResponse<String> postUploads(String origin, long size) throws Exception {
    return postUploads(web, origin, size);
  }

  static HttpResponse<String> postUploads(WebServer server, String origin, long size)
      throws Exception {
    String body =
        "{\"filename\":\"coffee.png\",\"contentType\":\"image/png\",\"size\":" + size + ",\"k\":4}";
    return HTTP.send(
        HttpRequest.newBuilder(server.url().resolve("/uploads"))
            .header("content-type", "application/json")
            .header("origin", origin)
            .header("x-palette-client", "page")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> upload(Map<String, Object> created) {
    return (Map<String, Object>) created.get("upload");
  }

  /**
   * PUTs {@code bytes} as the page does: the whole body at once, without asking first, on a
   * connection of its own. A refusal must still arrive as S3's answer, not as a hang-up.
   */
  static int put(Map<String, Object> created, byte[] bytes) throws Exception {
    Map<String, Object> upload = upload(created);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create((String) upload.get("url")))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    ((Map<?, ?>) upload.get("headers")).forEach((k, v) -> request.header((String) k, (String) v));
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static Map<String, Object> waitForDone(String jobId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Map<String, Object> job = getJob(jobId);
      if (!"pending".equals(job.get("status"))) {
        assertThat(job.get("status")).as(job.toString()).isEqualTo("done");
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " still pending after 60 s");
  }

  static Map<String, Object> getJob(String jobId) throws Exception {
    return JSON.std.mapFrom(get(web.url().resolve("/jobs/" + jobId).toString(), null).body());
  }

  static HttpResponse<String> get(String url, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (origin != null) {
      request.header("origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static java.util.Optional<String> preflight(String url, String origin) throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", origin)
                .header("access-control-request-method", "PUT")
                .header("access-control-request-headers", "content-type,x-amz-meta-k")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValue("access-control-allow-origin");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
