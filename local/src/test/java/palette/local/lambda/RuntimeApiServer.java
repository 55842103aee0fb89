package palette.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The few routes of the Lambda Runtime API a Java runtime client uses, serving one event: {@code
 * /next} hands it out (as {@code application/json}, which the official client insists on), the
 * response or error route completes {@link #result()}, and later {@code /next} calls wait, as a
 * frozen Lambda sandbox would.
 */
public final class RuntimeApiServer implements AutoCloseable {
  private static final String BASE = "/2018-06-01/runtime";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String requestId = UUID.randomUUID().toString();
  private final byte[] event;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean handedOut;

  /** What the runtime client posted back. */
  public record Result(boolean success, String body, long atNanos) {}

  public RuntimeApiServer(String eventJson) throws IOException {
    this.event = eventJson.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::reply);
    server.createContext(BASE + "/init/error", exchange -> finish(exchange, false));
    server.start();
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public CompletableFuture<Result> result() {
    return result;
  }

  private void next(HttpExchange exchange) throws IOException {
    synchronized (this) {
      if (handedOut) {
        await();
        exchange.close();
        return;
      }
      handedOut = true;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", requestId);
    headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
    headers.add(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:000000000000:function:PaletteFunction");
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
    exchange.sendResponseHeaders(200, event.length);
    exchange.getResponseBody().write(event);
    exchange.close();
  }

  private void reply(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    finish(exchange, path.equals(BASE + "/invocation/" + requestId + "/response"));
  }

  private void finish(HttpExchange exchange, boolean success) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
    result.complete(new Result(success, body, System.nanoTime()));
  }

  private void await() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
