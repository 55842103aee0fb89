package palette.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint a Lambda function with SnapStart gets instead of access-key
 * variables: {@code GET} with the {@code Authorization} header set to the token answers the
 * execution role's temporary credentials as JSON ({@code AccessKeyId}, {@code SecretAccessKey},
 * {@code Token}, {@code Expiration}); any other token gets 403. Here the "role" is the local S3's
 * key pair, and the session token is checked by nobody but is sent, as in AWS, with every request.
 */
public final class ContainerCredentials implements AutoCloseable {
  private static final Duration LIFETIME = Duration.ofHours(6);

  private final HttpServer server;
  private final String token = random(32);
  private final String sessionToken = random(48);
  private final String accessKeyId;
  private final String secretAccessKey;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  private ContainerCredentials(HttpServer server, String accessKeyId, String secretAccessKey) {
    this.server = server;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  /** Starts the endpoint on 127.0.0.1 (the SDK accepts plain HTTP only on loopback). */
  public static ContainerCredentials start(String accessKeyId, String secretAccessKey)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newSingleThreadExecutor(ContainerCredentials::daemon));
    ContainerCredentials credentials =
        new ContainerCredentials(server, accessKeyId, secretAccessKey);
    server.createContext("/credentials", credentials::serve);
    server.start();
    return credentials;
  }

  /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
  public String fullUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/credentials";
  }

  /** {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. */
  public String authorizationToken() {
    return token;
  }

  /** Credentials handed out so far: proves a function really fetched them from here. */
  public int served() {
    return served.get();
  }

  /** Requests refused for a missing or wrong token. */
  public int refused() {
    return refused.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      Instant expiration = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
      byte[] body =
          ("{\"AccessKeyId\":\""
                  + accessKeyId
                  + "\",\"SecretAccessKey\":\""
                  + secretAccessKey
                  + "\",\"Token\":\""
                  + sessionToken
                  + "\",\"Expiration\":\""
                  + expiration
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      served.incrementAndGet();
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "container-credentials");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
