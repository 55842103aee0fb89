package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import palette.core.PaletteException;
import palette.filmgrab.FilmGrabException;
import palette.handlers.Failure;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one line on the command's error stream and returns its exit code. Which class
 * a failure is, and so its exit code, is {@link Failure}'s decision, the same one that gives the
 * API its HTTP status: 1 for an input that cannot be used, 2 for a bad option (also picocli's code
 * for a usage error), 3 for I/O or network trouble worth retrying, 4 for a bug.
 */
final class Failures {
  static final int BAD_INPUT = Failure.UNUSABLE_INPUT.exitCode();
  static final int USAGE = Failure.BAD_OPTION.exitCode();
  static final int IO_ERROR = Failure.UNAVAILABLE.exitCode();
  static final int BUG = Failure.BUG.exitCode();

  private Failures() {}

  static int handle(Exception failure, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    Failure kind = Failure.of(cause);
    if (kind == Failure.BUG) {
      err.println("palette: internal error: " + cause);
      cause.printStackTrace(err);
    } else {
      err.println("palette: " + describe(cause));
    }
    return kind.exitCode();
  }

  private static String describe(Throwable cause) {
    if (cause instanceof PaletteException p) {
      return p.getMessage() + " (" + p.code().id() + ")";
    }
    if (cause instanceof FilmGrabException f) {
      Failure.FilmGrabAnswer answer = Failure.filmGrab(f);
      String hint =
          f.reason() == FilmGrabException.Reason.BLOCKED
              ? " (palette film --stills DIR uses saved stills)"
              : "";
      return answer.message() + hint + " (" + answer.code() + ")";
    }
    if (cause instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (cause instanceof IOException io) {
      return io.getClass().getSimpleName() + ": " + io.getMessage();
    }
    return cause.getMessage();
  }
}
