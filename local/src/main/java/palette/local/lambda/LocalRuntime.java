package palette.local.lambda;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lambda on this machine for the functions of one stack: the artifact laid out once as a task root,
 * one container credentials endpoint handing out the local S3's keys, and the functions started
 * from them. What the functions see is what Lambda gives a SnapStart function: the template's
 * variables, Lambda's own, and credentials only through the endpoint.
 */
public final class LocalRuntime implements AutoCloseable {
  private final Path folder;
  private final TaskRoot taskRoot;
  private final ContainerCredentials credentials;
  private final List<LocalFunction> functions = new ArrayList<>();

  private LocalRuntime(Path folder, TaskRoot taskRoot, ContainerCredentials credentials) {
    this.folder = folder;
    this.taskRoot = taskRoot;
    this.credentials = credentials;
  }

  /** Lays out this checkout's built handlers and starts the credentials endpoint. */
  public static LocalRuntime start(String accessKeyId, String secretAccessKey) {
    try {
      Path folder = Files.createTempDirectory("palette-lambda-");
      TaskRoot root = TaskRoot.ofCheckout(folder.resolve("task"));
      return new LocalRuntime(
          folder, root, ContainerCredentials.start(accessKeyId, secretAccessKey));
    } catch (IOException e) {
      throw new UncheckedIOException("starting the local Lambda runtime", e);
    }
  }

  /**
   * Starts a function of the template.
   *
   * @param snapStart whether the template gives it SnapStart (its hooks then run at init)
   * @param env the variables the template gives it (without credentials)
   */
  public LocalFunction function(
      String name,
      String handler,
      int memoryMb,
      int timeoutSeconds,
      int concurrency,
      boolean snapStart,
      Map<String, String> env,
      PrintStream log) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(LocalFunction.containerCredentials(credentials));
    LocalFunction function =
        LocalFunction.start(
            new LocalFunction.Definition(
                name,
                handler,
                taskRoot,
                memoryMb,
                timeoutSeconds,
                concurrency,
                snapStart,
                all,
                log));
    synchronized (functions) {
      functions.add(function);
    }
    return function;
  }

  /** The endpoint, so a test can see the credentials were fetched from it. */
  public ContainerCredentials credentials() {
    return credentials;
  }

  @Override
  public void close() {
    synchronized (functions) {
      functions.forEach(LocalFunction::close);
    }
    credentials.close();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(LocalRuntime::deleteQuietly);
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left behind in the temporary folder
    }
  }
}
