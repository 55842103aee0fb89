package palette.local;

import picocli.CommandLine.Command;

/** Not built yet: prints a notice and fails. */
@Command(name = "serve", description = "Run the whole stack on this machine. (not available yet)")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("palette serve: not available yet");
    return 2;
  }
}
