package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/** The requests the worker's S3 client sends, as they leave the SDK. */
class S3StorageTest {
  /**
   * A swatch is megabytes; the SDK would hold such a body back until S3 answered "100 Continue",
   * one more round trip on the longest put of every job.
   */
  @ParameterizedTest(name = "endpoint \"{0}\"")
  @ValueSource(strings = {"", "http://127.0.0.1:9000"})
  void aLargePutIsSentWithoutWaitingForContinue(String endpoint) {
    List<SdkHttpRequest> sent = new ArrayList<>();
    WorkerConfig config =
        WorkerConfig.fromEnv(
            endpoint.isEmpty()
                ? Map.of("OUTPUT_BUCKET", "out", "AWS_REGION", "us-east-1")
                : Map.of(
                    "OUTPUT_BUCKET", "out", "AWS_REGION", "us-east-1", "S3_ENDPOINT", endpoint));
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret"));
    try (var s3 = S3Storage.client(config, credentials, recording(sent))) {
      new S3Storage(s3)
          .write("out", "a/swatch.png", new byte[3 << 20], "image/png", "max-age=300", Map.of());
    }

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).method().name()).isEqualTo("PUT");
    assertThat(sent.get(0).firstMatchingHeader("Content-Length")).isPresent();
    assertThat(sent.get(0).firstMatchingHeader("Expect")).isEmpty();
  }

  /** An HTTP layer that answers every request with 200 and keeps what was sent. */
  private static SdkHttpClient recording(List<SdkHttpRequest> sent) {
    return new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
          @Override
          public HttpExecuteResponse call() {
            sent.add(request.httpRequest());
            return HttpExecuteResponse.builder()
                .response(
                    SdkHttpResponse.builder()
                        .statusCode(200)
                        .putHeader("ETag", "\"0123456789abcdef0123456789abcdef\"")
                        .putHeader("Content-Length", "0")
                        .build())
                .responseBody(AbortableInputStream.createEmpty())
                .build();
          }

          @Override
          public void abort() {}
        };
      }

      @Override
      public void close() {}
    };
  }
}
