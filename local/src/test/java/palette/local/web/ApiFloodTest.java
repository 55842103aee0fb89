package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.handlers.api.ApiConfig;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A flood of {@code POST /uploads} against what {@code palette serve} runs, with the template's
 * limits: API Gateway's throttling holds, a refused request reaches neither the handler nor S3, the
 * other routes keep answering, and once the client waits as told, uploads work again.
 */
class ApiFloodTest {
  static final int REQUESTS = 200;
  static final int CLIENTS = 50;

  /** Requests in flight when the flood starts may land a token's width either side. */
  static final int SLACK = 2;

  @TempDir Path folder;

  @Test
  void aFloodOfUploadsIsThrottledAndRefusedRequestsCreateNothing() throws Exception {
    Path site = Files.createDirectories(folder.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>palette</h1>");
    AtomicInteger handled = new AtomicInteger();
    ApiThrottle limits = ApiThrottle.defaults();
    try (WebServer web = WebServer.bind(0);
        LocalStack stack =
            LocalStack.start(
                LocalStack.Settings.defaults(folder.resolve("s3"))
                    .withCorsOrigin(web.origin())
                    .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
      ApiConfig config = LocalApi.config(stack, web.origin());
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api =
          LocalApi.handler(config);
      web.serve(
          PublishedSite.publish(
              stack, site, web.origin(), new java.io.PrintWriter(OutputStream.nullOutputStream())),
          limits,
          (event, context) -> {
            handled.incrementAndGet();
            return api.handleRequest(event, context);
          });
      long start = System.nanoTime();
      List<HttpResponse<String>> responses = flood(web);
      double seconds = (System.nanoTime() - start) / 1e9;

      List<HttpResponse<String>> accepted = withStatus(responses, 201);
      List<HttpResponse<String>> refused = withStatus(responses, 429);
      System.out.printf(
          java.util.Locale.ROOT,
          "flood: %d POST /uploads from %d clients in %.2f s at %s: %d accepted, %d refused"
              + " with 429 (at most %.0f allowed)%n",
          REQUESTS,
          CLIENTS,
          seconds,
          limits,
          accepted.size(),
          refused.size(),
          limits.burst() + limits.rate() * seconds + SLACK);
      assertThat(accepted.size() + refused.size()).isEqualTo(REQUESTS);
      assertThat(accepted.size())
          .isGreaterThanOrEqualTo(limits.burst())
          .isLessThanOrEqualTo((int) (limits.burst() + limits.rate() * seconds) + SLACK);
      assertThat(refused).isNotEmpty();
      for (HttpResponse<String> response : refused) {
        assertRefusedAsThrottled(response);
      }
      assertThat(handled).as("requests that reached the handler").hasValue(accepted.size());
      assertThat(jobIds(accepted)).doesNotHaveDuplicates().hasSize(accepted.size());
      assertThat(objects(stack, LocalStack.INPUT_BUCKET) + objects(stack, LocalStack.OUTPUT_BUCKET))
          .as("objects created by the flood")
          .isZero();

      assertOtherRoutesStillAnswer(web, jobIds(accepted).get(0));
      waitAsTold(refused.get(refused.size() - 1));
      assertUploadsWorkAgain(web);
    }
  }

  /** {@value #CLIENTS} threads released together, {@value #REQUESTS} requests in all. */
  static List<HttpResponse<String>> flood(WebServer web) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        sent.add(
            clients.submit(
                () -> {
                  go.await();
                  return postUploads(web, 1000);
                }));
      }
      go.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : sent) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      clients.shutdownNow();
    }
  }

  static void assertRefusedAsThrottled(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("retry-after"))
        .hasValueSatisfying(
            seconds -> assertThat(Integer.parseInt(seconds)).isGreaterThanOrEqualTo(1));
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(JSON.std.mapFrom(response.body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "error", "throttled",
                "message", "Too many requests; slow down and try again in a moment."));
  }

  /** The limits are per route: reading a job is not refused because uploads are. */
  static void assertOtherRoutesStillAnswer(WebServer web, Object jobId) throws Exception {
    int refusedAfter = 0;
    while (postUploads(web, 1000).statusCode() != 429) {
      assertThat(++refusedAfter).as("uploads accepted before a refusal").isLessThan(REQUESTS);
    }
    HttpResponse<String> job = getJob(web, jobId);
    assertThat(job.statusCode()).as(job.body()).isIn(200, 404);
  }

  static void waitAsTold(HttpResponse<String> refused) throws InterruptedException {
    long seconds = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
    Thread.sleep(seconds * 1000);
  }

  /** A whole job goes through again: upload created, photo stored, palette made. */
  static void assertUploadsWorkAgain(WebServer web) throws Exception {
    byte[] photo;
    try (InputStream in = ApiFloodTest.class.getResourceAsStream("/samples/coffee.png")) {
      photo = in.readAllBytes();
    }
    HttpResponse<String> response = postUploads(web, photo.length);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Map<String, Object> created = JSON.std.mapFrom(response.body());
    assertThat(LocalWebStackTest.put(created, photo)).isEqualTo(200);
    long deadline = System.nanoTime() + 60_000_000_000L;
    String status = "pending";
    while (status.equals("pending") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status =
          String.valueOf(JSON.std.mapFrom(getJob(web, created.get("jobId")).body()).get("status"));
    }
    assertThat(status).isEqualTo("done");
  }

  static HttpResponse<String> postUploads(WebServer web, long size) throws Exception {
    String body =
        "{\"filename\":\"coffee.png\",\"contentType\":\"image/png\",\"size\":" + size + "}";
    return LocalWebStackTest.HTTP.send(
        HttpRequest.newBuilder(web.url().resolve("/uploads"))
            .header("content-type", "application/json")
            .header("origin", web.origin())
            .header("x-palette-client", "page")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> getJob(WebServer web, Object jobId) throws Exception {
    return LocalWebStackTest.HTTP.send(
        HttpRequest.newBuilder(web.url().resolve("/jobs/" + jobId)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static List<HttpResponse<String>> withStatus(List<HttpResponse<String>> responses, int status) {
    return responses.stream().filter(r -> r.statusCode() == status).toList();
  }

  static List<Object> jobIds(List<HttpResponse<String>> accepted) throws Exception {
    List<Object> ids = new ArrayList<>();
    for (HttpResponse<String> response : accepted) {
      ids.add(JSON.std.mapFrom(response.body()).get("jobId"));
    }
    return ids;
  }

  static long objects(LocalStack stack, String bucket) {
    try (S3Client s3 = stack.client()) {
      return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count();
    }
  }
}
