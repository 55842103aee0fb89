package palette.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A function's code laid out as Lambda's Java runtime reads it from {@code LAMBDA_TASK_ROOT}:
 * classes at the root, dependencies in {@code lib/*.jar} — the layout {@code make
 * build-PaletteFunction} (and so {@code sam build}) produces.
 */
public record TaskRoot(Path folder) {

  /**
   * The handlers module as this checkout built it ({@code functions/handlers/target/classes} and
   * {@code target/lib}), copied under {@code into} as the Makefile ships it. A copy, not links: a
   * rebuild while the functions run must not change the jars under a running JVM.
   */
  public static TaskRoot ofCheckout(Path into) {
    Path handlers = checkout().resolve("functions/handlers/target");
    Path classes = handlers.resolve("classes");
    Path lib = handlers.resolve("lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "the handlers are not built (no "
              + lib
              + "): run `./palette` (or `mvn -pl local -am package`) first");
    }
    try {
      copyTree(classes, into);
      Files.createDirectories(into.resolve("lib"));
      try (Stream<Path> jars = Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
          Files.copy(jar, into.resolve("lib").resolve(jar.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("assembling the task root in " + into, e);
    }
    return new TaskRoot(into);
  }

  /** The checkout this code runs from: the nearest folder up holding {@code template.yaml}. */
  static Path checkout() {
    Path folder;
    try {
      folder =
          Path.of(TaskRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    while (folder != null && !Files.exists(folder.resolve("template.yaml"))) {
      folder = folder.getParent();
    }
    if (folder == null) {
      throw new IllegalStateException("not run from a checkout: no template.yaml above the code");
    }
    return folder;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
