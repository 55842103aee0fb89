package palette.local.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the checkout's {@code site/} folder and makes sure its vendored browser libraries exist,
 * running the site's own npm scripts once when they do not ({@code npm ci}, then {@code npm run
 * build}), or saying exactly what to run when that is not possible.
 */
public final class SiteFolder {
  static final String PLOTLY = "vendor/plotly-gl3d.min.js";
  static final String BUILD_HINT = "(cd site && npm ci && npm run build)";

  private SiteFolder() {}

  /** The {@code site/} folder above the running code or the working directory. */
  public static Optional<Path> locate() {
    for (Path start : List.of(codeLocation(), Path.of("").toAbsolutePath())) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("site/index.html"))) {
          return Optional.of(dir.resolve("site"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Builds the vendor files if they are missing; returns false (after printing the command to run)
   * when that fails, in which case the page works but cannot draw the 3D plot.
   */
  public static boolean ensureVendor(Path site, PrintWriter err) {
    if (Files.isRegularFile(site.resolve(PLOTLY))) {
      return true;
    }
    err.println("palette serve: building the site's browser libraries (first run)...");
    err.flush();
    boolean built =
        (Files.isDirectory(site.resolve("node_modules/plotly.js-gl3d-dist-min"))
                || run(site, "npm", "ci", "--no-audit", "--no-fund"))
            && run(site, "npm", "run", "build");
    if (!built || !Files.isRegularFile(site.resolve(PLOTLY))) {
      err.println("palette serve: could not build site/vendor; the 3D plot will be missing. Run:");
      err.println("  " + BUILD_HINT);
      err.flush();
      return false;
    }
    return true;
  }

  private static boolean run(Path dir, String... command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getInputStream().transferTo(System.err);
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false; // npm is not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path codeLocation() {
    try {
      return Path.of(SiteFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
