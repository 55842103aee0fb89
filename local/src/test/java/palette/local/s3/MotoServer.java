package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto's server on a free local port: a second, independent implementation of AWS APIs (S3, SQS,
 * CloudFormation, …) to check our requests and scripts against. It checks no signatures. Tests are
 * skipped where moto is not installed.
 */
public final class MotoServer implements AutoCloseable {
  /** moto accepts any keys; the AWS CLI needs some. */
  public static final Map<String, String> CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID",
          "moto",
          "AWS_SECRET_ACCESS_KEY",
          "moto",
          "AWS_DEFAULT_REGION",
          "us-east-1");

  private final Process process;
  private final String endpoint;

  private MotoServer(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts moto, its log in {@code folder}; skips the calling test when moto is missing. */
  public static MotoServer start(Path folder) throws Exception {
    assumeTrue(onPath("moto_server"), "moto_server is not installed");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = folder.resolve("moto.log");
    Process moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!listening(port)) {
      assertThat(System.nanoTime() < deadline && moto.isAlive()).as(Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    return new MotoServer(moto, "http://127.0.0.1:" + port);
  }

  public String endpoint() {
    return endpoint;
  }

  /** Runs the AWS CLI against moto; fails the test unless it exits 0. */
  public String aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  /** Runs a command with moto's credentials in its environment; fails unless it exits 0. */
  public String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(CREDENTIALS);
    builder.environment().putAll(env);
    Process started = builder.start();
    String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(started.waitFor(120, TimeUnit.SECONDS) && started.exitValue() == 0)
        .as(String.join(" ", command) + ": " + output)
        .isTrue();
    return output;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
