package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.s3.Images;
import palette.local.s3.LocalS3;
import picocli.CommandLine;

/**
 * "Drop a file into the bucket" with the real AWS CLI while {@code palette serve --s3-only} runs,
 * and {@code palette invoke} with the sample event, both through the command line.
 */
class ServeAndCliTest {
  static final Pattern ENDPOINT = Pattern.compile("S3 endpoint\\s+(http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path tmp;

  @Test
  void aFileCopiedWithTheAwsCliHasItsPaletteAndAJobLine() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = PaletteCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    Path data = tmp.resolve("s3");
    CompletableFuture<Integer> serve = new CompletableFuture<>();
    Thread server =
        new Thread(
            () ->
                serve.complete(
                    cli.execute("serve", "--s3-only", "--port", "0", "--data", data.toString())));
    server.start();
    String endpoint = awaitEndpoint(out, serve);
    Path photo = tmp.resolve("photo.jpg");
    Files.write(photo, Images.photoJpeg(800, 600));
    String key = "drops/My photo été.jpg";

    Process cp = aws(endpoint, "s3", "cp", photo.toString(), "s3://palette-input/" + key);
    assertThat(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0)
        .as(new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isTrue();
    long copied = System.nanoTime();
    Path marker = data.resolve("palette-output").resolve(key).resolve("palette.json");
    // A liveness bound, not a speed target: the first job runs in a cold Lambda JVM on a machine
    // that may be busy (speed is measured by `make bench-worker`).
    while (!Files.exists(marker) && System.nanoTime() - copied < 60_000_000_000L) {
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - copied) / 1e9;

    System.out.printf(java.util.Locale.ROOT, "aws s3 cp to palette.json: %.2f s%n", seconds);
    assertThat(marker).exists();
    Process ls = aws(endpoint, "s3", "ls", "--recursive", "s3://palette-output/drops/");
    String listing = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(listing).contains(key + "/swatch.png", key + "/palette.json");

    server.interrupt();
    assertThat(serve.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .contains("palette-input", "AWS_SECRET_ACCESS_KEY=" + LocalS3.SECRET_KEY);
    // The worker ran under Lambda's runtime and its one JSON line per job reached serve's output.
    String jobLine =
        out.toString()
            .lines()
            .filter(l -> l.contains("\"key\":\"" + key + "\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no job line in: " + out));
    Map<String, Object> job = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(jobLine);
    assertThat(job)
        .containsEntry("outcome", "done")
        .containsEntry("source", "bucket")
        .containsEntry("width", 800)
        .containsEntry("height", 600)
        .containsKeys("iterations", "mse", "timingsMs", "_aws");
  }

  @Test
  void invokeUploadsTheSampleAndPrintsTheOutputs() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = PaletteCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    Path data = tmp.resolve("invoke");

    int code = cli.execute("invoke", "../events/s3-put.json", "--data", data.toString());

    assertThat(code).as(out.toString()).isZero();
    String key = "photos/Café au lait.png";
    assertThat(out.toString())
        .contains("uploaded the sample photo to s3://palette-input/" + key)
        .contains("palette.json:");
    for (String name : List.of("palette.json", "swatch.png", "replaced.png", "scatter.json")) {
      assertThat(data.resolve("palette-output").resolve(key).resolve(name)).exists();
    }
  }

  private static String awaitEndpoint(StringWriter out, CompletableFuture<Integer> serve)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && !serve.isDone()) {
      Matcher m = ENDPOINT.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve printed no endpoint: " + out);
  }

  private static Process aws(String endpoint, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
    builder.environment().put("AWS_DEFAULT_REGION", LocalS3.REGION);
    builder.environment().remove("AWS_PROFILE");
    return builder.start();
  }
}
