package palette.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} whose complete UTF-8 lines go to a command's {@link PrintWriter}, so the
 * functions' log lines reach wherever the command's output goes (a terminal, a pipe, a test).
 */
final class LineStream extends OutputStream {
  private final PrintWriter out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private LineStream(PrintWriter out) {
    this.out = out;
  }

  static PrintStream to(PrintWriter out) {
    return new PrintStream(new LineStream(out), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      out.println(line.toString(StandardCharsets.UTF_8));
      out.flush();
      line.reset();
    } else {
      line.write(b);
    }
  }
}
