package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import palette.local.s3.Images;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our stand-in for {@code sam build && sam local invoke}: builds the function with the Makefile
 * target SAM runs, then runs that artifact under the official runtime client as Lambda does and
 * feeds it {@code events/s3-put.json} through the Runtime API, against the embedded S3 (which
 * checks every signature). Credentials come the two ways Lambda gives them, each test with only one
 * of them, so code that reads only one way fails here as it would in AWS.
 */
class LambdaArtifactTest {
  private static final String KEY = "photos/Café au lait.png";

  @TempDir static Path built;
  static TaskRoot artifact;
  @TempDir Path tmp;

  @BeforeAll
  static void build() throws Exception {
    Path folder = built.resolve("artifact");
    LambdaArtifact.build(folder, built.resolve("make.log"));
    artifact = new TaskRoot(folder);
  }

  @Test
  void theMakeArtifactHasTheRuntimeLayoutAndOnlyTheSmallHttpClient() throws Exception {
    assertThat(artifact.folder().resolve("palette/handlers/worker/PaletteWorker.class")).exists();
    try (Stream<Path> lib = Files.list(artifact.folder().resolve("lib"))) {
      List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
      assertThat(jars)
          .anyMatch(j -> j.startsWith("palette-core-"))
          .anyMatch(j -> j.startsWith("url-connection-client-"));
      assertThat(jars).noneMatch(j -> j.startsWith("apache") || j.startsWith("netty"));
    }
  }

  /**
   * SnapStart's way: only {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its token. A worker that
   * read the access-key variables would fail this job: no credentials, no signed request.
   */
  @Test
  void anUploadIsProcessedWithContainerCredentialsOnly() throws Exception {
    try (ContainerCredentials endpoint =
        ContainerCredentials.start(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)) {
      String log = uploadAndInvoke(LocalFunction.containerCredentials(endpoint), true);

      assertDone(log);
      // SnapStart's init ran the priming hook, with the template's compilers, before the event
      assertThat(log)
          .contains("\"message\":\"primed before the snapshot\"", "\"tieredStopAtLevel\":\"4\"");
      assertThat(log.indexOf("primed before the snapshot"))
          .isLessThan(log.indexOf("\"outcome\":\"done\""));
      // and the heap started at a quarter of the function's memory, not the JVM's 1/64
      assertThat(heapInitialMb(log)).isGreaterThan(LocalStack.WORKER_MEMORY_MB * 9 / 40);
      assertThat(endpoint.served()).as("credentials fetched from the endpoint").isPositive();
      assertThat(endpoint.refused()).isZero();
    }
  }

  /** The on-demand way: the role's keys as variables, no endpoint, and no SnapStart hooks. */
  @Test
  void anUploadIsProcessedWithAccessKeyVariablesOnly() throws Exception {
    String log =
        uploadAndInvoke(
            LocalFunction.accessKeys(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "session"), false);

    assertDone(log);
    assertThat(log).doesNotContain("primed before the snapshot");
  }

  private static long heapInitialMb(String log) {
    Matcher heap = Pattern.compile("\"heapInitialMb\":(\\d+)").matcher(log);
    assertThat(heap.find()).as("heapInitialMb in the priming line").isTrue();
    return Long.parseLong(heap.group(1));
  }

  /** Wrong keys are refused by the local S3, as by AWS: the job fails and Lambda would retry. */
  @Test
  void wrongCredentialsFailTheInvocation() throws Exception {
    try (ContainerCredentials endpoint =
        ContainerCredentials.start(LocalS3.ACCESS_KEY, "not-the-secret")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> uploadAndInvoke(LocalFunction.containerCredentials(endpoint), true))
          .isInstanceOf(FunctionError.class)
          .hasMessageContaining("TransientFailure");
    }
  }

  /**
   * The same artifact and handler name given a film-grab request as the payload (a direct
   * invocation): the answer says where the outputs are.
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
              .withEnv(Map.of("FILMGRAB_BASE_URL", site.baseUrl().toString()));
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (LocalStack stack = LocalStack.start(settings);
          S3Client s3 = stack.client();
          ContainerCredentials endpoint =
              ContainerCredentials.start(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
          LocalFunction worker = worker(stack, endpoint, log)) {
        String result = worker.invoke(payload);
        assertThat(result).contains("\"status\":\"done\"").contains("\"outputPrefix\":\"filmgrab/");
        String prefix = result.replaceAll(".*\"outputPrefix\":\"([^\"]+)\".*", "$1");
        String palette =
            s3.getObjectAsBytes(b -> b.bucket("palette-output").key(prefix + "palette.json"))
                .asUtf8String();
        assertThat(palette).contains("\"film\": \"Blade Runner 2049\"", "BladeRunner2049_001.jpg");
      }
    }
  }

  private static LocalFunction worker(
      LocalStack stack, ContainerCredentials endpoint, ByteArrayOutputStream log) {
    Map<String, String> env = new HashMap<>(stack.workerEnv());
    env.putAll(LocalFunction.containerCredentials(endpoint));
    return LocalFunction.start(
        definition(env, true, new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  /** The worker as the template defines it, with the template's {@code JAVA_TOOL_OPTIONS}. */
  private static LocalFunction.Definition definition(
      Map<String, String> env, boolean snapStart, PrintStream log) {
    return new LocalFunction.Definition(
        "PaletteFunction",
        LocalStack.WORKER_HANDLER,
        artifact,
        LocalStack.WORKER_MEMORY_MB,
        60,
        1,
        snapStart,
        LocalStack.withJvmOptions(env, LocalStack.WORKER_JVM_OPTIONS),
        log);
  }

  /**
   * Uploads the sample under the key {@code events/s3-put.json} names and invokes the artifact with
   * that event and the given credential variables, as a SnapStart or on-demand function; returns
   * the function's output when it ran, and what it wrote is checked by {@link #assertDone}. The
   * output is taken as a loaded machine may take it, late: the function's first line is held until
   * its answer has come and the function is being closed, so the job's own line is still in the
   * pipe then, and closing must not lose it.
   */
  private String uploadAndInvoke(Map<String, String> credentials, boolean snapStart)
      throws Exception {
    var settings = LocalStack.Settings.defaults(tmp.resolve("s3")).withNotifications(false);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CountDownLatch answered = new CountDownLatch(1);
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client()) {
      s3.putObject(b -> b.bucket("palette-input").key(KEY), RequestBody.fromBytes(Images.sample()));
      Map<String, String> env = new HashMap<>(stack.workerEnv());
      env.putAll(credentials);
      String event =
          Files.readString(
              LambdaArtifact.ROOT.resolve("events/s3-put.json"), StandardCharsets.UTF_8);
      PrintStream late = new PrintStream(new LateLog(log, answered), true, StandardCharsets.UTF_8);
      try (LocalFunction worker = LocalFunction.start(definition(env, snapStart, late))) {
        try {
          assertThat(worker.invoke(event)).isEqualTo("null");
        } finally {
          answered.countDown();
        }
      }
      long written =
          s3.headObject(b -> b.bucket("palette-output").key(KEY + "/palette.json")).contentLength();
      assertThat(written).as("palette.json written").isPositive();
      return log.toString(StandardCharsets.UTF_8);
    }
  }

  /** Holds the first line until {@code answered}, and a little after, while the caller closes. */
  private static final class LateLog extends FilterOutputStream {
    private final CountDownLatch answered;

    LateLog(OutputStream out, CountDownLatch answered) {
      super(out);
      this.answered = answered;
    }

    @Override
    public void write(int b) throws IOException {
      super.write(b);
      if (b == '\n' && answered.getCount() > 0) {
        try {
          answered.await(60, TimeUnit.SECONDS);
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void assertDone(String log) {
    assertThat(log).contains("\"outcome\":\"done\"", "\"key\":\"" + KEY + "\"");
  }
}
