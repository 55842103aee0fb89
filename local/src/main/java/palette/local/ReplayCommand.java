package palette.local;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import palette.local.s3.DeadLetters;
import palette.local.s3.LocalStack;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palette replay FILE | --all}: delivers dead-lettered events to the worker again, once the
 * cause (a full disk, a bug, S3 down) is fixed. Each event is invoked synchronously against the
 * local S3 on {@code --data}; a dead letter is removed only when its replay succeeded, so a replay
 * that fails again keeps it for the next try.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Deliver events from the dead-letter folder to the worker again.")
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Parameters(paramLabel = "FILE", description = "A dead-letter file to replay.")
    Path file;

    @Option(names = "--all", description = "Replay every dead letter, oldest first.")
    boolean all;
  }

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder the embedded S3 keeps its buckets in (default: ${DEFAULT-VALUE}).")
  Path data = Path.of(".palette", "s3");

  @Option(
      names = "--dead-letters",
      paramLabel = "DIR",
      description = "Dead-letter folder (default: dead-letters beside --data).")
  Path deadLetters;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = deadLetters == null ? LocalStack.Settings.deadLettersBeside(data) : deadLetters;
    List<Path> files = which.all ? new DeadLetters(folder).list() : List.of(which.file);
    if (files.isEmpty()) {
      out.println("no dead letters in " + folder);
      out.flush();
      return 0;
    }
    var settings =
        LocalStack.Settings.defaults(data)
            .withNotifications(false)
            .withDeadLetters(folder)
            .withLog(System.err);
    int failed = 0;
    try (LocalStack stack = LocalStack.start(settings)) {
      for (Path file : files) {
        failed += replay(stack, file, out) ? 0 : 1;
      }
    }
    out.println((files.size() - failed) + " replayed, " + failed + " failed again");
    out.flush();
    return failed == 0 ? 0 : Failures.IO_ERROR;
  }

  private static boolean replay(LocalStack stack, Path file, PrintWriter out) throws Exception {
    try {
      String event = DeadLetters.event(file);
      stack.invokerFor(event).invoke(event);
    } catch (RuntimeException e) {
      out.println("failed again, kept: " + file + ": " + e.getMessage());
      return false;
    }
    Files.delete(file);
    out.println("replayed: " + file);
    return true;
  }
}
