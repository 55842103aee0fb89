package palette.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.filmgrab.FilmGrabException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and a one-line message: 1 for a palette the
 * input does not allow (bad image, limits) or a film-grab request that cannot succeed (film not
 * found, refused URL), 3 for I/O trouble (including film-grab network errors and its bot check,
 * since both may pass), 4 for a bug. Usage errors are picocli's (exit 2).
 */
final class Failures {
  static final int BAD_INPUT = 1;
  static final int USAGE = 2;
  static final int IO_ERROR = 3;
  static final int BUG = 4;

  private Failures() {}

  static int handle(Exception failure, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    if (cause instanceof PaletteException p) {
      err.println("palette: " + p.getMessage() + " (" + p.code().id() + ")");
      return p.code() == ErrorCode.INVALID_OPTION ? USAGE : BAD_INPUT;
    }
    if (cause instanceof FilmGrabException f && f.reason() == FilmGrabException.Reason.BLOCKED) {
      err.println("palette: " + f.getMessage() + " (palette film --stills DIR uses saved stills)");
      return IO_ERROR;
    }
    if (cause instanceof FilmGrabException f) {
      err.println("palette: " + f.getMessage());
      return f.isTransient() ? IO_ERROR : BAD_INPUT;
    }
    if (cause instanceof NoSuchFileException n) {
      err.println("palette: no such file: " + n.getFile());
      return IO_ERROR;
    }
    if (cause instanceof IOException io) {
      err.println("palette: " + io.getClass().getSimpleName() + ": " + io.getMessage());
      return IO_ERROR;
    }
    err.println("palette: internal error: " + cause);
    cause.printStackTrace(err);
    return BUG;
  }
}
