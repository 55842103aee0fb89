package palette.core.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a valid image the ways hostile and broken files do: flipped bits, extreme bytes, random
 * runs, cut-offs, and, knowing the format's layout, huge declared sizes and broken chunk or segment
 * lengths, the two that make careless decoders allocate or read without end.
 */
final class Mutator {
  private Mutator() {}

  static byte[] mutate(byte[] original, Random random) {
    byte[] copy = original.clone();
    switch (random.nextInt(6)) {
      case 0 -> flipBits(copy, random);
      case 1 -> copy[random.nextInt(copy.length)] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
      case 2 -> {
        return Arrays.copyOf(copy, 1 + random.nextInt(copy.length - 1));
      }
      case 3 -> randomRun(copy, random);
      case 4 -> hugeSize(copy, random);
      default -> brokenLength(copy, random);
    }
    return copy;
  }

  /** A few bits, mostly in the headers where they do the most damage. */
  private static void flipBits(byte[] b, Random random) {
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      int at = random.nextInt(Math.min(b.length, random.nextBoolean() ? 64 : b.length));
      b[at] ^= (byte) (1 << random.nextInt(8));
    }
  }

  private static void randomRun(byte[] b, Random random) {
    int at = random.nextInt(b.length);
    for (int end = Math.min(b.length, at + 1 + random.nextInt(16)); at < end; at++) {
      b[at] = (byte) random.nextInt(256);
    }
  }

  /** Width or height fields set to a value from 0 to enormous. */
  private static void hugeSize(byte[] b, Random random) {
    int value =
        new int[] {0, 1, 0x7FFF, 0xFFFF, 30_000, random.nextInt(1 << 16)}[random.nextInt(6)];
    boolean high = random.nextBoolean();
    switch (ImageFormat.sniff(b)) {
      case PNG -> putBe(b, high ? 16 : 20, 4, random.nextBoolean() ? value : 0x7FFFFFFF);
      case GIF -> {
        int frame = indexOf(b, new byte[] {0x2C}, 13);
        putLe(b, (random.nextBoolean() || frame < 0 ? 6 : frame + 5) + (high ? 0 : 2), 2, value);
      }
      case BMP -> putLe(b, high ? 18 : 22, 4, random.nextBoolean() ? value : -value);
      case JPEG -> {
        int sof = sof(b);
        putBe(b, sof < 0 ? 2 : sof + 5 + (high ? 0 : 2), 2, value);
      }
      case WEBP -> {
        for (String fourcc : List.of("VP8X", "VP8 ", "VP8L")) {
          int at = indexOf(b, fourcc.getBytes(StandardCharsets.US_ASCII), 12);
          int field = fourcc.equals("VP8X") ? 12 : fourcc.equals("VP8 ") ? 14 : 9;
          if (at >= 0) {
            putLe(b, at + field + (high ? 0 : 2), 2, value);
            return;
          }
        }
      }
      default -> randomRun(b, random);
    }
  }

  /** A chunk, segment or box length set to 0, off by a little, or enormous. */
  private static void brokenLength(byte[] b, Random random) {
    long[] values = {0, 1, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFFFL, 0x80000000L};
    int value = (int) values[random.nextInt(values.length)];
    List<Integer> fields = lengthFields(b);
    if (fields.isEmpty()) {
      randomRun(b, random);
      return;
    }
    int at = fields.get(random.nextInt(fields.size()));
    switch (ImageFormat.sniff(b)) {
      case PNG ->
          putBe(b, at, 4, random.nextBoolean() ? value : getBe(b, at) + random.nextInt(9) - 4);
      case JPEG ->
          putBe(b, at, 2, random.nextBoolean() ? value : getBe2(b, at) + random.nextInt(9) - 4);
      default -> putLe(b, at, 4, value);
    }
  }

  /** Offsets of length fields: PNG chunks, JPEG segments, RIFF and WebP chunks, BMP sizes. */
  static List<Integer> lengthFields(byte[] b) {
    List<Integer> fields = new ArrayList<>();
    switch (ImageFormat.sniff(b)) {
      case PNG -> {
        for (long at = 8; at + 8 <= b.length; at += 12L + Math.max(0, getBe(b, (int) at))) {
          fields.add((int) at);
        }
      }
      case JPEG -> {
        for (int at = 2;
            at + 4 <= b.length && (b[at] & 0xFF) == 0xFF;
            at += 2 + getBe2(b, at + 2)) {
          int marker = b[at + 1] & 0xFF;
          fields.add(at + 2);
          if (marker == 0xDA) {
            break; // entropy-coded data follows
          }
        }
      }
      case WEBP -> {
        for (int at = 4; at + 4 <= b.length; at = at == 4 ? 16 : at + 8 + (getLe(b, at) + 1 & ~1)) {
          fields.add(at);
          if (getLe(b, at) < 0) {
            break;
          }
        }
      }
      case BMP -> fields.addAll(List.of(2, 10, 14, 34));
      default -> {}
    }
    return fields;
  }

  private static int sof(byte[] b) {
    for (int at : lengthFields(b)) {
      int marker = b[at - 1] & 0xFF;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return at - 2;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte[] what, int from) {
    outer:
    for (int i = from; i + what.length <= b.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int getBe(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | b[at + 3] & 0xFF;
  }

  private static int getBe2(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int getLe(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  private static void putBe(byte[] b, int at, int bytes, int value) {
    for (int i = 0; i < bytes && at + i < b.length; i++) {
      b[at + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
    }
  }

  private static void putLe(byte[] b, int at, int bytes, int value) {
    for (int i = 0; i < bytes && at + i < b.length; i++) {
      b[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
