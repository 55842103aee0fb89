package palette.local.s3;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import palette.local.lambda.Invocable;

/**
 * Hands S3 event JSON to the worker function as Lambda does: the event's JSON goes to the
 * function's entry point as it is (the runtime or {@link Invocable#inProcess} deserialises it),
 * asynchronous events on a fixed pool (the reserved concurrency) behind a bounded queue, a failed
 * asynchronous invocation retried twice with backoff and then kept in the {@link DeadLetters}
 * folder, as AWS sends it to the on-failure destination.
 *
 * <p>When the queue is full, {@link #submit} waits for room: the S3 request that raised the event
 * answers later (back-pressure) but no event is dropped and the concurrency stays fixed. Events
 * still queued when the pool is stopped, or whose retry wait is interrupted, go to the dead
 * letters.
 */
public final class LambdaInvoker implements AutoCloseable {
  public static final String FUNCTION_NAME = "PaletteFunction";
  static final int RETRIES = 2;
  static final int TIMEOUT_SECONDS = 60;
  static final int QUEUE_CAPACITY = 256;

  private final Invocable function;
  private final PojoSerializer<S3Event> serializer =
      LambdaEventSerializers.serializerFor(S3Event.class, LambdaInvoker.class.getClassLoader());
  private final ThreadPoolExecutor pool;
  private final long retryDelayMs;
  private final DeadLetters deadLetters;
  private final PrintStream log;

  /** Without a dead-letter folder: given-up events are only logged. */
  public LambdaInvoker(Invocable function, int concurrency, long retryDelayMs, PrintStream log) {
    this(function, concurrency, QUEUE_CAPACITY, retryDelayMs, null, log);
  }

  /**
   * @param concurrency most invocations running at once
   * @param queueCapacity most events waiting for a free invocation
   * @param retryDelayMs wait before the first retry (doubled for the second); AWS waits minutes
   * @param deadLetters where given-up events go; null to only log them
   */
  public LambdaInvoker(
      Invocable function,
      int concurrency,
      int queueCapacity,
      long retryDelayMs,
      DeadLetters deadLetters,
      PrintStream log) {
    this.function = function;
    this.retryDelayMs = retryDelayMs;
    this.deadLetters = deadLetters;
    this.log = log;
    this.pool =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            LambdaInvoker::waitForRoom);
  }

  /** The event as the Lambda runtime deserialises it. */
  public S3Event parse(String eventJson) {
    return serializer.fromJson(eventJson);
  }

  /**
   * A synchronous invocation ({@code RequestResponse}): no retries, failures reach the caller.
   *
   * @return the function's response JSON
   */
  public String invoke(String eventJson) {
    return function.invoke(eventJson);
  }

  /**
   * An asynchronous invocation ({@code Event}), as S3 notifications are delivered; waits while the
   * queue is full.
   */
  public void submit(String eventJson) {
    pool.execute(new Delivery(eventJson));
  }

  /** Events queued or running now. */
  public int pending() {
    return pool.getQueue().size() + pool.getActiveCount();
  }

  private static void waitForRoom(Runnable task, ThreadPoolExecutor pool) {
    Delivery delivery = (Delivery) task;
    try {
      if (pool.isShutdown()) {
        throw new InterruptedException("the worker pool is stopped");
      }
      pool.getQueue().put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delivery.giveUp(e, 0);
    }
  }

  private final class Delivery implements Runnable {
    private final String eventJson;

    Delivery(String eventJson) {
      this.eventJson = eventJson;
    }

    @Override
    public void run() {
      RuntimeException last = null;
      for (int attempt = 0; attempt <= RETRIES; attempt++) {
        try {
          invoke(eventJson);
          return;
        } catch (RuntimeException e) {
          last = e;
          log.println("palette: invocation failed (attempt " + (attempt + 1) + "): " + e);
          if (attempt < RETRIES && !sleep(retryDelayMs << attempt)) {
            giveUp(e, attempt + 1);
            return;
          }
        }
      }
      giveUp(last, RETRIES + 1);
    }

    void giveUp(Throwable error, int attempts) {
      if (deadLetters == null) {
        log.println("palette: event given up after " + attempts + " attempts: " + eventJson);
        return;
      }
      Path file = deadLetters.add(eventJson, error, attempts);
      log.println(
          "palette: event given up after "
              + attempts
              + " attempts, kept in "
              + file
              + " (palette replay "
              + file
              + ")");
    }
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

  /**
   * Finishes the queued and running invocations, waiting at most the function timeout; whatever is
   * still queued then goes to the dead letters.
   */
  @Override
  public void close() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      for (Runnable queued : pool.shutdownNow()) {
        ((Delivery) queued).giveUp(new IllegalStateException("the local stack stopped"), 0);
      }
    }
  }
}
