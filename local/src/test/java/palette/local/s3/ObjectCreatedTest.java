package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectCreatedTest {
  @Test
  void keysAreEncodedAsS3EncodesThemWithSlashesKept() {
    assertThat(ObjectCreated.encodeKey("photos/a b+é.png")).isEqualTo("photos/a+b%2B%C3%A9.png");
  }

  @Test
  void theLambdaRuntimeReadsBackWhatWeWrote() {
    String key = "albums/été 2024/100% \"real\" + fake.jpg";
    String json =
        new ObjectCreated(
                "ObjectCreated:Copy", "palette-input", key, 1234, "\"abc\"", Instant.EPOCH)
            .toEventJson("eu-west-1");

    var record = new LambdaInvoker(e -> "null", 1, 0, System.err).parse(json).getRecords().get(0);

    assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
    assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(1234);
    assertThat(record.getS3().getObject().geteTag()).isEqualTo("abc");
    assertThat(record.getEventName()).isEqualTo("ObjectCreated:Copy");
    assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
    assertThat(record.getS3().getBucket().getName()).isEqualTo("palette-input");
  }
}
