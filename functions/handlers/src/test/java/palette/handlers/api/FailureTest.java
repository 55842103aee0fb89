package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.handlers.Failure;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FailureTest {
  @Test
  void aProgrammingErrorIsA500NotAnOutage() {
    Failure failure = Failure.of(new NullPointerException("oops"));

    assertThat(failure.status()).isEqualTo(500);
    assertThat(failure.code()).isEqualTo("internal");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message()).doesNotContain("oops");
  }

  @Test
  void storageAndNetworkFaultsAreRetryable503s() {
    var unreachable = SdkClientException.create("connection refused");
    var slowDown = (S3Exception) S3Exception.builder().statusCode(503).message("Slow Down").build();
    var internal = (S3Exception) S3Exception.builder().statusCode(500).build();

    for (RuntimeException fault : new RuntimeException[] {unreachable, slowDown, internal}) {
      assertThat(Failure.of(fault).status()).as(fault.toString()).isEqualTo(503);
      assertThat(Failure.of(fault).retryable()).isTrue();
    }
  }

  @Test
  void aRefusalFromStorageIsABugInTheDeploymentNotAnOutage() {
    var denied =
        (S3Exception) S3Exception.builder().statusCode(403).message("Access Denied").build();

    assertThat(Failure.of(denied).status()).isEqualTo(500);
  }

  @Test
  void aProgrammingErrorInARouteIsA500CarryingTheRequestId() throws Exception {
    ApiConfig config =
        LocalS3.config(java.net.URI.create("http://127.0.0.1:9"), Duration.ofMinutes(5));
    // No presigner: creating the upload fails with a NullPointerException, a bug.
    ApiRoutes routes = new ApiRoutes(config, new Uploads(config, null), null, null, null);
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRawPath("/uploads")
            .withHeaders(Map.of("origin", config.siteOrigin(), "x-palette-client", "page"))
            .withBody("{\"filename\":\"a.png\",\"contentType\":\"image/png\",\"size\":10}")
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId("req-42")
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("POST")
                            .build())
                    .build())
            .build();

    APIGatewayV2HTTPResponse response = routes.handle(event);

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(JSON.std.mapFrom(response.getBody()))
        .containsEntry("error", "internal")
        .containsEntry("requestId", "req-42");
  }
}
