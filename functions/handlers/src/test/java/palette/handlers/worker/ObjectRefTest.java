package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import palette.handlers.OutputKeys;

class ObjectRefTest {
  static List<ObjectRef> objects(String eventFile) throws IOException {
    byte[] json = WorkerCalls.event(eventFile).getBytes(StandardCharsets.UTF_8);
    return WorkerInput.read(new ByteArrayInputStream(json)).objects();
  }

  @Test
  void plusIsASpaceAndPercentEscapesAreUtf8() throws IOException {
    assertThat(objects("s3-put.json"))
        .containsExactly(
            new ObjectRef(
                "palette-input",
                "photos/Café au lait.png",
                466706,
                "f24210802e8d0690e0c1c2302f907cc4"));
  }

  @Test
  void anEncodedSlashAndAnEncodedPlusDecode() throws IOException {
    List<ObjectRef> objects = objects("s3-put-multi.json");

    assertThat(objects).hasSize(3);
    assertThat(objects.get(2).key()).isEqualTo("albums/2024/ünïcode + plus.png");
  }

  @Test
  void outputsGoUnderTheInputKey() {
    assertThat(OutputKeys.prefixFor("photos/My cat.jpg")).isEqualTo("photos/My cat.jpg/");
    assertThat(new ObjectRef("b", "photos/", 0).isFolder()).isTrue();
  }
}
