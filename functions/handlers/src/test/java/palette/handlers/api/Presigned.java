package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Does what the browser does with a {@code POST /uploads} answer: PUT the file to S3. */
final class Presigned {
  /** What {@link #put} returns when the server closed the connection instead of answering. */
  static final int CLOSED = -1;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final String jobId;
  final String key;
  final String url;
  final Map<String, String> headers;

  @SuppressWarnings("unchecked")
  Presigned(String responseBody) throws IOException {
    Map<String, Object> body = JSON.std.mapFrom(responseBody);
    Map<String, Object> upload = (Map<String, Object>) body.get("upload");
    this.jobId = (String) body.get("jobId");
    this.key = (String) body.get("key");
    this.url = (String) upload.get("url");
    this.headers = new LinkedHashMap<>();
    ((Map<String, Object>) upload.get("headers")).forEach((k, v) -> headers.put(k, (String) v));
  }

  /**
   * Sends {@code bytes} to {@code url} with {@code headers}; returns S3's status code. It asks
   * first ({@code Expect: 100-continue}, as the AWS SDKs do), so a refusal that S3 decides from the
   * headers alone (a 412) can arrive before the body, on a connection of its own. The local S3
   * sometimes hangs up on a refused PUT without an answer; the request is then sent again, at most
   * three times in all, as a client would.
   */
  static int put(String url, Map<String, String> headers, byte[] bytes) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .expectContinue(true)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (IOException e) {
        // the server refused and hung up before answering
      }
    }
    return CLOSED;
  }

  int put(byte[] bytes) throws Exception {
    return put(url, headers, bytes);
  }

  static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
