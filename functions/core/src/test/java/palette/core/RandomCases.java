package palette.core;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeded random inputs for property tests. A property is a {@code @ParameterizedTest(name =
 * RandomCases.NAME)} fed by a {@code @MethodSource} that returns {@link #seeds(int)}; it draws its
 * inputs from {@code new SplittableRandom(seed)} with the generators below, so a failing case shows
 * its seed and replays exactly. The seeds are fixed, so every build checks the same cases. Like
 * other property-test tools, the generators favour edge values (the ends of a range, empty and
 * extreme arrays); edge cases a property must always meet belong in fixed cases next to it.
 */
public final class RandomCases {
  /** Display name of one case: its seed. */
  public static final String NAME = "seed {0}";

  /** One in this many draws is an edge value rather than a uniform one. */
  private static final int EDGE_ODDS = 8;

  private static final char[] AWKWARD = {
    '"', '\\', '/', '<', '>', '&', '\'', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff',
    '\ufffd', '\uffff'
  };

  private RandomCases() {}

  /**
   * The seeds 1 to {@code count}, one parameterized case each; case {@code [n]} in the build's
   * failure summary is seed {@code n}.
   */
  public static LongStream seeds(int count) {
    return LongStream.rangeClosed(1, count);
  }

  /** An int in {@code [min, max]}, now and then {@code min}, {@code min + 1} or {@code max}. */
  public static int between(SplittableRandom random, int min, int max) {
    return (int) between(random, (long) min, max);
  }

  /** A long in {@code [min, max]}, now and then {@code min}, {@code min + 1} or {@code max}. */
  public static long between(SplittableRandom random, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min must not exceed max, was " + min + " > " + max);
    }
    if (random.nextInt(EDGE_ODDS) == 0) {
      return switch (random.nextInt(3)) {
        case 0 -> min;
        case 1 -> min < max ? min + 1 : min;
        default -> max;
      };
    }
    long span = max - min + 1; // not positive when the range holds more than Long.MAX_VALUE values
    if (span > 0) {
      return min + random.nextLong(span);
    }
    long value;
    do {
      value = random.nextLong();
    } while (value < min || value > max);
    return value;
  }

  /** Between {@code minSize} and {@code maxSize} longs, each in {@code [min, max]}. */
  public static long[] longs(
      SplittableRandom random, int minSize, int maxSize, long min, long max) {
    long[] values = new long[between(random, minSize, maxSize)];
    for (int i = 0; i < values.length; i++) {
      values[i] = between(random, min, max);
    }
    return values;
  }

  /** Up to {@code maxSize} bytes: often empty, sometimes all 0x00 or all 0xff, else uniform. */
  public static byte[] bytes(SplittableRandom random, int maxSize) {
    byte[] bytes = new byte[between(random, 0, maxSize)];
    int fill = random.nextInt(EDGE_ODDS);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = fill == 0 ? (byte) 0xff : fill == 1 ? 0 : (byte) random.nextInt(256);
    }
    return bytes;
  }

  /**
   * Up to {@code maxLength} chars mixing ASCII, control characters, characters JSON and HTML treat
   * specially, any BMP character, surrogate pairs (emoji and beyond) and lone surrogates.
   */
  public static String string(SplittableRandom random, int maxLength) {
    int length = between(random, 0, maxLength);
    StringBuilder text = new StringBuilder(length + 1);
    while (text.length() < length) {
      switch (random.nextInt(7)) {
        case 0 -> text.append((char) random.nextInt(0x20, 0x7f));
        case 1 -> text.append((char) random.nextInt(0x20));
        case 2 -> text.append(AWKWARD[random.nextInt(AWKWARD.length)]);
        case 3 -> text.append((char) random.nextInt(0x10000));
        case 4 -> text.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        case 5 -> text.append((char) random.nextInt(Character.MIN_SURROGATE, 0xe000));
        default -> text.append((char) random.nextInt(0x80, 0x800));
      }
    }
    text.setLength(length); // a pair cut in half leaves one more lone surrogate
    return text.toString();
  }
}
