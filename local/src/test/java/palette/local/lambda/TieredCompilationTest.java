package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void theTemplateGivesEveryFunctionTheOptionsTheLocalTestsUse() throws Exception {
    String template = Files.readString(LambdaArtifact.ROOT.resolve("template.yaml"));

    assertThat(template.lines().filter(line -> line.contains("JAVA_TOOL_OPTIONS:")))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line.strip())
                    .isEqualTo(
                        "JAVA_TOOL_OPTIONS: \"" + LambdaArtifact.TEMPLATE_JVM_OPTIONS + "\""));
  }
}
