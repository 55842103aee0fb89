package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import palette.local.s3.Images;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our stand-in for {@code sam build && sam local invoke}: builds the function with the Makefile
 * target SAM runs, then starts that artifact as Lambda's Java runtime does and feeds it {@code
 * events/s3-put.json} through the Runtime API, against the embedded S3.
 */
class LambdaArtifactTest {
  @TempDir static Path built;
  static Path artifact;
  @TempDir Path tmp;

  @BeforeAll
  static void build() throws Exception {
    artifact = built.resolve("artifact");
    LambdaArtifact.build(artifact, built.resolve("make.log"));
  }

  @Test
  void theMakeArtifactRunsUnderTheOfficialRuntimeClient() throws Exception {
    assertThat(artifact.resolve("palette/handlers/PaletteWorker.class")).exists();
    try (Stream<Path> lib = Files.list(artifact.resolve("lib"))) {
      List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
      assertThat(jars)
          .anyMatch(j -> j.startsWith("palette-core-"))
          .anyMatch(j -> j.startsWith("url-connection-client-"));
      assertThat(jars).noneMatch(j -> j.startsWith("apache") || j.startsWith("netty"));
    }
    String event =
        Files.readString(LambdaArtifact.ROOT.resolve("events/s3-put.json"), StandardCharsets.UTF_8);
    String key = "photos/Café au lait.png";
    var settings = LocalStack.Settings.defaults(tmp.resolve("s3")).withNotifications(false);
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client();
        RuntimeApiServer api = new RuntimeApiServer(event)) {
      s3.putObject(b -> b.bucket("palette-input").key(key), RequestBody.fromBytes(Images.sample()));
      Path log = tmp.resolve("lambda.log");
      Process lambda =
          LambdaProcess.start(
              artifact, LambdaArtifact.HANDLER, api, LambdaArtifact.env(stack), log);
      try {
        RuntimeApiServer.Result result = api.result().get(90, TimeUnit.SECONDS);
        assertThat(result.success()).as(result.body() + "\n" + Files.readString(log)).isTrue();
      } finally {
        lambda.destroyForcibly().waitFor();
      }
      assertThat(Files.readString(log)).contains("\"outcome\":\"done\"", "\"key\":\"" + key + "\"");
      assertThat(
              s3.headObject(b -> b.bucket("palette-output").key(key + "/palette.json"))
                  .contentLength())
          .isPositive();
    }
  }

  /**
   * The same artifact and handler name given a film-grab request as the payload (a direct
   * invocation): the runtime picks the stream entry point, and the answer says where the outputs
   * are.
   */
  @Test
  void aDirectFilmGrabInvocationIsAnsweredWithItsOutputPrefix() throws Exception {
    try (FakeFilmGrab site = FakeFilmGrab.start()) {
      String payload =
          Files.readString(
                  LambdaArtifact.ROOT.resolve("events/filmgrab-direct.json"),
                  StandardCharsets.UTF_8)
              .replace("https://film-grab.com/", site.baseUrl().toString());
      var settings =
          LocalStack.Settings.defaults(tmp.resolve("s3"))
              .withNotifications(false)
              .withEnv(java.util.Map.of("FILMGRAB_BASE_URL", site.baseUrl().toString()));
      try (LocalStack stack = LocalStack.start(settings);
          S3Client s3 = stack.client();
          RuntimeApiServer api = new RuntimeApiServer(payload)) {
        Path log = tmp.resolve("lambda.log");
        Process lambda =
            LambdaProcess.start(
                artifact, LambdaArtifact.HANDLER, api, LambdaArtifact.env(stack), log);
        RuntimeApiServer.Result result;
        try {
          result = api.result().get(90, TimeUnit.SECONDS);
        } finally {
          lambda.destroyForcibly().waitFor();
        }
        assertThat(result.success()).as(result.body() + "\n" + Files.readString(log)).isTrue();
        assertThat(result.body())
            .contains("\"status\":\"done\"")
            .contains("\"outputPrefix\":\"filmgrab/");
        String prefix = result.body().replaceAll(".*\"outputPrefix\":\"([^\"]+)\".*", "$1");
        String palette =
            s3.getObjectAsBytes(b -> b.bucket("palette-output").key(prefix + "palette.json"))
                .asUtf8String();
        assertThat(palette).contains("\"film\": \"Blade Runner 2049\"", "BladeRunner2049_001.jpg");
      }
    }
  }
}
