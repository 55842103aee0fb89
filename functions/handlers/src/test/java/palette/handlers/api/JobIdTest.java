package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdTest {
  @Test
  void base32MatchesTheRfc4648TestVectors() {
    assertThat(JobId.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    assertThat(JobId.base32("f".getBytes())).isEqualTo("my");
  }

  @Test
  void randomIdsAre26CharactersAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = JobId.random().value();
      assertThat(id).matches("[a-z2-7]{26}");
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void anythingElseIsRefusedWithAReadableMessage() {
    assertThatThrownBy(() -> new JobId("../x"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("26 letters");
  }
}
