package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiPrimingTest {
  @Test
  void primingAnswersOneUploadWithoutTouchingTheNetwork() {
    // Nothing listens on port 9: any request to S3 would fail, presigning alone does not.
    ApiConfig config = LocalS3.config(URI.create("http://127.0.0.1:9"), Duration.ofMinutes(5));
    var response = new ApiHandler(config, LocalS3.CREDENTIALS).priming().prime();
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getBody()).contains("uploads/").contains("priming.png");
  }
}
