package palette.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code palette} command; one class per subcommand. */
@Command(
    name = "palette",
    mixinStandardHelpOptions = true,
    version = "palette 1.0",
    description = "Colour palettes from images with k-means.",
    subcommands = {
      RunCommand.class,
      BenchCommand.class,
      InvokeCommand.class,
      ServeCommand.class,
      ReplayCommand.class,
      FilmgrabCommand.class,
      FilmCommand.class,
      PublishSiteCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PaletteCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new PaletteCli())
        .setExecutionExceptionHandler(Failures::handle)
        .setDefaultValueProvider(EngineOptions.DEFAULTS)
        .setResourceBundle(new EngineOptions.Help())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
