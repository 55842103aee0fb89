package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.s3.Images;
import palette.local.s3.LocalStack;
import palette.local.s3.ObjectCreated;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The findings of the security review, each replayed against what {@code palette serve} runs (web
 * server, real API handler, the local S3 with S3's rules, the worker behind notifications): a
 * replayed presigned PUT, a repeated event while a reader polls, unsigned metadata headers, reads
 * of folder keys, and one client flooding the API while another uses it.
 */
class AbuseTest {
  static final int PER_CLIENT = 20;
  static final HttpClient HTTP = HttpClient.newHttpClient();

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
  void aReplayedUploadIsRefusedAndTheResultsNeverChangeNorVanish() throws Exception {
    Map<String, Object> created = LocalWebStackTest.createUpload(web, web.origin(), photo.length);
    String jobId = (String) created.get("jobId");
    String key = (String) created.get("key");
    assertThat(LocalWebStackTest.put(created, photo)).isEqualTo(200);
    Map<String, Object> done = waitForDone(jobId);
    Instant committed = marker(key).lastModified();

    byte[] other = photo.clone();
    other[other.length / 2] ^= 0x55; // other bytes of the same length
    for (int i = 0; i < 5; i++) {
      assertThat(LocalWebStackTest.put(created, other)).isEqualTo(412);
    }

    // S3 delivers events at least once: the same event again, while a reader polls
    AtomicBoolean polling = new AtomicBoolean(true);
    List<Integer> statuses = new ArrayList<>();
    List<Object> palettes = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (polling.get()) {
                try {
                  HttpResponse<String> job = getJob(jobId);
                  statuses.add(job.statusCode());
                  palettes.add(JSON.std.mapFrom(job.body()).get("palette"));
                } catch (Exception e) {
                  statuses.add(-1);
                }
              }
            });
    reader.start();
    HeadObjectResponse input =
        stack.client().headObject(b -> b.bucket(LocalStack.INPUT_BUCKET).key(key));
    for (int i = 0; i < 3; i++) {
      stack
          .invoker()
          .invoke(
              new ObjectCreated(
                      "ObjectCreated:Put",
                      LocalStack.INPUT_BUCKET,
                      key,
                      input.contentLength(),
                      input.eTag(),
                      Instant.now())
                  .toEventJson(palette.local.s3.LocalS3.REGION));
    }
    Thread.sleep(300);
    polling.set(false);
    reader.join();

    assertThat(statuses).isNotEmpty().containsOnly(200);
    assertThat(palettes).containsOnly(done.get("palette"));
    assertThat(marker(key).lastModified()).isEqualTo(committed);
    assertThat(
            stack
                .client()
                .getObjectAsBytes(b -> b.bucket(LocalStack.INPUT_BUCKET).key(key))
                .asByteArray())
        .isEqualTo(photo);
  }

  @Test
  void theLocalS3RefusesUnsignedAmzHeadersOnAPresignedPut() throws Exception {
    Map<String, Object> created = LocalWebStackTest.createUpload(web, web.origin(), photo.length);
    Map<String, Object> upload = LocalWebStackTest.upload(created);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create((String) upload.get("url")))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
    ((Map<?, ?>) upload.get("headers")).forEach((k, v) -> request.header((String) k, (String) v));
    request.header("x-amz-meta-plot-points", "100");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) { // each on a connection of its own, as the page sends it
      statuses.add(
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.discarding())
              .statusCode());
    }

    assertThat(statuses).containsOnly(403);
    assertThat(
            stack
                .client()
                .listObjectsV2(
                    b ->
                        b.bucket(LocalStack.INPUT_BUCKET).prefix("uploads/" + created.get("jobId")))
                .contents())
        .isEmpty();
  }

  @Test
  void aFolderKeyIsNotAnObject() throws Exception {
    Map<String, Object> created = LocalWebStackTest.createUpload(web, web.origin(), photo.length);
    assertThat(LocalWebStackTest.put(created, photo)).isEqualTo(200);
    String folderKey = "uploads/" + created.get("jobId") + "/";
    URI anonymous = stack.endpoint().resolve("/" + LocalStack.INPUT_BUCKET + "/" + folderKey);

    int status =
        HTTP.send(HttpRequest.newBuilder(anonymous).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    S3Exception signed =
        org.junit.jupiter.api.Assertions.assertThrows(
            S3Exception.class,
            () ->
                stack
                    .client()
                    .getObjectAsBytes(b -> b.bucket(LocalStack.INPUT_BUCKET).key(folderKey)));

    assertThat(status).isEqualTo(403);
    assertThat(signed.statusCode()).isEqualTo(404);
  }

  @Test
  void oneClientIsLimitedWhileAnotherStillGetsThrough() throws Exception {
    List<Integer> first = new ArrayList<>();
    int second;
    // routes wide open, so only the per-client rule can refuse anything
    try (WebServer limited = WebServer.bind(0)) {
      limited.serve(
          PublishedSite.publish(
              stack,
              folder.resolve("site"),
              limited.origin(),
              new java.io.PrintWriter(OutputStream.nullOutputStream())),
          new ApiThrottle(10_000, 10_000, PER_CLIENT),
          LocalApi.handler(LocalApi.config(stack, limited.origin())));
      for (int i = 0; i < 100; i++) {
        first.add(getJobFrom(limited, "127.0.0.2"));
      }
      second = getJobFrom(limited, "127.0.0.3");
    }

    assertThat(first.subList(0, PER_CLIENT)).doesNotContain(429);
    assertThat(first.subList(PER_CLIENT, first.size())).containsOnly(429);
    assertThat(second).isNotEqualTo(429);
  }

  /** {@code GET /jobs/{id}} over a connection from {@code local}, a loopback address. */
  static int getJobFrom(WebServer server, String local) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), server.url().getPort()));
      socket
          .getOutputStream()
          .write(
              ("GET /jobs/aaaaaaaaaaaaaaaaaaaaaaaaaa HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  static HeadObjectResponse marker(String key) {
    return stack
        .client()
        .headObject(b -> b.bucket(LocalStack.OUTPUT_BUCKET).key(key + "/palette.json"));
  }

  static HttpResponse<String> getJob(String jobId) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(web.url().resolve("/jobs/" + jobId)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, Object> waitForDone(String jobId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Map<String, Object> job = JSON.std.mapFrom(getJob(jobId).body());
      if (!"pending".equals(job.get("status"))) {
        assertThat(job.get("status")).as(job.toString()).isEqualTo("done");
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " still pending after 60 s");
  }
}
