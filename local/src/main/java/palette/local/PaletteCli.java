package palette.local;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code palette} command; one class per subcommand. */
@Command(
    name = "palette",
    mixinStandardHelpOptions = true,
    version = "palette 1.0",
    description = "Colour palettes from images with k-means.")
public final class PaletteCli implements Runnable {
  /** Every subcommand, in the order the help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RunCommand.class,
          BenchCommand.class,
          InvokeCommand.class,
          ServeCommand.class,
          ReplayCommand.class,
          FilmgrabCommand.class,
          FilmCommand.class,
          PublishSiteCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** The configured command line with every subcommand, as tests and the help see it. */
  public static CommandLine commandLine() {
    return configured(SUBCOMMANDS);
  }

  /**
   * The command line for {@code args}: when they start with a subcommand's name, only that
   * subcommand is built. Picocli reads every option of every subcommand it is given, which on a
   * cold JVM cost a quarter of a second of each short run.
   */
  static CommandLine commandLine(String[] args) {
    String first = args.length > 0 ? args[0] : "";
    return SUBCOMMANDS.stream()
        .filter(command -> command != CommandLine.HelpCommand.class)
        .filter(command -> command.getAnnotation(Command.class).name().equals(first))
        .findFirst()
        .map(command -> configured(List.of(command)))
        .orElseGet(PaletteCli::commandLine);
  }

  private static CommandLine configured(List<Class<?>> subcommands) {
    CommandLine line = new CommandLine(new PaletteCli());
    subcommands.forEach(line::addSubcommand);
    return line.setExecutionExceptionHandler(Failures::handle)
        .setDefaultValueProvider(EngineOptions.DEFAULTS)
        .setResourceBundle(new EngineOptions.Help())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
