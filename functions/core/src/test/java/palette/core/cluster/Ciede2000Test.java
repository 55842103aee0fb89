package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the test data published with the formula (Sharma, Wu and Dalal, 2005, table 1). */
class Ciede2000Test {

  @ParameterizedTest
  @CsvSource({
    "50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
    "50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
    "50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
    "50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792",
    "50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
    "50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000",
    "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
    "22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373",
    "2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082",
    "90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381"
  })
  void matchesThePublishedPairs(
      double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
    assertThat(Ciede2000.of(l1, a1, b1, l2, a2, b2)).isCloseTo(expected, within(1e-4));
    assertThat(Ciede2000.of(l2, a2, b2, l1, a1, b1)).isCloseTo(expected, within(1e-4));
  }

  @ParameterizedTest
  @CsvSource({"0xffffff, 100, 0, 0", "0x000000, 0, 0, 0", "0xff0000, 53.2408, 80.0925, 67.2032"})
  void labOfSrgb(int rgb, double l, double a, double b) {
    assertThat(Ciede2000.lab(rgb)).containsExactly(new double[] {l, a, b}, within(2e-3));
  }
}
