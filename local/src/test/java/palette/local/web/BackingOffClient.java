package palette.local.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API client that behaves as the page does when throttled: on 429 it waits the {@code
 * Retry-After} seconds (plus up to a fifth more, so clients refused together do not return
 * together) and asks again. It counts the 429s it met, for the load test's report.
 */
final class BackingOffClient {
  /** Gives up after this many 429s in a row: a throttle that never lets go is a failure. */
  static final int MAX_REFUSALS = 60;

  private final HttpClient http;
  private final AtomicInteger throttled = new AtomicInteger();

  BackingOffClient(HttpClient http) {
    this.http = http;
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    for (int refusals = 0; ; refusals++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 429) {
        return response;
      }
      throttled.incrementAndGet();
      if (refusals >= MAX_REFUSALS) {
        throw new AssertionError(request.uri() + " refused " + refusals + " times in a row");
      }
      long seconds = Long.parseLong(response.headers().firstValue("retry-after").orElse("1"));
      Thread.sleep(seconds * 1000 + ThreadLocalRandom.current().nextLong(seconds * 200 + 1));
    }
  }

  /** The 429s met so far. */
  int throttled() {
    return throttled.get();
  }
}
