package palette.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The routes of the Lambda Runtime API that a Java runtime client uses, for one execution
 * environment: {@code /invocation/next} hands out the next payload (as {@code application/json},
 * which the official client insists on) and waits while there is none, as a frozen sandbox would;
 * the response and error routes complete that invocation; {@code /init/error} fails the
 * environment, and so does {@code /restore/error}; {@code /restore/next} lets a SnapStart runtime
 * go on after its hooks. One environment runs one invocation at a time, so each has its own server.
 */
final class RuntimeApi implements AutoCloseable {
  private static final String BASE = "/2018-06-01/runtime";

  /** What the function returned: its response, or the error document the runtime posted. */
  record Reply(boolean success, String body) {}

  private record Invocation(
      String requestId, byte[] payload, long deadlineMs, CompletableFuture<Reply> reply) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(RuntimeApi::daemon);
  private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> running = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> initialised = new CompletableFuture<>();
  private final String functionArn;
  private volatile boolean closed;

  RuntimeApi(String functionArn) throws IOException {
    this.functionArn = functionArn;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::reply);
    server.createContext(BASE + "/init/error", this::initError);
    server.createContext(BASE + "/restore/next", this::restoreNext);
    server.createContext(BASE + "/restore/error", this::initError);
    server.start();
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Completes when the runtime first asks for work (its init phase is over), or fails. */
  CompletableFuture<Void> initialised() {
    return initialised;
  }

  /** Queues one invocation; the future completes when the runtime posts its result. */
  CompletableFuture<Reply> submit(byte[] payload, long timeoutMs) {
    String requestId = UUID.randomUUID().toString();
    Invocation invocation =
        new Invocation(
            requestId, payload, System.currentTimeMillis() + timeoutMs, new CompletableFuture<>());
    queue.add(invocation);
    return invocation.reply();
  }

  /** Fails every queued and running invocation, for example when the runtime process ended. */
  void failAll(String reason) {
    IllegalStateException error = new IllegalStateException(reason);
    initialised.completeExceptionally(error);
    for (Invocation invocation : queue) {
      invocation.reply().completeExceptionally(error);
    }
    queue.clear();
    running.values().forEach(invocation -> invocation.reply().completeExceptionally(error));
    running.clear();
  }

  private void next(HttpExchange exchange) throws IOException {
    initialised.complete(null);
    Invocation invocation = null;
    try {
      while (invocation == null && !closed) {
        invocation = queue.poll(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (invocation == null) {
      exchange.close(); // shutting down: the runtime's request just ends
      return;
    }
    running.put(invocation.requestId(), invocation);
    var headers = exchange.getResponseHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs()));
    headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    headers.add("Lambda-Runtime-Trace-Id", traceId());
    exchange.sendResponseHeaders(200, invocation.payload().length);
    exchange.getResponseBody().write(invocation.payload());
    exchange.close();
  }

  private void reply(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().substring(BASE.length()).split("/");
    // /invocation/{requestId}/response or /invocation/{requestId}/error
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Invocation invocation = parts.length == 4 ? running.remove(parts[2]) : null;
    exchange.sendResponseHeaders(invocation == null ? 400 : 202, -1);
    exchange.close();
    if (invocation != null) {
      invocation.reply().complete(new Reply(parts[3].equals("response"), body));
    }
  }

  /**
   * A SnapStart runtime asks for this once its before-snapshot hooks ran; Lambda answers after the
   * environment is restored from the snapshot. Here there is no snapshot: it is answered at once.
   */
  private void restoreNext(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /**
   * The init phase, or a SnapStart hook ({@code /restore/error}), failed: so does the environment.
   */
  private void initError(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
    failAll("the function's init phase failed: " + body);
  }

  /** An X-Ray trace header in the documented format, unsampled: nothing is sent locally. */
  private static String traceId() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    long epoch = System.currentTimeMillis() / 1000;
    return "Root=1-" + Long.toHexString(epoch) + "-" + hex.substring(0, 24) + ";Sampled=0";
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "lambda-runtime-api");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
