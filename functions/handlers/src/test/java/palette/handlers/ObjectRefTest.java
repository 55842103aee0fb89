package palette.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ObjectRefTest {
  @ParameterizedTest
  @Event(value = "events/s3-put.json", type = S3Event.class)
  void plusIsASpaceAndPercentEscapesAreUtf8(S3Event event) {
    ObjectRef ref = ObjectRef.of(event.getRecords().get(0));

    assertThat(ref).isEqualTo(new ObjectRef("palette-input", "photos/Café au lait.png", 466706));
  }

  @ParameterizedTest
  @Event(value = "events/s3-put-multi.json", type = S3Event.class)
  void anEncodedSlashAndAnEncodedPlusDecode(S3Event event) {
    assertThat(event.getRecords()).hasSize(3);
    assertThat(ObjectRef.of(event.getRecords().get(2)).key())
        .isEqualTo("albums/2024/ünïcode + plus.png");
  }

  @Test
  void outputsGoUnderTheInputKey() {
    assertThat(OutputKeys.prefixFor("photos/My cat.jpg")).isEqualTo("photos/My cat.jpg/");
    assertThat(new ObjectRef("b", "photos/", 0).isFolder()).isTrue();
  }
}
