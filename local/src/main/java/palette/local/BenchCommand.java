package palette.local;

import picocli.CommandLine.Command;

/** Not built yet: prints a notice and fails. */
@Command(name = "bench", description = "Benchmark the engine's stages. (not available yet)")
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("palette bench: not available yet");
    return 2;
  }
}
