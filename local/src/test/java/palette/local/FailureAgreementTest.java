package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.handlers.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The API and the command line classify a failure the same way: the API answers with {@link
 * Failure#of}'s HTTP status, and the command line's exit code for the same exception is that
 * class's exit code, as the README lists them.
 */
class FailureAgreementTest {
  record Case(Exception failure, int status, int exitCode, boolean retryable) {}

  static List<Case> cases() {
    return List.of(
        new Case(
            new PaletteException(ErrorCode.INVALID_OPTION, "k must be 1 to 64"), 400, 2, false),
        new Case(new PaletteException(ErrorCode.NOT_AN_IMAGE, "not an image"), 422, 1, false),
        new Case(new PaletteException(ErrorCode.TOO_MANY_PIXELS, "too large"), 422, 1, false),
        new Case(SdkClientException.create("connection refused"), 503, 3, true),
        new Case(S3Exception.builder().statusCode(503).message("Slow Down").build(), 503, 3, true),
        new Case(new UncheckedIOException(new ConnectException("refused")), 503, 3, true),
        new Case(new NoSuchFileException("photo.jpg"), 503, 3, true),
        new Case(new NullPointerException("oops"), 500, 4, false),
        new Case(S3Exception.builder().statusCode(403).message("Denied").build(), 500, 4, false));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theApiAndTheCommandLineAgree(Case c) {
    Failure failure = Failure.of(c.failure());
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(CommandSpec.create()).setErr(new PrintWriter(err));

    assertThat(failure.status()).as("HTTP status").isEqualTo(c.status());
    assertThat(failure.retryable()).as("retryable").isEqualTo(c.retryable());
    assertThat(Failures.handle(c.failure(), cli, null)).as("exit code").isEqualTo(c.exitCode());
    assertThat(err.toString()).startsWith("palette: ");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void onlyABugShowsItsInternals(Case c) {
    StringWriter err = new StringWriter();
    Failures.handle(
        c.failure(), new CommandLine(CommandSpec.create()).setErr(new PrintWriter(err)), null);

    assertThat(err.toString().contains("\tat ")).isEqualTo(c.exitCode() == Failures.BUG);
  }

  @Test
  void aBadOptionExitsAsPicocliUsageErrorsDo() {
    assertThat(Failure.BAD_OPTION.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
  }
}
