package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitMixTest {
  @Test
  void nextIntStaysInItsBoundAndHitsEveryValueAboutEquallyOften() {
    SplitMix random = new SplitMix(42);
    int[] counts = new int[7];

    for (int i = 0; i < 70_000; i++) {
      counts[random.nextInt(7)]++;
    }

    for (int count : counts) {
      assertThat(count).isBetween(9_500, 10_500);
    }
  }

  @Test
  void theSameSeedGivesTheSameDraws() {
    SplitMix a = new SplitMix(-3);
    SplitMix b = new SplitMix(-3);

    for (int bound : new int[] {1, 2, 3, 1000, Integer.MAX_VALUE}) {
      int drawn = a.nextInt(bound);
      assertThat(drawn).isEqualTo(b.nextInt(bound)).isBetween(0, bound - 1);
    }
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> new SplitMix(1).nextInt(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound must be positive, was 0");
  }
}
