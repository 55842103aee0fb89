package palette.handlers.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Calls the worker as Lambda does, with event JSON through its stream entry point, and reads each
 * job's outcome from the one log line it writes.
 */
final class WorkerCalls {
  private WorkerCalls() {}

  /** The text of a file in {@code events/}, e.g. {@code "s3-put.json"}. */
  static String event(String name) {
    try (InputStream in = WorkerCalls.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no event file events/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes the worker with {@code payload} and returns its response JSON. */
  static String invoke(PaletteWorker worker, String payload, Context context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      worker.handleRequest(
          new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The job lines written to {@code log} so far, oldest first. */
  static List<Map<String, Object>> jobs(ByteArrayOutputStream log) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : log.toString(StandardCharsets.UTF_8).lines().toList()) {
      try {
        lines.add(JSON.std.mapFrom(line));
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON log line: " + line, e);
      }
    }
    return lines;
  }

  /** The {@code outcome} of each job line: done, failed, skipped or retry. */
  static List<Object> outcomes(ByteArrayOutputStream log) {
    return jobs(log).stream().map(line -> line.get("outcome")).toList();
  }

  /** Waits up to {@code seconds} for {@code latch}; whether it opened. */
  static boolean await(CountDownLatch latch, long seconds) {
    try {
      return latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
