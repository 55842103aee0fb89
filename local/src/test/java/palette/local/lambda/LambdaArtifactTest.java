package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.s3.Images;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our stand-in for {@code sam build && sam local invoke}: builds the function with the Makefile
 * target SAM runs, then starts that artifact as Lambda's Java runtime does and feeds it {@code
 * events/s3-put.json} through the Runtime API, against the embedded S3.
 */
class LambdaArtifactTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String HANDLER = "palette.handlers.PaletteWorker::handleRequest";

  @TempDir Path tmp;

  /** Builds the artifact into {@code folder} with {@code make}, failing with make's output. */
  static void build(Path folder, Path log) throws Exception {
    Process make =
        new ProcessBuilder("make", "build-PaletteFunction", "ARTIFACTS_DIR=" + folder)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = make.waitFor(5, TimeUnit.MINUTES);
    assertThat(done && make.exitValue() == 0).as(Files.readString(log)).isTrue();
  }

  /** The environment the template gives the function, pointed at a local S3. */
  static Map<String, String> lambdaEnv(LocalStack stack) {
    Map<String, String> env = new HashMap<>(stack.workerEnv());
    env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return env;
  }

  @Test
  void theMakeArtifactRunsUnderTheOfficialRuntimeClient() throws Exception {
    Path artifact = tmp.resolve("artifact");
    build(artifact, tmp.resolve("make.log"));
    assertThat(artifact.resolve("palette/handlers/PaletteWorker.class")).exists();
    try (Stream<Path> lib = Files.list(artifact.resolve("lib"))) {
      List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
      assertThat(jars)
          .anyMatch(j -> j.startsWith("palette-core-"))
          .anyMatch(j -> j.startsWith("url-connection-client-"));
      assertThat(jars).noneMatch(j -> j.startsWith("apache") || j.startsWith("netty"));
    }
    String event = Files.readString(ROOT.resolve("events/s3-put.json"), StandardCharsets.UTF_8);
    String key = "photos/Café au lait.png";
    var settings = LocalStack.Settings.defaults(tmp.resolve("s3")).withNotifications(false);
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client();
        RuntimeApiServer api = new RuntimeApiServer(event)) {
      s3.putObject(b -> b.bucket("palette-input").key(key), RequestBody.fromBytes(Images.sample()));
      Path log = tmp.resolve("lambda.log");
      Process lambda = LambdaProcess.start(artifact, HANDLER, api, lambdaEnv(stack), log);
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
