package palette.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The template and the code agree: handlers exist and every variable read is declared. */
class TemplateTest {
  static final Path ROOT = Path.of("../..");

  /** Set by Lambda itself; a template may not declare it. */
  static final Set<String> RESERVED = Set.of("AWS_REGION");

  /** Read by the JVM, not by our code. */
  static final Set<String> FOR_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

  static List<String> templateLines() throws IOException {
    return Files.readAllLines(ROOT.resolve("template.yaml"));
  }

  @Test
  void everyHandlerNamedInTheTemplateIsALambdaHandler() throws Exception {
    List<String> handlers =
        templateLines().stream()
            .map(String::trim)
            .filter(l -> l.startsWith("Handler:"))
            .map(l -> l.substring("Handler:".length()).trim())
            .toList();

    assertThat(handlers).isNotEmpty();
    for (String handler : handlers) {
      String[] parts = handler.split("::");
      Class<?> type = Class.forName(parts[0]);
      assertThat(RequestHandler.class.isAssignableFrom(type)).as(handler).isTrue();
      assertThat(type.getConstructor()).as("public no-arg constructor of " + handler).isNotNull();
      assertThat(Stream.of(type.getMethods()).map(m -> m.getName())).contains(parts[1]);
    }
  }

  @Test
  void everyVariableTheFunctionsReadIsDeclaredAndViceVersa() throws IOException {
    Set<String> read = new LinkedHashSet<>();
    var env =
        new HashMap<String, String>(
            java.util.Map.of(
                "OUTPUT_BUCKET", "o", "INPUT_BUCKET", "i", "SITE_ORIGIN", "https://x")) {
          @Override
          public String get(Object key) {
            read.add((String) key);
            return super.get(key);
          }
        };
    WorkerConfig.fromEnv(env);
    palette.handlers.api.ApiConfig.fromEnv(env);
    Set<String> declared = declaredVariables(templateLines());

    assertThat(read).isNotEmpty();
    assertThat(declared).containsAll(read.stream().filter(v -> !RESERVED.contains(v)).toList());
    assertThat(read).containsAll(declared.stream().filter(v -> !FOR_THE_JVM.contains(v)).toList());
  }

  @Test
  void parameterRangesAreTheEngines() throws IOException {
    String template = String.join("\n", templateLines());

    assertThat(template)
        .containsPattern(
            "PlotPoints:\\s+Type: Number\\s+Default: "
                + palette.core.PaletteOptions.DEFAULT_PLOT_POINTS
                + "\\s+MinValue: "
                + palette.core.PaletteOptions.MIN_PLOT_POINTS
                + "\\s+MaxValue: "
                + palette.core.PaletteOptions.MAX_PLOT_POINTS)
        .containsPattern(
            "DefaultK:\\s+Type: Number\\s+Default: "
                + palette.core.PaletteOptions.DEFAULT_K
                + "\\s+MinValue: 1\\s+MaxValue: "
                + palette.core.PaletteOptions.MAX_K);
  }

  @Test
  void envJsonForSamLocalSetsOnlyDeclaredVariables() throws IOException {
    String envJson = Files.readString(ROOT.resolve("events/env.json"));
    Set<String> set = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"\\s*:").matcher(envJson);
    while (m.find()) {
      set.add(m.group(1));
    }

    assertThat(envJson).contains("\"PaletteFunction\"");
    assertThat(set).contains("OUTPUT_BUCKET", "S3_ENDPOINT");
    assertThat(declaredVariables(templateLines())).containsAll(set);
  }

  @Test
  void noCodeReadsTheEnvironmentBehindTheConfigsBack() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> read(p).matches("(?s).*System\\.getenv\\(\\s*\".*"))
              .map(Path::toString)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  /** Names under every {@code Variables:} block, by indentation. */
  static Set<String> declaredVariables(List<String> lines) {
    Set<String> names = new LinkedHashSet<>();
    Pattern entry = Pattern.compile("^(\\s*)([A-Z][A-Z0-9_]*):");
    int blockIndent = -1;
    for (String line : lines) {
      if (line.trim().equals("Variables:")) {
        blockIndent = line.indexOf('V');
        continue;
      }
      if (blockIndent < 0 || line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = entry.matcher(line);
      int indent = line.length() - line.stripLeading().length();
      if (indent <= blockIndent) {
        blockIndent = -1;
      } else if (m.find()) {
        names.add(m.group(2));
      }
    }
    return names;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
