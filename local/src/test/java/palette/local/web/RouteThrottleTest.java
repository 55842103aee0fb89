package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import palette.local.lambda.LambdaArtifact;

/** Which requests share a bucket, and that the local limits are the template's. */
class RouteThrottleTest {
  final AtomicLong clock = new AtomicLong();
  final RouteThrottle throttle = new RouteThrottle(new ApiThrottle(1, 2), clock::get);

  @Test
  void theRoutesAreTheTemplatesHttpApiEvents() throws Exception {
    String template = Files.readString(LambdaArtifact.ROOT.resolve("template.yaml"));
    Matcher event =
        Pattern.compile(
                "Type: HttpApi\\s+Properties:\\s+ApiId: !Ref HttpApi\\s+Method: (\\w+)"
                    + "\\s+Path: (\\S+)")
            .matcher(template);
    Set<String> routes = new LinkedHashSet<>();
    while (event.find()) {
      routes.add(event.group(1) + " " + event.group(2));
    }

    assertThat(routes).containsExactlyInAnyOrderElementsOf(RouteThrottle.ROUTES);
  }

  @Test
  void theLocalWorkerHasTheTemplatesMemory() throws Exception {
    String template = Files.readString(LambdaArtifact.ROOT.resolve("template.yaml"));

    assertThat(template)
        .containsPattern(
            "MemorySize:\\s+Type: Number\\s+Default: "
                + palette.local.s3.LocalStack.WORKER_MEMORY_MB
                + "\\s");
  }

  @Test
  void theDefaultsAreTheTemplatesAndApplyToEveryRoute() throws Exception {
    String template = Files.readString(LambdaArtifact.ROOT.resolve("template.yaml"));

    assertThat(template)
        .containsPattern("ApiRateLimit:\\s+Type: Number\\s+Default: " + ApiThrottle.DEFAULT_RATE)
        .containsPattern("ApiBurstLimit:\\s+Type: Number\\s+Default: " + ApiThrottle.DEFAULT_BURST)
        .containsPattern(
            "DefaultRouteSettings:\\s+ThrottlingRateLimit: !Ref ApiRateLimit"
                + "\\s+ThrottlingBurstLimit: !Ref ApiBurstLimit")
        .doesNotContainPattern("(?m)^\\s+RouteSettings:")
        .containsOnlyOnce("ThrottlingRateLimit")
        .containsOnlyOnce("ThrottlingBurstLimit");
  }

  @Test
  void requestsAreMatchedToRoutesAsApiGatewayDoes() {
    assertThat(RouteThrottle.route("POST", "/uploads")).contains("POST /uploads");
    assertThat(RouteThrottle.route("GET", "/jobs/abc")).contains("GET /jobs/{id}");
    assertThat(RouteThrottle.route("GET", "/filmgrab/search")).contains("GET /filmgrab/search");
    assertThat(RouteThrottle.route("POST", "/filmgrab/jobs")).contains("POST /filmgrab/jobs");
    assertThat(RouteThrottle.route("GET", "/uploads")).isEmpty();
    assertThat(RouteThrottle.route("GET", "/jobs/")).isEmpty();
    assertThat(RouteThrottle.route("GET", "/jobs/a/b")).isEmpty();
    assertThat(RouteThrottle.route("POST", "/uploads/")).isEmpty();
  }

  @Test
  void eachRouteHasItsOwnBucket() {
    assertThat(throttle.tryTake("POST", "/uploads")).isZero();
    assertThat(throttle.tryTake("POST", "/uploads")).isZero();
    assertThat(throttle.tryTake("POST", "/uploads")).isEqualTo(1_000_000_000L);

    assertThat(throttle.tryTake("GET", "/jobs/one")).isZero();
    assertThat(throttle.tryTake("GET", "/jobs/two")).isZero();
    assertThat(throttle.tryTake("GET", "/jobs/three")).isPositive();
    assertThat(throttle.tryTake("GET", "/filmgrab/search")).isZero();
  }

  @Test
  void requestsMatchingNoRouteAreNotThrottled() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.tryTake("DELETE", "/uploads")).isZero();
    }
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(ApiBridge.throttledHeaders(1)).containsEntry("retry-after", "1");
    assertThat(ApiBridge.throttledHeaders(1_000_000_000L)).containsEntry("retry-after", "1");
    assertThat(ApiBridge.throttledHeaders(1_000_000_001L)).containsEntry("retry-after", "2");
    assertThat(ApiBridge.throttledHeaders(Long.MAX_VALUE))
        .containsEntry("retry-after", "9223372037");
  }
}
