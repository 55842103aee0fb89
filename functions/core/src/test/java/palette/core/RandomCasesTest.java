package palette.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The generators stay in their ranges and reach the edges the properties rely on. */
class RandomCasesTest {

  @Test
  void seedsCountFromOne() {
    assertThat(RandomCases.seeds(3)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void betweenStaysInRangeAndReachesBothEnds() {
    SplittableRandom random = new SplittableRandom(1);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(RandomCases.between(random, 100, 200_000));
    }

    assertThat(seen).allMatch(v -> v >= 100 && v <= 200_000).contains(100, 101, 200_000);
    for (int i = 0; i < 100; i++) {
      assertThat(RandomCases.between(random, -10, Long.MAX_VALUE)).isGreaterThanOrEqualTo(-10);
    }
    assertThatThrownBy(() -> RandomCases.between(random, 2, 1))
        .hasMessage("min must not exceed max, was 2 > 1");
  }

  @Test
  void longsHaveTheirSizeAndRange() {
    SplittableRandom random = new SplittableRandom(2);
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      long[] values = RandomCases.longs(random, 1, 64, 1, 5_000_000);
      sizes.add(values.length);
      assertThat(LongStream.of(values).allMatch(v -> v >= 1 && v <= 5_000_000)).isTrue();
    }

    assertThat(sizes).allMatch(n -> n >= 1 && n <= 64).contains(1, 64);
  }

  @Test
  void bytesIncludeEmptyFullAndUniformArrays() {
    SplittableRandom random = new SplittableRandom(3);
    Set<Integer> sizes = new HashSet<>();
    boolean allOnes = false;
    for (int i = 0; i < 200; i++) {
      byte[] bytes = RandomCases.bytes(random, 255);
      sizes.add(bytes.length);
      allOnes |= bytes.length > 1 && IntStream.range(0, bytes.length).allMatch(b -> bytes[b] == -1);
    }

    assertThat(sizes).allMatch(n -> n <= 255).contains(0, 255);
    assertThat(allOnes).as("an all-0xff array").isTrue();
  }

  @Test
  void stringsHoldEveryKindOfAwkwardCharacter() {
    StringBuilder all = new StringBuilder();
    for (long seed = 1; seed <= 50; seed++) {
      String text = RandomCases.string(new SplittableRandom(seed), 255);
      assertThat(text.length()).isLessThanOrEqualTo(255);
      all.append(text).append('.');
    }
    String text = all.toString();

    assertThat(text).contains("<", "\"", "\\", "\u2028").matches("(?s).*[\\x00-\\x1f].*");
    assertThat(text.codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue();
    assertThat(text.codePoints().anyMatch(c -> c >= 0xd800 && c <= 0xdfff)).as("lone").isTrue();
  }
}
