package palette.core.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Deflate for indexed images, whose rows are long runs of one value and often repeat the row above:
 * each position is coded as a literal, a copy of the previous byte (distance 1) or a copy of the
 * row above (distance one row), whichever copies more, in one dynamic-Huffman block. zlib's fastest
 * level looks for any repeated string through a hash of every position; a label image needs only
 * these two, found by comparing eight bytes at a time, for about the same size. The bytes depend
 * only on the input.
 */
final class RunDeflater {
  private static final int END_OF_BLOCK = 256;
  private static final int LITERAL_LENGTH_CODES = 286;
  private static final int DISTANCE_CODES = 30;
  private static final int MIN_MATCH = 3;
  private static final int MAX_MATCH = 258;
  private static final int MAX_DISTANCE = 32768;
  private static final int HEADER_BYTES = 512;

  /** A coded match: this bit set, the length below bit 9, bit 9 set for a copy of the row above. */
  private static final int MATCH = 1 << 30;

  private static final int FROM_ROW_ABOVE = 1 << 9;

  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DISTANCE_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };

  /** For each match length 3..258, its length code minus 257. */
  private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];

  static {
    for (int code = 0; code < LENGTH_BASE.length; code++) {
      int end = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : MAX_MATCH + 1;
      for (int length = LENGTH_BASE[code]; length < end && length <= MAX_MATCH; length++) {
        LENGTH_CODE[length] = (byte) code;
      }
    }
    LENGTH_CODE[MAX_MATCH] = (byte) (LENGTH_BASE.length - 1);
  }

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private RunDeflater() {}

  /**
   * Raw deflate data coding {@code data[0..length)}, rows of {@code rowLength} bytes, ending on a
   * byte boundary as {@link LiteralDeflater#deflate} does (a final block if {@code last}).
   */
  static byte[] deflate(byte[] data, int length, int rowLength, boolean last) {
    int above = rowLength <= MAX_DISTANCE ? rowLength : Integer.MAX_VALUE;
    int[] symbols = new int[length + 1];
    int count = 0;
    int[] literalLengths = new int[LITERAL_LENGTH_CODES];
    int[] distances = new int[DISTANCE_CODES];
    int aboveCode = distanceCode(Math.min(above, MAX_DISTANCE));
    int i = 0;
    while (i < length) {
      int run = i >= 1 ? matchLength(data, i, 1, length) : 0;
      int copy = i >= above ? matchLength(data, i, above, length) : 0;
      int best = Math.max(run, copy);
      if (best >= MIN_MATCH) {
        boolean fromAbove = copy > run;
        symbols[count++] = MATCH | (fromAbove ? FROM_ROW_ABOVE : 0) | best;
        literalLengths[257 + LENGTH_CODE[best]]++;
        distances[fromAbove ? aboveCode : 0]++;
        i += best;
      } else {
        symbols[count++] = data[i] & 0xff;
        literalLengths[data[i] & 0xff]++;
        i++;
      }
    }
    literalLengths[END_OF_BLOCK] = 1;
    distances[0] = Math.max(distances[0], 1); // never an empty distance code
    int[] literalCodeLengths = DynamicBlock.codeLengths(literalLengths, DynamicBlock.MAX_BITS);
    int[] literalTable = DynamicBlock.codeTable(literalCodeLengths);
    int[] distanceLengths = DynamicBlock.codeLengths(distances, DynamicBlock.MAX_BITS);
    int[] distanceTable = DynamicBlock.codeTable(distanceLengths);
    long bits = 0;
    for (int s = 0; s < LITERAL_LENGTH_CODES; s++) {
      bits += (long) literalLengths[s] * (literalCodeLengths[s] + extra(s));
    }
    for (int d = 0; d < DISTANCE_CODES; d++) {
      bits += (long) distances[d] * (distanceLengths[d] + Math.max(0, d / 2 - 1));
    }
    DynamicBlock.Bits out =
        new DynamicBlock.Bits(new byte[Math.toIntExact(bits / 8 + HEADER_BYTES)]);
    DynamicBlock.header(out, literalCodeLengths, distanceLengths, last);
    int aboveExtra = Math.max(0, aboveCode / 2 - 1);
    int aboveOffset = above == Integer.MAX_VALUE ? 0 : above - DISTANCE_BASE[aboveCode];
    for (int k = 0; k < count; k++) {
      int symbol = symbols[k];
      if ((symbol & MATCH) == 0) {
        out.code(literalTable[symbol]);
        continue;
      }
      int matchLength = symbol & 0x1ff;
      int code = LENGTH_CODE[matchLength];
      out.code(literalTable[257 + code]);
      if (LENGTH_EXTRA[code] > 0) {
        out.write(matchLength - LENGTH_BASE[code], LENGTH_EXTRA[code]);
      }
      if ((symbol & FROM_ROW_ABOVE) == 0) {
        out.code(distanceTable[0]);
      } else {
        out.code(distanceTable[aboveCode]);
        if (aboveExtra > 0) {
          out.write(aboveOffset, aboveExtra);
        }
      }
    }
    return out.endBlock(literalTable[END_OF_BLOCK], last);
  }

  /** Extra bits that follow literal/length symbol {@code s}. */
  private static int extra(int s) {
    return s > END_OF_BLOCK ? LENGTH_EXTRA[s - 257] : 0;
  }

  /** The distance code of {@code distance} (1 to 32768). */
  static int distanceCode(int distance) {
    int code = 0;
    while (code + 1 < DISTANCE_CODES && DISTANCE_BASE[code + 1] <= distance) {
      code++;
    }
    return code;
  }

  /**
   * How many bytes from {@code at} equal those {@code distance} back, at most {@value #MAX_MATCH}
   * and not past {@code length}; eight at a time while eight remain.
   */
  static int matchLength(byte[] data, int at, int distance, int length) {
    int limit = Math.min(MAX_MATCH, length - at);
    int n = 0;
    while (n + 8 <= limit) {
      long difference =
          (long) LONG_LE.get(data, at + n) ^ (long) LONG_LE.get(data, at + n - distance);
      if (difference != 0) {
        return n + Long.numberOfTrailingZeros(difference) / 8;
      }
      n += 8;
    }
    while (n < limit && data[at + n] == data[at + n - distance]) {
      n++;
    }
    return n;
  }
}
