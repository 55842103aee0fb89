package palette.local.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;

/** The worker's deployment artifact, built the way {@code sam build} builds it. */
public final class LambdaArtifact {
  /** The repository root: the nearest folder up from here holding template.yaml. */
  public static final Path ROOT = root();

  public static final String HANDLER = "palette.handlers.worker.PaletteWorker::handleRequest";

  private LambdaArtifact() {}

  private static Path root() {
    Path folder = Path.of("").toAbsolutePath();
    while (folder != null && !Files.exists(folder.resolve("template.yaml"))) {
      folder = folder.getParent();
    }
    if (folder == null) {
      throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
    return folder;
  }

  /** Runs {@code make build-PaletteFunction} into {@code folder}; fails with make's output. */
  public static void build(Path folder, Path log) throws Exception {
    Process make =
        new ProcessBuilder("make", "build-PaletteFunction", "ARTIFACTS_DIR=" + folder)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!make.waitFor(5, TimeUnit.MINUTES) || make.exitValue() != 0) {
      throw new IllegalStateException(
          "make build-PaletteFunction failed:\n" + Files.readString(log));
    }
  }

  /** The environment the template gives the function, pointed at a local S3. */
  public static Map<String, String> env(LocalStack stack) {
    Map<String, String> env = new HashMap<>(stack.workerEnv());
    env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
    env.put("JAVA_TOOL_OPTIONS", LocalStack.WORKER_JVM_OPTIONS);
    return env;
  }
}
