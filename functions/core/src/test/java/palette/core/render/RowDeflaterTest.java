package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;

class RowDeflaterTest {

  static LongStream byteSeeds() {
    return RandomCases.seeds(200);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("byteSeeds")
  void combinedAdlerEqualsTheAdlerOfTheJoinedBytes(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    assertAdlerCombines(RandomCases.bytes(random, 255), RandomCases.bytes(random, 255));
  }

  /** Empty halves, and runs of 0xff long enough to make the sums wrap modulo 65521 many times. */
  static Stream<Arguments> edgeBytes() {
    byte[] ones = new byte[70_000];
    Arrays.fill(ones, (byte) 0xff);
    return Stream.of(
        edge("both empty", new byte[0], new byte[0]),
        edge("first empty", new byte[0], new byte[] {(byte) 0xff}),
        edge("second empty", new byte[] {(byte) 0xff}, new byte[0]),
        edge("zeros", new byte[300], new byte[300]),
        edge("long 0xff runs", ones, ones),
        edge("short then long 0xff runs", new byte[] {(byte) 0xff}, ones));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeBytes")
  void combinedAdlerHoldsAtTheEdges(byte[] first, byte[] second) {
    assertAdlerCombines(first, second);
  }

  private static void assertAdlerCombines(byte[] first, byte[] second) {
    assertThat(RowDeflater.combineAdler(adler(first), adler(second), second.length))
        .isEqualTo(adler(concat(first, second)));
  }

  static LongStream imageSeeds() {
    return RandomCases.seeds(15);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("imageSeeds")
  void theStreamInflatesToTheRowsWhateverTheBandCount(long seed) throws DataFormatException {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = RandomCases.between(random, 1, 1500);
    assertInflatesToTheRows(rows, RandomCases.between(random, 1, 3000));
  }

  /** The smallest and largest images, and ones filling a band exactly or by one row more. */
  @ParameterizedTest(name = "{0} rows of {1} bytes")
  @CsvSource({
    "1, 1",
    "1, 3000",
    "1500, 1",
    "1500, 3000",
    "1024, 1024",
    "1025, 1024",
    "256, 1024",
    "257, 1024",
    "2, 3000"
  })
  void theStreamInflatesToTheRowsAtTheEdges(int rows, int rowLength) throws DataFormatException {
    assertInflatesToTheRows(rows, rowLength);
  }

  private static void assertInflatesToTheRows(int rows, int rowLength) throws DataFormatException {
    byte[] expected = new byte[rows * rowLength];
    RowDeflater.RowSource source =
        (y, out, at) -> {
          for (int i = 0; i < rowLength; i++) {
            out[at + i] = (byte) (y * 31 + i * i / 7);
          }
        };
    for (int y = 0; y < rows; y++) {
      source.fill(y, expected, y * rowLength);
    }

    for (RowDeflater.Coding coding : RowDeflater.Coding.values()) {
      byte[] stream = RowDeflater.deflate(rows, rowLength, coding, source);

      // Inflater checks the header and Adler-32
      assertThat(inflate(stream)).as("coding %s", coding).isEqualTo(expected);
    }
  }

  private static Arguments edge(String name, byte[] first, byte[] second) {
    return Arguments.of(Named.of(name, first), second);
  }

  static byte[] inflate(byte[] stream) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(stream);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      assertThat(n > 0 || !inflater.needsInput()).as("stream ends early").isTrue();
      out.write(buffer, 0, n);
    }
    assertThat(inflater.getRemaining()).isZero();
    inflater.end();
    return out.toByteArray();
  }

  private static long adler(byte[] bytes) {
    Adler32 adler = new Adler32();
    adler.update(bytes);
    return adler.getValue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
