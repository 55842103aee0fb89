package palette.local.s3;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jclouds.blobstore.BlobStore;
import palette.handlers.FilmGrabRequest;
import palette.handlers.worker.FilmGrabLane;
import palette.handlers.worker.PaletteWorker;
import palette.handlers.worker.S3Storage;
import palette.handlers.worker.WorkerConfig;
import palette.local.lambda.Invocable;
import palette.local.lambda.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The serverless stack's storage half on one machine: the embedded S3 with an input and an output
 * bucket, and the real worker handler invoked by S3-style notifications for every object written to
 * the input bucket. Film-grab requests ({@code filmgrab/*.json}) go through their own lane, one
 * invocation at a time, as the FIFO queue with one message group does in AWS: the lane's function
 * is the AWS one ({@link #LANE_HANDLER}) and gets the event AWS would give it, an SQS message whose
 * body is S3's EventBridge event, so however many jobs arrive, film-grab.com sees one client at its
 * pace. The functions get the same environment variables as in AWS; only {@code S3_ENDPOINT}
 * differs. Other local services (the API, the site) start beside it.
 */
public final class LocalStack implements AutoCloseable {
  public static final String INPUT_BUCKET = "palette-input";
  public static final String OUTPUT_BUCKET = "palette-output";

  /** The worker's handler, memory and concurrency, as the template sets them. */
  public static final String WORKER_HANDLER =
      "palette.handlers.worker.PaletteWorker::handleRequest";

  /** The template's {@code MemorySize} default (a test keeps them equal). */
  public static final int WORKER_MEMORY_MB = 1769;

  static final int CONCURRENCY = 2;

  /** Whether the template gives the worker SnapStart (a test keeps them equal). */
  public static final boolean WORKER_SNAP_START = true;

  /** Whether the template gives the film-grab lane SnapStart (a test keeps them equal). */
  public static final boolean LANE_SNAP_START = false;

  /**
   * The worker's {@code JAVA_TOOL_OPTIONS} in the template (a test keeps them equal): both
   * compilers, because its SnapStart priming compiles the hot code before the snapshot, and a heap
   * that starts at a quarter of the memory, so a job's garbage fits in the young generation.
   */
  public static final String WORKER_JVM_OPTIONS =
      "-XX:+TieredCompilation -XX:TieredStopAtLevel=4 -XX:InitialRAMPercentage=25";

  /**
   * The other functions' {@code JAVA_TOOL_OPTIONS} in the template: the quick compiler only, for
   * short requests (Lambda's own default for java21).
   */
  public static final String QUICK_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  /** The film-grab lane's handler and timeout, as the template sets them. */
  public static final String LANE_HANDLER = "palette.handlers.worker.FilmGrabLane::handleRequest";

  static final int LANE_TIMEOUT_SECONDS = 300;

  /** The film-grab lane's concurrency: one, so the stack keeps film-grab.com's pace as a whole. */
  static final int LANE_CONCURRENCY = 1;

  private final LocalS3 s3;
  private final LambdaInvoker invoker;
  private final LambdaInvoker lane;
  private final PaletteWorker worker;
  private final LocalRuntime runtime;
  private final Map<String, String> workerEnv;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private LocalStack(
      LocalS3 s3,
      LambdaInvoker invoker,
      LambdaInvoker lane,
      PaletteWorker worker,
      LocalRuntime runtime,
      Map<String, String> workerEnv) {
    this.s3 = s3;
    this.invoker = invoker;
    this.lane = lane;
    this.worker = worker;
    this.runtime = runtime;
    this.workerEnv = workerEnv;
  }

  /**
   * What to start.
   *
   * @param folder where the buckets live on disk
   * @param port S3 port, 0 for any free one
   * @param notifications whether writes to the input bucket invoke the worker
   * @param corsOrigin web origin allowed to call S3 from a browser
   * @param env worker environment on top of the stack's own (for example {@code DEFAULT_K})
   * @param faults a decorator around the store, for tests that make S3 fail; identity otherwise
   * @param log where the worker's log lines and invocation failures go
   * @param deadLetters folder for events that failed every attempt ({@code palette replay})
   * @param lambdaRuntime run the worker as Lambda does (the built artifact under the official
   *     runtime client, in its own JVMs, credentials from a container credentials endpoint) rather
   *     than calling its entry point in this JVM
   */
  public record Settings(
      Path folder,
      int port,
      boolean notifications,
      String corsOrigin,
      Map<String, String> env,
      UnaryOperator<BlobStore> faults,
      PrintStream log,
      Path deadLetters,
      boolean lambdaRuntime) {

    /**
     * The dead letters beside the buckets: {@code .palette/s3} gives {@code .palette/dead-letters}.
     */
    public static Settings defaults(Path folder) {
      return new Settings(
          folder,
          0,
          true,
          "http://localhost:8080",
          Map.of(),
          s -> s,
          System.out,
          deadLettersBeside(folder),
          false);
    }

    public static Path deadLettersBeside(Path folder) {
      Path absolute = folder.toAbsolutePath();
      return absolute.resolveSibling("dead-letters");
    }

    public Settings withDeadLetters(Path deadLetters) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withPort(int port) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withNotifications(boolean notifications) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withCorsOrigin(String corsOrigin) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withEnv(Map<String, String> env) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withFaults(UnaryOperator<BlobStore> faults) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withLog(PrintStream log) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }

    public Settings withLambdaRuntime(boolean lambdaRuntime) {
      return new Settings(
          folder, port, notifications, corsOrigin, env, faults, log, deadLetters, lambdaRuntime);
    }
  }

  /** The film-grab lane's function, as the template names it. */
  static final String LANE_FUNCTION = "FilmGrabFunction";

  /** The variables the template gives a function: its own and its {@code JAVA_TOOL_OPTIONS}. */
  public static Map<String, String> withJvmOptions(Map<String, String> env, String options) {
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_TOOL_OPTIONS", options);
    return Map.copyOf(all);
  }

  /**
   * The lane as its event source mapping sees it: a message the handler reports as a batch item
   * failure is received again (here: retried, then kept as a dead letter, as SQS redrives it to the
   * lane's dead-letter queue after {@code maxReceiveCount}).
   */
  static Invocable failingOnReportedFailures(Invocable lane) {
    return payload -> {
      String response = lane.invoke(payload);
      if (!response.contains("\"batchItemFailures\":[]")) {
        throw new IllegalStateException("the film-grab lane reported failures: " + response);
      }
      return response;
    };
  }

  public static LocalStack start(Settings settings) throws Exception {
    AtomicReference<LambdaInvoker> target = new AtomicReference<>();
    AtomicReference<LambdaInvoker> laneTarget = new AtomicReference<>();
    UnaryOperator<BlobStore> wrap =
        store ->
            new NotifyingBlobStore(
                settings.faults().apply(store),
                Set.of(INPUT_BUCKET),
                created -> {
                  boolean film = FilmGrabRequest.isRequestKey(created.key());
                  LambdaInvoker invoker = (film ? laneTarget : target).get();
                  if (invoker != null && settings.notifications()) {
                    invoker.submit(
                        film
                            ? created.toQueuedEventJson(LocalS3.REGION)
                            : created.toEventJson(LocalS3.REGION));
                  }
                });
    LocalS3 s3 = LocalS3.start(settings.folder(), settings.port(), wrap, settings.corsOrigin());
    try {
      s3.createBucket(INPUT_BUCKET);
      s3.createBucket(OUTPUT_BUCKET);
      Map<String, String> env = new HashMap<>(settings.env());
      env.put(WorkerConfig.OUTPUT_BUCKET, OUTPUT_BUCKET);
      env.put(WorkerConfig.S3_ENDPOINT, s3.endpoint().toString());
      env.put(WorkerConfig.AWS_REGION, LocalS3.REGION);
      Map<String, String> laneEnv = Map.copyOf(env);
      env.put(WorkerConfig.FILMGRAB_LANE, "queue");
      WorkerConfig config = WorkerConfig.fromEnv(env);
      PaletteWorker worker = null;
      LocalRuntime runtime = null;
      Invocable function;
      Invocable laneFunction;
      if (settings.lambdaRuntime()) {
        runtime = LocalRuntime.start(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        function =
            runtime.function(
                LambdaInvoker.FUNCTION_NAME,
                WORKER_HANDLER,
                WORKER_MEMORY_MB,
                LambdaInvoker.TIMEOUT_SECONDS,
                CONCURRENCY,
                WORKER_SNAP_START,
                withJvmOptions(env, WORKER_JVM_OPTIONS),
                settings.log());
        laneFunction =
            runtime.function(
                LANE_FUNCTION,
                LANE_HANDLER,
                WORKER_MEMORY_MB,
                LANE_TIMEOUT_SECONDS,
                LANE_CONCURRENCY,
                LANE_SNAP_START,
                withJvmOptions(laneEnv, QUICK_JVM_OPTIONS),
                settings.log());
      } else {
        worker = new PaletteWorker(config, new S3Storage(client(config)), settings.log());
        function =
            Invocable.inProcess(worker, LambdaInvoker.FUNCTION_NAME, LambdaInvoker.TIMEOUT_SECONDS);
        FilmGrabLane handler =
            new FilmGrabLane(
                WorkerConfig.fromEnv(laneEnv), new S3Storage(client(config)), settings.log());
        laneFunction = Invocable.inProcess(handler, LANE_FUNCTION, LANE_TIMEOUT_SECONDS);
      }
      LambdaInvoker invoker =
          new LambdaInvoker(
              function,
              CONCURRENCY,
              LambdaInvoker.QUEUE_CAPACITY,
              500,
              new DeadLetters(settings.deadLetters()),
              settings.log());
      LambdaInvoker lane =
          new LambdaInvoker(
              failingOnReportedFailures(laneFunction),
              LANE_CONCURRENCY,
              LambdaInvoker.QUEUE_CAPACITY,
              500,
              new DeadLetters(settings.deadLetters()),
              settings.log());
      target.set(invoker);
      laneTarget.set(lane);
      return new LocalStack(s3, invoker, lane, worker, runtime, Map.copyOf(env));
    } catch (Exception | Error e) {
      s3.close();
      throw e;
    }
  }

  /** An S3 client signed with the local credentials, as the worker's. */
  public static S3Client client(WorkerConfig config) {
    return S3Storage.client(
        config,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)));
  }

  /** A new client for this stack's S3 (the caller closes it). */
  public S3Client client() {
    return client(WorkerConfig.fromEnv(workerEnv));
  }

  public URI endpoint() {
    return s3.endpoint();
  }

  public LocalS3 s3() {
    return s3;
  }

  /**
   * Loads the worker's code paths once, so the first dropped file is handled at warm speed. Under
   * the Lambda runtime each environment starts cold, as an on-demand function does.
   */
  public void warmUp() {
    if (worker != null) {
      worker.warmUp();
    }
  }

  /** Lambda on this machine, when the worker runs under it; other functions start beside it. */
  public Optional<LocalRuntime> runtime() {
    return Optional.ofNullable(runtime);
  }

  /** Invokes the worker as Lambda does. */
  public LambdaInvoker invoker() {
    return invoker;
  }

  /**
   * The invoker a kept event belongs to: the film-grab lane for SQS events (its messages), the
   * worker for S3's.
   */
  public LambdaInvoker invokerFor(String eventJson) {
    return eventJson.contains("\"eventSource\":\"aws:sqs\"") ? lane : invoker;
  }

  /** The worker's environment, as {@code events/env.json} gives it to {@code sam local}. */
  public Map<String, String> workerEnv() {
    return workerEnv;
  }

  /** Stops the worker pool, then S3; a second call does nothing. */
  @Override
  public void close() throws Exception {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      invoker.close();
      lane.close();
    } finally {
      try {
        if (runtime != null) {
          runtime.close();
        }
      } finally {
        s3.close();
      }
    }
  }
}
