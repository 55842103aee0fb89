package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.local.s3.LocalStack;
import palette.local.web.LocalApi;

/**
 * The local runtime starts a function's JVM as Lambda's java21 runtime does: tiered compilation
 * stops at level 1 unless the function's {@code JAVA_TOOL_OPTIONS} choose otherwise. See
 * https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html
 */
class TieredCompilationTest {

  @Test
  void aFunctionWithoutJavaToolOptionsGetsTheQuickCompilerOnly() {
    assertThat(LocalFunction.tieredCompilation(Map.of()))
        .containsExactly("-XX:TieredStopAtLevel=1");
    assertThat(LocalFunction.tieredCompilation(Map.of("JAVA_TOOL_OPTIONS", "-Xss512k")))
        .containsExactly("-XX:TieredStopAtLevel=1");
  }

  @Test
  void theFunctionsOwnChoiceIsLeftToItsJavaToolOptions() {
    assertThat(
            LocalFunction.tieredCompilation(
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=4")))
        .isEmpty();
    assertThat(
            LocalFunction.tieredCompilation(Map.of("JAVA_TOOL_OPTIONS", "-XX:-TieredCompilation")))
        .isEmpty();
  }

  @Test
  void theLocalStackStartsEachFunctionWithTheTemplatesOptionsAndSnapStart() throws Exception {
    List<String> template = Files.readAllLines(LambdaArtifact.ROOT.resolve("template.yaml"));

    assertFunction(
        resource(template, "PaletteFunction"),
        LocalStack.WORKER_JVM_OPTIONS,
        LocalStack.WORKER_SNAP_START);
    assertFunction(
        resource(template, "ApiFunction"), LocalStack.QUICK_JVM_OPTIONS, LocalApi.SNAP_START);
    assertFunction(
        resource(template, "FilmGrabFunction"),
        LocalStack.QUICK_JVM_OPTIONS,
        LocalStack.LANE_SNAP_START);
  }

  private static void assertFunction(List<String> lines, String options, boolean snapStart) {
    assertThat(lines).contains("JAVA_TOOL_OPTIONS: \"" + options + "\"");
    assertThat(lines.contains("SnapStart:") && lines.contains("ApplyOn: PublishedVersions"))
        .isEqualTo(snapStart);
  }

  /** A resource's lines, stripped: from its name to the next resource. */
  static List<String> resource(List<String> template, String name) {
    int start = template.indexOf("  " + name + ":");
    assertThat(start).as(name).isNotNegative();
    List<String> lines = new ArrayList<>();
    for (String line : template.subList(start + 1, template.size())) {
      if (line.matches("  \\S.*") || line.matches("\\S.*")) {
        break;
      }
      lines.add(line.strip());
    }
    return lines;
  }
}
