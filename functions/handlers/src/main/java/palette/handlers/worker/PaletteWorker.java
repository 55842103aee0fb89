package palette.handlers.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import palette.core.Stopwatch;
import palette.filmgrab.FilmGrab;
import palette.handlers.FilmGrabRequest;
import palette.handlers.Json;
import palette.handlers.OutputKeys;

/**
 * The S3-triggered worker: for every object an event names, computes its palette and writes the
 * outputs (see {@link OutputKeys} for where). Permanent failures write {@code error.json} and the
 * invocation succeeds; transient ones are rethrown after the other records are done, so Lambda
 * retries and the idempotent job rewrites identical results.
 *
 * <p>Objects under {@code filmgrab/} ending in {@code .json} are {@link FilmGrabRequest}s: the
 * worker fetches the still they name and writes the same outputs as for an upload. The same request
 * JSON can also be the payload of a direct invocation; the one entry point, a stream handler, tells
 * the two payload shapes apart. It is the only way in, so what Lambda runs is what the local stack
 * and the tests run: each job's outcome is its log line, one JSON object per line.
 */
public final class PaletteWorker implements RequestStreamHandler {
  /** Threads for S3 requests that may run together: one per output written in parallel. */
  private static final ExecutorService REQUESTS =
      Executors.newFixedThreadPool(
          6,
          task -> {
            Thread thread = new Thread(task, "palette-s3");
            thread.setDaemon(true);
            return thread;
          });

  private final PaletteJob job;
  private final FilmGrabJob filmGrabJob;
  private final WorkerConfig config;
  private final PrintStream log;
  private final Function<Context, Budget> budgets;

  /** Held here because the checkpoint context may keep only a weak reference to it. */
  private SnapStartPriming priming;

  /** Used by the Lambda runtime: configuration and clients are built once per container. */
  public PaletteWorker() {
    this(WorkerConfig.fromEnv(System.getenv()));
  }

  private PaletteWorker(WorkerConfig config) {
    this(config, S3Storage.create(config), System.out);
    this.priming = new SnapStartPriming(config, REQUESTS, System.out).register();
  }

  /** For tests and the local stack: any storage, logs to {@code log}. */
  public PaletteWorker(WorkerConfig config, Storage storage, PrintStream log) {
    this(config, storage, log, Budget::of);
  }

  /** As above, with what an invocation may spend taken from {@code budgets} (tests). */
  PaletteWorker(
      WorkerConfig config, Storage storage, PrintStream log, Function<Context, Budget> budgets) {
    this.budgets = budgets;
    this.job = new PaletteJob(storage, config, REQUESTS);
    this.filmGrabJob =
        new FilmGrabJob(storage, config, FilmGrab.create(config.filmGrab()), REQUESTS);
    this.config = config;
    this.log = log;
  }

  /** The name metrics are filed under: the function's own, as Lambda names it. */
  private static String functionName(Context context) {
    return context == null || context.getFunctionName() == null
        ? "PaletteFunction"
        : context.getFunctionName();
  }

  /**
   * The entry point Lambda calls: an S3 event, or a film-grab request given directly, whose outcome
   * is the response ({@code {"status":…,"outputPrefix":…}}).
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String requestId = context == null ? "-" : context.getAwsRequestId();
    WorkerInput payload;
    try {
      payload = WorkerInput.read(input);
    } catch (FilmGrabRequest.Invalid e) {
      Map<String, Object> refused = new LinkedHashMap<>();
      refused.put("status", "failed");
      refused.put("error", "invalid_request");
      refused.put("message", e.getMessage());
      output.write(Json.write(refused).getBytes(StandardCharsets.UTF_8));
      return;
    }
    String response = "null";
    String function = functionName(context);
    if (payload.isDirect()) {
      response = Json.write(direct(payload, requestId, function, budgets.apply(context)));
    } else {
      process(payload.objects(), payload.records(), requestId, function, budgets.apply(context));
    }
    output.write(response.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> direct(
      WorkerInput payload, String requestId, String function, Budget budget) {
    Outcome outcome;
    try {
      outcome = filmGrabJob.run(payload.directRef(), payload.request(), budget, Stopwatch.start());
    } catch (RuntimeException e) {
      log.println(Json.write(retryFields(requestId, function, payload.directRef(), e)));
      throw new TransientFailure(1, 1, e);
    }
    log.println(Json.write(outcome.logFields(requestId, function)));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", outcome.status());
    response.put("key", outcome.object().key());
    response.put("outputPrefix", outcome.prefix());
    if (outcome.errorCode() != null) {
      response.put("error", outcome.errorCode());
      response.put("message", outcome.message());
    }
    return response;
  }

  /**
   * Runs every object's job, logging one line each.
   *
   * @throws TransientFailure after all objects were tried, if any hit an infrastructure failure
   */
  private void process(
      List<ObjectRef> objects, int records, String requestId, String function, Budget budget) {
    RuntimeException firstFailure = null;
    int failures = 0;
    for (ObjectRef ref : objects) {
      try {
        Outcome outcome = run(ref, budget);
        log.println(Json.write(outcome.logFields(requestId, function)));
      } catch (RuntimeException e) {
        failures++;
        firstFailure = firstFailure == null ? e : firstFailure;
        log.println(Json.write(retryFields(requestId, function, ref, e)));
      }
    }
    if (firstFailure != null) {
      throw new TransientFailure(failures, records, firstFailure);
    }
  }

  /** Film-grab requests go to their lane when it exists (see {@link WorkerConfig#filmGrabLane}). */
  private Outcome run(ObjectRef ref, Budget budget) {
    if (!FilmGrabRequest.isRequestKey(ref.key())) {
      return job.run(ref, budget);
    }
    if (config.filmGrabLane()) {
      String prefix = OutputKeys.prefixFor(ref.key());
      return new Outcome(
          ref, "skipped", prefix, null, "the film-grab lane runs it", null, Map.of());
    }
    return filmGrabJob.run(ref, budget);
  }

  /**
   * Runs what SnapStart runs before its snapshot (jobs on a built-in photo, storage answered in
   * memory), so the first real event does not pay for loading and compiling: local servers that
   * call the worker in their own JVM do this at start. Logs what priming did.
   */
  public void warmUp() {
    log.println(Json.write(new SnapStartPriming(config, REQUESTS, log).prime().logFields()));
  }

  static Map<String, Object> retryFields(
      String requestId, String function, ObjectRef ref, Exception e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("level", "ERROR");
    fields.put("requestId", requestId);
    fields.put("bucket", ref.bucket());
    fields.put("key", ref.key());
    fields.put("outcome", "retry");
    fields.put("error", e.getClass().getSimpleName());
    fields.put("message", String.valueOf(e.getMessage()));
    JobMetrics.addRetryTo(fields, function);
    return fields;
  }

  /** Some objects hit S3 throttling, a 5xx or a timeout; Lambda should retry the event. */
  public static final class TransientFailure extends RuntimeException {
    TransientFailure(int failed, int total, RuntimeException first) {
      super(failed + " of " + total + " objects failed transiently: " + first.getMessage(), first);
    }
  }
}
