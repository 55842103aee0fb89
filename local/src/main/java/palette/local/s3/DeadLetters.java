package palette.local.s3;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import palette.core.format.JsonFormat;
import palette.handlers.Json;

/**
 * Where the local stack keeps the events it gave up on, as Lambda's on-failure destination does in
 * AWS: one readable JSON file per event, in Lambda's own destination record format ({@code
 * requestContext}, {@code requestPayload} = the event, {@code responsePayload} = the last error),
 * so a person can see what failed and why, and {@code palette replay} can deliver it again.
 */
public final class DeadLetters {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path folder;

  public DeadLetters(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** Records an event whose every attempt failed; returns the file written. */
  public Path add(String eventJson, Throwable lastError, int attempts) {
    Instant now = Instant.now();
    String id = UUID.randomUUID().toString();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("requestId", id);
    context.put("functionArn", LambdaInvoker.FUNCTION_NAME);
    context.put("condition", "RetriesExhausted");
    context.put("approximateInvokeCount", attempts);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("errorType", lastError.getClass().getName());
    error.put("errorMessage", String.valueOf(lastError.getMessage()));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("version", "1.0");
    record.put("timestamp", now.toString());
    record.put("requestContext", context);
    record.put("requestPayload", parse(eventJson));
    record.put("responsePayload", error);
    Path file = folder.resolve(STAMP.format(now) + "-" + id + ".json");
    try {
      Files.createDirectories(folder);
      Path partial = folder.resolve("." + id + ".tmp");
      String text = JsonFormat.STD.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(record);
      Files.writeString(partial, text + "\n", StandardCharsets.UTF_8);
      // Whole or absent: a replay running meanwhile never reads half a file.
      return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the dead letter " + file, e);
    }
  }

  /** Every dead letter, oldest first (the names start with the time). */
  public List<Path> list() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event a dead letter holds, as JSON to deliver again. */
  public static String event(Path file) {
    try {
      Map<String, Object> record = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
      Object event = record.get("requestPayload");
      if (!(event instanceof Map)) {
        throw new IllegalArgumentException(file + " is not a dead letter: no requestPayload");
      }
      return Json.write(event);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the dead letter " + file, e);
    }
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.std.mapFrom(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not event JSON: " + e.getMessage(), e);
    }
  }
}
