package palette.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages are layers that point one way: a package imports only from the layers below
 * it, plus the front door's errors, which every layer throws. A wrong-way import fails here rather
 * than in review.
 */
class LayersTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "palette", "core");

  /** Rank of each package; a package may use packages of lower rank only. */
  private static final Map<String, Integer> RANK =
      Map.of(
          "palette.core.options", 0,
          "palette.core.image", 1,
          "palette.core.cluster", 2,
          "palette.core.render", 3,
          "palette.core.format", 3,
          "palette.core", 4);

  private static final List<String> ERRORS =
      List.of("palette.core.PaletteException", "palette.core.ErrorCode");

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?(palette\\.core[\\w.]*?)\\.([A-Z]\\w*)");

  @Test
  void everyImportPointsDownTheLayers() throws IOException {
    List<String> wrongWay = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(source);
        assertThat(pkg.find()).as(file.toString()).isTrue();
        int rank = rank(pkg.group(1), file);
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
          String target = imports.group(1);
          String type = target + "." + imports.group(2);
          if (!ERRORS.contains(type)
              && rank(target, file) >= rank
              && !target.equals(pkg.group(1))) {
            wrongWay.add(file.getFileName() + " imports " + type);
          }
        }
      }
    }
    assertThat(wrongWay).isEmpty();
  }

  private static int rank(String pkg, Path file) {
    Integer rank = RANK.get(pkg);
    assertThat(rank).as("layer of %s (%s): add the package to LayersTest", pkg, file).isNotNull();
    return rank;
  }
}
