package palette.handlers.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import palette.filmgrab.FilmGrab;
import palette.handlers.FilmGrabRequest;
import palette.handlers.Json;

/**
 * The film-grab lane: reads the SQS FIFO queue that the input bucket's {@code filmgrab/} events
 * reach through EventBridge, one message group and batch size 1, so at most one film-grab job runs
 * in the whole stack and film-grab.com sees one client at one request a second.
 *
 * <p>Each message's body is S3's {@code Object Created} event; the job is the worker's own ({@link
 * FilmGrabJob}). Permanent failures end in {@code error.json} and the message is done. A transient
 * one (network, 429/5xx, S3) is reported as a batch item failure, with every later message of the
 * batch, since a FIFO group must not run past a failed message: SQS makes it visible again after
 * the visibility timeout, and after {@code maxReceiveCount} receipts moves it to the lane's
 * dead-letter queue. After every batch the handler waits out the pace, because the next message may
 * go to a new container whose client knows nothing of this one's last request.
 */
public final class FilmGrabLane implements RequestStreamHandler {
  /** Threads for the result writes of one job, as the worker's. */
  private static final ExecutorService REQUESTS =
      Executors.newFixedThreadPool(
          6,
          task -> {
            Thread thread = new Thread(task, "palette-lane-s3");
            thread.setDaemon(true);
            return thread;
          });

  private final FilmGrab site;
  private final FilmGrabJob job;
  private final PrintStream log;

  /** Used by the Lambda runtime: configuration and clients are built once per container. */
  public FilmGrabLane() {
    this(WorkerConfig.fromEnv(System.getenv()));
  }

  private FilmGrabLane(WorkerConfig config) {
    this(config, S3Storage.create(config), System.out);
  }

  /** For tests and the local stack: any storage, logs to {@code log}. */
  public FilmGrabLane(WorkerConfig config, Storage storage, PrintStream log) {
    this.site = FilmGrab.create(config.filmGrab());
    this.job = new FilmGrabJob(storage, config, site, REQUESTS);
    this.log = log;
  }

  /** Answers {@code {"batchItemFailures":[{"itemIdentifier":…}]}}, empty when all succeeded. */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String requestId = context == null ? "-" : context.getAwsRequestId();
    String function =
        context == null || context.getFunctionName() == null
            ? "FilmGrabFunction"
            : context.getFunctionName();
    List<LaneMessage> messages = LaneMessage.read(input.readAllBytes());
    List<Map<String, String>> failures = new ArrayList<>();
    try {
      for (LaneMessage message : messages) {
        if (!failures.isEmpty() || !run(message, requestId, function, Budget.of(context))) {
          failures.add(Map.of("itemIdentifier", message.messageId()));
        }
      }
    } finally {
      site.awaitPace();
    }
    output.write(
        Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
  }

  /** False when the message should be received again (a transient failure). */
  private boolean run(LaneMessage message, String requestId, String function, Budget budget) {
    ObjectRef ref = message.object();
    if (ref == null || !FilmGrabRequest.isRequestKey(ref.key())) {
      log.println(
          Json.write(
              Map.of(
                  "level", "WARN",
                  "requestId", requestId,
                  "messageId", message.messageId(),
                  "outcome", "ignored",
                  "message", "not an Object Created event for a filmgrab/*.json request")));
      return true;
    }
    try {
      log.println(Json.write(job.run(ref, budget).logFields(requestId, function)));
      return true;
    } catch (RuntimeException e) {
      log.println(Json.write(PaletteWorker.retryFields(requestId, function, ref, e)));
      return false;
    }
  }
}
