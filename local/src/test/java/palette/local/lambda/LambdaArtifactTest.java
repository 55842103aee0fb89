package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  @TempDir Path tmp;

  @Test
  void theMakeArtifactRunsUnderTheOfficialRuntimeClient() throws Exception {
    Path artifact = tmp.resolve("artifact");
    LambdaArtifact.build(artifact, tmp.resolve("make.log"));
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
}
