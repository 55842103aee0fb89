package palette.handlers.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP layer of the S3 client that priming uses: every request is answered in memory, as S3
 * would answer it, so a priming job runs the SDK's own marshalling, signing, checksums and
 * unmarshalling (most of the classes and code a real job's requests need) without opening a
 * connection that the snapshot would freeze. {@code GET} returns the one object it holds; {@code
 * PUT} and {@code DELETE} succeed. It reads each request's body to its end, as a server would.
 */
final class PrimingHttpClient implements SdkHttpClient {
  private final byte[] object;
  private final List<String> requests = new ArrayList<>();

  PrimingHttpClient(byte[] object) {
    this.object = object.clone();
  }

  /** The requests answered so far, as "METHOD path", for tests. */
  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        return answer(request);
      }

      @Override
      public void abort() {}
    };
  }

  private HttpExecuteResponse answer(HttpExecuteRequest request) throws IOException {
    SdkHttpMethod method = request.httpRequest().method();
    synchronized (this) {
      requests.add(method + " " + request.httpRequest().encodedPath());
    }
    if (request.contentStreamProvider().isPresent()) {
      try (InputStream body = request.contentStreamProvider().get().newStream()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    }
    SdkHttpResponse.Builder response =
        SdkHttpResponse.builder().statusCode(method == SdkHttpMethod.DELETE ? 204 : 200);
    response.putHeader("ETag", "\"0123456789abcdef0123456789abcdef\"");
    if (method != SdkHttpMethod.GET) {
      response.putHeader("Content-Length", "0");
      return HttpExecuteResponse.builder().response(response.build()).build();
    }
    response.putHeader("Content-Length", Integer.toString(object.length));
    response.putHeader("Content-Type", "image/jpeg");
    return HttpExecuteResponse.builder()
        .response(response.build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(object)))
        .build();
  }

  @Override
  public void close() {}
}
