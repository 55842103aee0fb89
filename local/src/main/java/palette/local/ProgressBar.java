package palette.local;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return, like the original's tqdm bar:
 * {@code [###########.........] 12/65 BladeRunner2049_012.jpg}.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final int total;
  private final boolean enabled;
  private int lastLength;

  ProgressBar(PrintWriter out, int total, boolean enabled) {
    this.out = out;
    this.total = total;
    this.enabled = enabled;
  }

  void show(int done, String label) {
    if (!enabled) {
      return;
    }
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d/%d  %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            done,
            total,
            label);
    String padding = " ".repeat(Math.max(0, lastLength - line.length()));
    out.print("\r" + line + padding);
    out.flush();
    lastLength = line.length();
  }

  void finish() {
    if (enabled && lastLength > 0) {
      out.println();
      out.flush();
    }
  }
}
