package palette.local;

import picocli.CommandLine.Command;

/** Not built yet: prints a notice and fails. */
@Command(
    name = "filmgrab",
    description = "Download the stills of a film from film-grab.com. (not available yet)")
final class FilmgrabCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("palette filmgrab: not available yet");
    return 2;
  }
}
