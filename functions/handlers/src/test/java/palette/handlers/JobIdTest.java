package palette.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdTest {
  @Test
  void base32MatchesTheRfc4648TestVectors() {
    assertThat(Base32.encode("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    assertThat(Base32.encode("f".getBytes())).isEqualTo("my");
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

  /**
   * Guessing needs a pattern: over 10,000 ids every one of the 125 bits of the first 25 characters
   * is set about half the time, and an id differs from the one made just before it in about half
   * its bits, so knowing one job's id tells nothing about the next. The bound is 6 standard
   * deviations (300 of 10,000): at 5, one of 125 fair bits strays past it in about one run in
   * 14,000, which happened; at 6, about one in 4 million. A bit that is stuck, or set in 54% of ids
   * instead of 50%, still fails nearly every run.
   */
  @Test
  void everyBitIsAFairCoinAndConsecutiveIdsAreUnrelated() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    int ids = 10_000;
    int[] ones = new int[125];
    long distance = 0;
    boolean[] previous = null;
    for (int i = 0; i < ids; i++) {
      String id = JobId.random().value();
      boolean[] bits = new boolean[125];
      for (int bit = 0; bit < 125; bit++) {
        bits[bit] = (alphabet.indexOf(id.charAt(bit / 5)) >> (4 - bit % 5) & 1) == 1;
        ones[bit] += bits[bit] ? 1 : 0;
        distance += previous != null && previous[bit] != bits[bit] ? 1 : 0;
      }
      previous = bits;
    }
    for (int bit = 0; bit < 125; bit++) {
      assertThat(ones[bit]).as("bit " + bit).isBetween(ids / 2 - 300, ids / 2 + 300);
    }
    assertThat(distance / (double) (ids - 1)).isBetween(60.0, 65.0);
  }

  @Test
  void anythingElseIsRefusedWithAReadableMessage() {
    assertThatThrownBy(() -> new JobId("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a job id is 26 letters a-z and digits 2-7, was '../x'");
  }

  @Test
  void theJobOfAnInputKeyIsFoundInUploadAndRequestKeysOnly() {
    String id = "abcdefghijklmnopqrstuvwxyz";

    assertThat(JobId.ofKey("uploads/" + id + "/photo.png")).contains(new JobId(id));
    assertThat(JobId.ofKey("filmgrab/" + id + ".json")).contains(new JobId(id));
    assertThat(JobId.ofKey("uploads/not-an-id/photo.png")).isEmpty();
    assertThat(JobId.ofKey("photos/" + id + ".png")).isEmpty();
  }
}
