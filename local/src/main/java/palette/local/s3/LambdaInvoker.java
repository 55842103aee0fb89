package palette.local.s3;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands S3 event JSON to a handler as Lambda does: deserialised by the Lambda runtime's own
 * serialiser, asynchronous events on a small bounded pool (the reserved concurrency), a failed
 * asynchronous invocation retried twice before it is given up (where AWS would send it to the
 * dead-letter queue).
 */
public final class LambdaInvoker implements AutoCloseable {
  public static final String FUNCTION_NAME = "PaletteFunction";
  static final int RETRIES = 2;
  static final int TIMEOUT_SECONDS = 60;

  private final RequestHandler<S3Event, ?> handler;
  private final PojoSerializer<S3Event> serializer =
      LambdaEventSerializers.serializerFor(S3Event.class, LambdaInvoker.class.getClassLoader());
  private final ThreadPoolExecutor pool;
  private final long retryDelayMs;
  private final PrintStream log;

  /**
   * @param concurrency most invocations running at once
   * @param retryDelayMs wait before the first retry (doubled for the second); AWS waits minutes
   */
  public LambdaInvoker(
      RequestHandler<S3Event, ?> handler, int concurrency, long retryDelayMs, PrintStream log) {
    this.handler = handler;
    this.retryDelayMs = retryDelayMs;
    this.log = log;
    // When the queue is full the S3 request that raised the event waits: back-pressure, no loss.
    this.pool =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** The event as the Lambda runtime deserialises it. */
  public S3Event parse(String eventJson) {
    return serializer.fromJson(eventJson);
  }

  /** A synchronous invocation ({@code RequestResponse}): no retries, failures reach the caller. */
  public Object invoke(String eventJson) {
    S3Event event = parse(eventJson);
    return handler.handleRequest(event, new LocalContext(FUNCTION_NAME, TIMEOUT_SECONDS));
  }

  /** An asynchronous invocation ({@code Event}), as S3 notifications are delivered. */
  public void submit(String eventJson) {
    pool.execute(() -> deliver(eventJson));
  }

  private void deliver(String eventJson) {
    for (int attempt = 0; attempt <= RETRIES; attempt++) {
      try {
        invoke(eventJson);
        return;
      } catch (RuntimeException e) {
        log.println("palette: invocation failed (attempt " + (attempt + 1) + "): " + e);
        if (!sleep(retryDelayMs << attempt)) {
          return;
        }
      }
    }
    log.println("palette: event given up after " + (RETRIES + 1) + " attempts: " + eventJson);
  }

  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Finishes the queued and running invocations, waiting at most the function timeout. */
  @Override
  public void close() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }
}
