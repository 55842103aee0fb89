package palette.local;

import java.util.ListResourceBundle;
import java.util.Locale;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The engine's options, shared by the commands that run the engine. Each flag's description key is
 * the {@link Option}'s name, so its default, range and help come from the model ({@link #DEFAULTS},
 * {@link Help}) and every value is checked by it as it is parsed: a bad value is a usage error
 * (exit 2) naming the flag, as picocli reports its own.
 */
final class EngineOptions {
  /** Each model option's default, for the flag whose description key names it. */
  static final CommandLine.IDefaultValueProvider DEFAULTS =
      arg -> modelOption(arg).map(o -> o.defaultValue().toString()).orElse(null);

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private PaletteOptions options = PaletteOptions.defaults();

  @CommandLine.Option(
      names = {"-k", "--colors"},
      paramLabel = "K",
      descriptionKey = "k")
  void k(String value) {
    set(Option.K, "--colors", value);
  }

  @CommandLine.Option(
      names = {"-l", "--limit"},
      paramLabel = "N",
      descriptionKey = "limit")
  void limit(String value) {
    set(Option.LIMIT, "--limit", value);
  }

  @CommandLine.Option(names = "--space", paramLabel = "SPACE", descriptionKey = "space")
  void space(String value) {
    set(Option.SPACE, "--space", value);
  }

  @CommandLine.Option(names = "--sort", paramLabel = "ORDER", descriptionKey = "sort")
  void sort(String value) {
    set(Option.SORT, "--sort", value);
  }

  @CommandLine.Option(names = "--seed", paramLabel = "N", descriptionKey = "seed")
  void seed(String value) {
    set(Option.SEED, "--seed", value);
  }

  @CommandLine.Option(names = "--equal-stripes", descriptionKey = "equalStripes")
  void equalStripes(boolean value) {
    set(Option.EQUAL_STRIPES, "--equal-stripes", Boolean.toString(value));
  }

  @CommandLine.Option(names = "--plot-points", paramLabel = "N", descriptionKey = "plotPoints")
  void plotPoints(String value) {
    set(Option.PLOT_POINTS, "--plot-points", value);
  }

  @CommandLine.Option(names = "--max-pixels", paramLabel = "N", descriptionKey = "maxPixels")
  void maxPixels(String value) {
    set(Option.MAX_PIXELS, "--max-pixels", value);
  }

  @CommandLine.Option(names = "--max-bytes", paramLabel = "N", descriptionKey = "maxBytes")
  void maxBytes(String value) {
    set(Option.MAX_BYTES, "--max-bytes", value);
  }

  PaletteOptions toOptions() {
    return options;
  }

  private void set(Option option, String flag, String value) {
    try {
      options = option.withText(options, value);
    } catch (PaletteException e) {
      throw new ParameterException(
          command.commandLine(), "Invalid value for option '" + flag + "': " + e.getMessage());
    }
  }

  /** Each flag's help: the model's sentence, its range or values, and its default. */
  static final class Help extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return java.util.Arrays.stream(Option.values())
          .map(o -> new Object[] {o.key(), o.help() + range(o) + " Default: ${DEFAULT-VALUE}."})
          .toArray(Object[][]::new);
    }

    private static String range(Option option) {
      return switch (option.kind()) {
        case INTEGER -> String.format(Locale.ROOT, " %d to %d.", option.min(), option.max());
        case CHOICE -> " One of " + String.join(", ", option.choices()) + ".";
        case BOOLEAN -> "";
      };
    }
  }

  /** The argument a flag's description key names, if it is a model option. */
  static java.util.Optional<Option> modelOption(ArgSpec arg) {
    return arg instanceof OptionSpec option
        ? Option.find(option.descriptionKey())
        : java.util.Optional.empty();
  }
}
