package palette.local;

import picocli.CommandLine.Command;

/** Not built yet: prints a notice and fails. */
@Command(
    name = "invoke",
    description =
        "Invoke the worker with an S3 event file against an embedded S3. (not available yet)")
final class InvokeCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("palette invoke: not available yet");
    return 2;
  }
}
