package palette.local.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts a deployment artifact the way the Lambda Java runtime does: a new JVM running the official
 * runtime interface client, which loads the handler from {@code LAMBDA_TASK_ROOT} (classes at its
 * root, dependencies in {@code lib/}) and talks to the Runtime API.
 */
public final class LambdaProcess {
  /** Jars of the runtime itself, taken from this JVM's class path (the test dependencies). */
  static final List<String> RUNTIME_JARS =
      List.of(
          "aws-lambda-java-runtime-interface-client",
          "aws-lambda-java-serialization",
          "aws-lambda-java-core",
          "utils-lite");

  private LambdaProcess() {}

  public static Process start(
      Path artifact, String handler, RuntimeApiServer api, Map<String, String> env, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As Lambda's launcher: the serial collector (one vCPU or less), the JDK's class-data archive.
    command.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto"));
    command.addAll(List.of("-cp", runtimeClassPath()));
    command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    command.add(handler);
    ProcessBuilder builder = new ProcessBuilder(command).directory(artifact.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
    builder.environment().put("LAMBDA_TASK_ROOT", artifact.toString());
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "PaletteFunction");
    builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "2048");
    builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  static String runtimeClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry ->
                RUNTIME_JARS.stream()
                    .anyMatch(
                        name -> Path.of(entry).getFileName().toString().startsWith(name + "-")))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
