package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTransformTest {
  /** Stored 3x2 image: 1 2 3 / 4 5 6. */
  private static final int[] STORED = {1, 2, 3, 4, 5, 6};

  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({
    "1, 3, 2, 1 2 3 4 5 6",
    "2, 3, 2, 3 2 1 6 5 4",
    "3, 3, 2, 6 5 4 3 2 1",
    "4, 3, 2, 4 5 6 1 2 3",
    "5, 2, 3, 1 4 2 5 3 6",
    "6, 2, 3, 4 1 5 2 6 3",
    "7, 2, 3, 6 3 5 2 4 1",
    "8, 2, 3, 3 6 2 5 1 4",
  })
  void turnsTheStoredPixelsUpright(int orientation, int width, int height, String expected) {
    int[] input = STORED.clone();

    PixelImage upright = OrientationTransform.apply(orientation, 3, 2, input);

    assertThat(upright.width()).isEqualTo(width);
    assertThat(upright.height()).isEqualTo(height);
    assertThat(upright.pixels())
        .containsExactly(
            java.util.Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray());
    if (orientation != 1) {
      assertThat(input).containsExactly(STORED);
    }
  }

  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({"0", "9", "-1", "65535"})
  void treatsUnknownValuesAsUpright(int orientation) {
    assertThat(OrientationTransform.apply(orientation, 3, 2, STORED.clone()).pixels())
        .containsExactly(STORED);
  }
}
