package palette.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import palette.local.s3.LocalContext;

/**
 * A function as its callers see it: a JSON payload in, the JSON response out, or an error. {@link
 * LocalFunction} runs the deployment artifact in Lambda's runtime and reports errors as {@link
 * FunctionError}; {@link #inProcess} calls the same stream entry point in this JVM, for tests of
 * the local stack's own logic, and lets the handler's exception through as it is.
 */
@FunctionalInterface
public interface Invocable {
  String invoke(String payload);

  /** The handler's stream entry point, called here as Lambda's runtime calls it. */
  static Invocable inProcess(RequestStreamHandler handler, String functionName, int timeout) {
    return payload -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        handler.handleRequest(
            new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
            out,
            new LocalContext(functionName, timeout));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString(StandardCharsets.UTF_8);
    };
  }
}
