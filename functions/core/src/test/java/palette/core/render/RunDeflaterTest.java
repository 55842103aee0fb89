package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;

class RunDeflaterTest {

  static LongStream seeds() {
    return RandomCases.seeds(200);
  }

  /**
   * Label-like rows: runs of random lengths over a few values, each row partly a copy of the one
   * above, in one or two parts (the second part is coded on its own, as a band is).
   */
  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("seeds")
  void partsInflateToTheirBytes(long seed) throws DataFormatException {
    SplittableRandom random = new SplittableRandom(seed);
    int rowLength = RandomCases.between(random, 1, 40_000);
    int values = RandomCases.between(random, 1, 256);
    byte[] first = labelRows(random, rowLength, RandomCases.between(random, 1, 6), values);
    byte[] second = labelRows(random, rowLength, RandomCases.between(random, 1, 6), values);

    assertThat(inflateParts(rowLength, first, second))
        .isEqualTo(LiteralDeflaterTest.concat(first, second));
  }

  @ParameterizedTest(name = "{0} bytes, rows of {1}")
  @CsvSource({"1, 1", "2, 1", "3, 1", "259, 1", "260, 7", "100000, 1000", "70000, 33000", "9, 3"})
  void edgeLengthsOfOneValueInflate(int length, int rowLength) throws DataFormatException {
    byte[] same = new byte[length];
    java.util.Arrays.fill(same, (byte) 7);

    assertThat(inflateParts(rowLength, same)).isEqualTo(same);
  }

  @Test
  void everyMatchLengthHasTheLengthCodeThatCoversIt() throws DataFormatException {
    // runs of every length from 1 to 300 between single different bytes
    ByteArrayOutputStream runs = new ByteArrayOutputStream();
    for (int length = 1; length <= 300; length++) {
      runs.write(length & 0xff ^ 0x55);
      for (int i = 0; i < length; i++) {
        runs.write(length & 0xff);
      }
    }
    byte[] data = runs.toByteArray();

    assertThat(inflateParts(301, data)).isEqualTo(data);
  }

  @Test
  void aLabelImageIsNoLargerThanZlibsFastestLevelMakesIt() {
    SplittableRandom random = new SplittableRandom(5);
    byte[] labels = labelRows(random, 1281, 200, 16);

    Deflater zlib = new Deflater(1, true);
    zlib.setInput(labels);
    zlib.finish();
    byte[] buffer = new byte[labels.length + 1024];
    int zlibSize = zlib.deflate(buffer);
    zlib.end();

    assertThat(RunDeflater.deflate(labels, labels.length, 1281, true).length)
        .isLessThanOrEqualTo(zlibSize);
  }

  @ParameterizedTest(name = "distance {0} has code {1}")
  @CsvSource({"1, 0", "4, 3", "5, 4", "6, 4", "7, 5", "1281, 20", "24577, 29", "32768, 29"})
  void distanceCodesFollowTheDeflateTable(int distance, int code) {
    assertThat(RunDeflater.distanceCode(distance)).isEqualTo(code);
  }

  /** Rows of runs; each row after the first copies a random stretch of the row above. */
  static byte[] labelRows(SplittableRandom random, int rowLength, int rows, int values) {
    byte[] data = new byte[rowLength * rows];
    for (int y = 0; y < rows; y++) {
      int x = 0;
      while (x < rowLength) {
        int run = Math.min(rowLength - x, RandomCases.between(random, 1, 400));
        boolean copy = y > 0 && random.nextInt(3) > 0;
        for (int i = 0; i < run; i++) {
          int at = y * rowLength + x + i;
          data[at] = copy ? data[at - rowLength] : (byte) (x * 31 / rowLength % values);
        }
        if (!copy) {
          data[y * rowLength + x] = (byte) random.nextInt(values);
        }
        x += run;
      }
    }
    return data;
  }

  private static byte[] inflateParts(int rowLength, byte[]... parts) throws DataFormatException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      stream.writeBytes(
          RunDeflater.deflate(parts[i], parts[i].length, rowLength, i == parts.length - 1));
    }
    return LiteralDeflaterTest.inflateRaw(stream.toByteArray());
  }
}
