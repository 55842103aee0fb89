package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The presigned upload is enforced by S3 itself (a real S3 server checking SigV4): only the exact
 * key, content type, size and options, and only until it expires. The sample request declares
 * 48,213 bytes of image/png with k=6, limit=20, oklab.
 */
class UploadSecurityTest {
  static final int SIZE = 48213;

  @RegisterExtension final S3ProxyExtension proxy = LocalS3.extension();
  S3Client s3;
  Presigned upload;

  @BeforeEach
  void presign() throws Exception {
    upload = presign(Duration.ofMinutes(5));
  }

  private Presigned presign(Duration ttl) throws Exception {
    ApiConfig config = LocalS3.config(proxy.getUri(), ttl);
    if (s3 == null) {
      s3 = LocalS3.prepare(config);
    }
    var event = EventLoader.loadApiGatewayHttpEvent(ApiHandlerTest.POST);
    return new Presigned(
        new ApiHandler(config, LocalS3.CREDENTIALS).handleRequest(event, null).getBody());
  }

  @Test
  void theDeclaredUploadIsAccepted() throws Exception {
    assertThat(upload.put(new byte[SIZE])).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aSecondPutToTheSameKeyIsRefusedAndTheFirstBytesStay() throws Exception {
    byte[] first = new byte[SIZE];
    byte[] second = new byte[SIZE];
    java.util.Arrays.fill(second, (byte) 7);

    assertThat(upload.headers).containsEntry("if-none-match", "*");
    assertThat(upload.put(first)).isEqualTo(200);
    assertThat(upload.put(second)).isEqualTo(412);
    // without the signed header the signature no longer matches
    Map<String, String> unconditional = new LinkedHashMap<>(upload.headers);
    unconditional.remove("if-none-match");
    assertThat(Presigned.put(upload.url, unconditional, second)).isIn(403, Presigned.CLOSED);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalS3.INPUT).key(upload.key)).asByteArray())
        .isEqualTo(first);
  }

  @Test
  void moreOrFewerBytesThanDeclaredAreRejected() throws Exception {
    assertThat(upload.put(new byte[SIZE + 1])).isIn(403, Presigned.CLOSED);
    assertThat(upload.put(new byte[2 * 1024 * 1024])).isIn(403, Presigned.CLOSED);
    assertThat(upload.put(new byte[SIZE - 1])).isIn(403, Presigned.CLOSED);
    assertThat(stored()).isZero();
  }

  @Test
  void anotherKeyIsRejected() throws Exception {
    String other = upload.url.replace(upload.key, upload.key.replace(".png", "-2.png"));
    assertThat(Presigned.put(other, upload.headers, new byte[SIZE])).isIn(403, Presigned.CLOSED);
    String escape = upload.url.replace("uploads/" + upload.jobId, "outputs/" + upload.jobId);
    assertThat(Presigned.put(escape, upload.headers, new byte[SIZE])).isIn(403, Presigned.CLOSED);
    assertThat(stored()).isZero();
  }

  @Test
  void anotherContentTypeIsRejected() throws Exception {
    assertThat(Presigned.put(upload.url, with("content-type", "text/html"), new byte[SIZE]))
        .isIn(403, Presigned.CLOSED);
    assertThat(stored()).isZero();
  }

  @Test
  void changedOrMissingOptionsAreRejected() throws Exception {
    assertThat(Presigned.put(upload.url, with("x-amz-meta-k", "64"), new byte[SIZE]))
        .isIn(403, Presigned.CLOSED);
    Map<String, String> without = new LinkedHashMap<>(upload.headers);
    without.remove("x-amz-meta-space");
    assertThat(Presigned.put(upload.url, without, new byte[SIZE])).isIn(403, Presigned.CLOSED);
    assertThat(stored()).isZero();
  }

  @Test
  void anExpiredUploadIsRejected() throws Exception {
    Presigned shortLived = presign(Duration.ofSeconds(1));
    Thread.sleep(2100);
    assertThat(shortLived.put(new byte[SIZE])).isIn(403, Presigned.CLOSED);
    assertThat(stored()).isZero();
  }

  private Map<String, String> with(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(upload.headers);
    headers.put(name, value);
    return headers;
  }

  private int stored() {
    return (int)
        s3.listObjectsV2(b -> b.bucket(LocalS3.INPUT)).contents().stream()
            .filter(o -> !o.key().endsWith("/"))
            .count();
  }
}
