package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.s3.S3Client;

/** The API handler fed with the sample events in {@code events/}, against a real S3 server. */
class ApiHandlerTest {
  static final String POST = "events/api-post-uploads.json";
  static final String GET = "events/api-get-job.json";

  @RegisterExtension final S3ProxyExtension proxy = LocalS3.extension();
  ApiHandler handler;
  S3Client s3;

  @BeforeEach
  void start() {
    ApiConfig config = ApiConfig.fromEnv(LocalS3.env(proxy.getUri()));
    s3 = LocalS3.prepare(config);
    handler = new ApiHandler(config, LocalS3.CREDENTIALS);
  }

  @ParameterizedTest
  @Event(value = POST, type = APIGatewayV2HTTPEvent.class)
  void postUploadsReturnsAPresignedUploadForANewJob(APIGatewayV2HTTPEvent event) throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("access-control-allow-origin", LocalS3.SITE);
    Presigned upload = new Presigned(response.getBody());
    assertThat(upload.jobId).matches("[a-z2-7]{26}");
    assertThat(upload.key).isEqualTo("uploads/" + upload.jobId + "/Cafe-au-lait.png");
    assertThat(upload.url)
        .contains("/" + LocalS3.INPUT + "/" + upload.key)
        .contains("X-Amz-Expires=")
        .doesNotContainIgnoringCase("checksum");
    assertThat(upload.headers)
        .containsEntry("content-type", "image/png")
        .containsEntry("x-amz-meta-k", "6")
        .containsEntry("x-amz-meta-limit", "20")
        .containsEntry("x-amz-meta-space", "oklab");
    assertThat(upload.put(new byte[48213])).isEqualTo(200);
    var stored = s3.headObject(b -> b.bucket(LocalS3.INPUT).key(upload.key));
    assertThat(stored.contentLength()).isEqualTo(48213);
    assertThat(stored.metadata()).containsEntry("k", "6").containsEntry("space", "oklab");
  }

  @ParameterizedTest
  @Event(value = POST, type = APIGatewayV2HTTPEvent.class)
  void twoUploadsGetDifferentJobs(APIGatewayV2HTTPEvent event) throws Exception {
    String first = new Presigned(handler.handleRequest(event, null).getBody()).jobId;
    String second = new Presigned(handler.handleRequest(event, null).getBody()).jobId;
    assertThat(first).isNotEqualTo(second);
  }

  @ParameterizedTest
  @Event(value = GET, type = APIGatewayV2HTTPEvent.class)
  void aJobNobodyCreatedIsNotFound(APIGatewayV2HTTPEvent event) throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(body(response)).containsEntry("error", "job_not_found");
  }

  @ParameterizedTest
  @Event(value = GET, type = APIGatewayV2HTTPEvent.class)
  void aMalformedIdIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
    for (String id :
        List.of("ABC", "..%2F..%2Fetc", "mzxw6ytboi4dsmzrgq3tmnzxhe0", "1".repeat(26))) {
      event.setRawPath("/jobs/" + id);
      APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
      assertThat(response.getStatusCode()).as(id).isEqualTo(400);
      assertThat(body(response)).containsEntry("error", "invalid_job_id");
    }
  }

  @ParameterizedTest
  @Event(value = GET, type = APIGatewayV2HTTPEvent.class)
  void aJobIsPendingThenDoneWithLinksToEveryOutput(APIGatewayV2HTTPEvent event) throws Exception {
    String id = "mzxw6ytboi4dsmzrgq3tmnzxhe";
    String input = "uploads/" + id + "/photo.png";
    LocalS3.put(s3, LocalS3.INPUT, input, "png bytes");
    assertThat(body(handler.handleRequest(event, null))).containsEntry("status", "pending");

    LocalS3.put(s3, LocalS3.OUTPUT, input + "/swatch.png", "swatch bytes");
    LocalS3.put(
        s3, LocalS3.OUTPUT, input + "/palette.json", "{\"swatches\":[{\"hex\":\"#112233\"}]}");
    Map<String, Object> done = body(handler.handleRequest(event, null));

    assertThat(done).containsEntry("status", "done").containsEntry("jobId", id);
    assertThat(done.get("palette").toString()).contains("#112233");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> files = (List<Map<String, Object>>) done.get("files");
    assertThat(files)
        .extracting(f -> f.get("name"))
        .containsExactlyInAnyOrder("palette.json", "swatch.png");
    String swatchUrl =
        (String)
            files.stream()
                .filter(f -> f.get("name").equals("swatch.png"))
                .findFirst()
                .get()
                .get("url");
    assertThat(Presigned.get(swatchUrl)).isEqualTo("swatch bytes");
  }

  @ParameterizedTest
  @Event(value = GET, type = APIGatewayV2HTTPEvent.class)
  void aFailedJobReportsTheWorkersReason(APIGatewayV2HTTPEvent event) throws Exception {
    String input = "uploads/mzxw6ytboi4dsmzrgq3tmnzxhe/notes.png";
    LocalS3.put(s3, LocalS3.INPUT, input, "hello");
    LocalS3.put(
        s3,
        LocalS3.OUTPUT,
        input + "/error.json",
        "{\"error\":\"not_an_image\",\"message\":\"This file is not an image.\",\"key\":\""
            + input
            + "\"}");

    Map<String, Object> failed = body(handler.handleRequest(event, null));

    assertThat(failed)
        .containsEntry("status", "failed")
        .containsEntry("error", "not_an_image")
        .containsEntry("message", "This file is not an image.");
  }

  @ParameterizedTest
  @Event(value = GET, type = APIGatewayV2HTTPEvent.class)
  void anUnreachableStorageIsA503WithoutDetails(APIGatewayV2HTTPEvent event) throws Exception {
    ApiConfig config =
        LocalS3.config(java.net.URI.create("http://127.0.0.1:9"), Duration.ofMinutes(5));
    APIGatewayV2HTTPResponse response =
        new ApiHandler(config, LocalS3.CREDENTIALS).handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(body(response).keySet()).containsExactlyInAnyOrder("error", "message");
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("127.0.0.1");
  }

  @ParameterizedTest
  @Event(value = POST, type = APIGatewayV2HTTPEvent.class)
  void aRerunCopiesTheUploadToANewJobWithTheNewOptions(APIGatewayV2HTTPEvent event)
      throws Exception {
    Presigned upload = new Presigned(handler.handleRequest(event, null).getBody());
    assertThat(upload.put(new byte[48213])).isEqualTo(200);

    event.setRawPath("/jobs/" + upload.jobId + "/reruns");
    event.setBody("{\"k\": 3, \"limit\": 7, \"space\": \"rgb\"}");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    Map<String, Object> rerun = body(response);
    String jobId = (String) rerun.get("jobId");
    assertThat(jobId).matches("[a-z2-7]{26}").isNotEqualTo(upload.jobId);
    assertThat(rerun).containsEntry("key", "uploads/" + jobId + "/Cafe-au-lait.png");
    var copy = s3.headObject(b -> b.bucket(LocalS3.INPUT).key((String) rerun.get("key")));
    assertThat(copy.contentLength()).isEqualTo(48213);
    assertThat(copy.contentType()).isEqualTo("image/png");
    assertThat(copy.metadata())
        .containsEntry("k", "3")
        .containsEntry("limit", "7")
        .containsEntry("space", "rgb");
  }

  @ParameterizedTest
  @Event(value = POST, type = APIGatewayV2HTTPEvent.class)
  void aRerunNeedsAnUploadThisApiIssuedAndValidOptions(APIGatewayV2HTTPEvent event)
      throws Exception {
    event.setRawPath("/jobs/mzxw6ytboi4dsmzrgq3tmnzxhe/reruns");
    event.setBody("{\"k\": 3}");
    APIGatewayV2HTTPResponse unknown = handler.handleRequest(event, null);
    assertThat(unknown.getStatusCode()).isEqualTo(404);
    assertThat(body(unknown)).containsEntry("error", "job_not_found");

    event.setRawPath("/jobs/..%2Fother/reruns");
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(400);

    LocalS3.put(s3, LocalS3.INPUT, "uploads/mzxw6ytboi4dsmzrgq3tmnzxhe/photo.png", "png");
    event.setRawPath("/jobs/mzxw6ytboi4dsmzrgq3tmnzxhe/reruns");
    event.setBody("{\"k\": 0}");
    APIGatewayV2HTTPResponse bad = handler.handleRequest(event, null);
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(body(bad))
        .containsEntry("error", "invalid_option")
        .containsEntry("message", "k must be between 1 and 64, was 0");
  }

  static Map<String, Object> body(APIGatewayV2HTTPResponse response) throws Exception {
    assertThat(response.getHeaders())
        .containsEntry("content-type", "application/json; charset=utf-8");
    return JSON.std.mapFrom(response.getBody());
  }
}
