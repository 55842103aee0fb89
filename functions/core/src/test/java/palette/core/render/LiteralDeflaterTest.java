package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.RandomCases;

class LiteralDeflaterTest {

  static LongStream seeds() {
    return RandomCases.seeds(100);
  }

  /** Random bytes, from uniform to heavily skewed towards small values, in one or two parts. */
  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("seeds")
  void partsInflateToTheirBytes(long seed) throws DataFormatException {
    SplittableRandom random = new SplittableRandom(seed);
    int skew = RandomCases.between(random, 1, 12);
    byte[] first = skewed(random, RandomCases.between(random, 1, 5000), skew);
    byte[] second = skewed(random, RandomCases.between(random, 1, 5000), skew);

    assertThat(inflateParts(first, second)).isEqualTo(concat(first, second));
  }

  @Test
  void oneRepeatedByteInflates() throws DataFormatException {
    byte[] zeros = new byte[100_000];

    assertThat(inflateParts(zeros)).isEqualTo(zeros);
  }

  /** Fibonacci counts make the optimal code 24 bits deep; deflate allows 15. */
  @Test
  void codesTooDeepForDeflateAreLimitedAndStayComplete() throws DataFormatException {
    int[] frequencies = fibonacci(25);
    int[] lengths = DynamicBlock.codeLengths(frequencies, DynamicBlock.MAX_BITS);

    assertThat(Arrays.stream(lengths).max().orElseThrow()).isBetween(9, DynamicBlock.MAX_BITS);
    assertThat(kraftSum(lengths)).isEqualTo(1.0);
    byte[] data = new byte[Arrays.stream(frequencies).sum()];
    for (int symbol = 0, at = 0; symbol < frequencies.length; symbol++) {
      Arrays.fill(data, at, at + frequencies[symbol], (byte) symbol);
      at += frequencies[symbol];
    }
    assertThat(inflateParts(data)).isEqualTo(data);
  }

  @Test
  void codesWithinTheLimitAreOptimal() {
    assertThat(DynamicBlock.codeLengths(new int[] {1, 1, 2, 0, 4}, 15))
        .containsExactly(3, 3, 2, 0, 1);
  }

  private static byte[] inflateParts(byte[]... parts) throws DataFormatException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      stream.writeBytes(
          LiteralDeflater.deflate(parts[i], parts[i].length, 97, i == parts.length - 1));
    }
    return inflateRaw(stream.toByteArray());
  }

  /** A raw deflate stream inflated, checking that it ends exactly at its final block. */
  static byte[] inflateRaw(byte[] stream) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    inflater.setInput(stream);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      assertThat(n > 0 || !inflater.needsInput()).as("stream ends early").isTrue();
      out.write(buffer, 0, n);
    }
    assertThat(inflater.getRemaining()).as("bytes after the final block").isZero();
    inflater.end();
    return out.toByteArray();
  }

  private static byte[] skewed(SplittableRandom random, int length, int skew) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) Math.min(255, (int) (-Math.log(1 - random.nextDouble()) * 256 / skew));
    }
    return bytes;
  }

  private static int[] fibonacci(int count) {
    int[] f = new int[count];
    f[0] = 1;
    f[1] = 1;
    for (int i = 2; i < count; i++) {
      f[i] = f[i - 1] + f[i - 2];
    }
    return f;
  }

  private static double kraftSum(int[] lengths) {
    return Arrays.stream(lengths).filter(l -> l > 0).mapToDouble(l -> Math.pow(2, -l)).sum();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
