package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import palette.core.options.Option;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line's engine flags agree with the option model: defaults, bounds, help. */
class EngineOptionsTest {
  /** The flag of each model option. */
  static final Map<Option, String> FLAGS =
      Map.of(
          Option.K, "--colors",
          Option.LIMIT, "--limit",
          Option.SPACE, "--space",
          Option.SORT, "--sort",
          Option.EQUAL_STRIPES, "--equal-stripes",
          Option.SEED, "--seed",
          Option.PLOT_POINTS, "--plot-points",
          Option.MAX_PIXELS, "--max-pixels",
          Option.MAX_BYTES, "--max-bytes");

  @Test
  void everyModelOptionIsAFlagWithTheModelsDefaultAndHelp() {
    assertThat(FLAGS.keySet()).containsExactlyInAnyOrder(Option.values());
    for (String command : List.of("run", "film", "bench")) {
      CommandLine line = PaletteCli.commandLine().getSubcommands().get(command);
      for (Map.Entry<Option, String> entry : FLAGS.entrySet()) {
        OptionSpec flag = line.getCommandSpec().findOption(entry.getValue());
        Option option = entry.getKey();

        assertThat(flag).as(command + " " + entry.getValue()).isNotNull();
        assertThat(flag.descriptionKey()).isEqualTo(option.key());
        assertThat(flag.defaultValueString()).isEqualTo(option.defaultValue().toString());
        assertThat(String.join(" ", flag.description()))
            .startsWith(option.help())
            .contains("Default: " + option.defaultValue());
      }
    }
  }

  @Test
  void theBoundsAreAcceptedAndOneBeyondIsAUsageErrorNamingTheFlag() {
    for (Map.Entry<Option, String> entry : FLAGS.entrySet()) {
      Option option = entry.getKey();
      if (option.kind() != Option.Kind.INTEGER) {
        continue;
      }
      for (long good : new long[] {option.min(), option.max()}) {
        EngineOptions parsed = parse(entry.getValue(), Long.toString(good));
        assertThat(option.valueIn(parsed.toOptions())).isEqualTo(good);
      }
      for (String bad :
          List.of(
              BigInteger.valueOf(option.max()).add(BigInteger.ONE).toString(),
              "4294967302",
              "2.5",
              "")) {
        if (bad.equals("4294967302") && option.max() >= 4294967302L) {
          continue;
        }
        RunCommandTest.Result result =
            RunCommandTest.palette("run", "--json", entry.getValue(), bad);

        assertThat(result.exitCode()).as(entry.getValue() + " " + bad).isEqualTo(2);
        assertThat(result.err())
            .startsWith("Invalid value for option '" + entry.getValue() + "': " + option.key());
      }
    }
  }

  @Test
  void aChoiceOutsideTheModelsValuesIsAUsageError() {
    RunCommandTest.Result result = RunCommandTest.palette("run", "--json", "--space", "hsv");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Invalid value for option '--space': space must be rgb or oklab, was 'hsv'");
  }

  @Test
  void helpShowsTheModelsRangeAndDefault() {
    RunCommandTest.Result result = RunCommandTest.palette("help", "run");

    assertThat(result.out())
        .contains(Option.K.help() + " 1 to 64. Default: 6.")
        .contains("Default: 26214400.");
  }

  private static EngineOptions parse(String flag, String value) {
    CommandLine line = PaletteCli.commandLine();
    line.parseArgs("run", flag, value);
    return ((RunCommand) line.getSubcommands().get("run").getCommand()).engine;
  }
}
