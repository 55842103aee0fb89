package palette.core.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What both of the project's own deflaters ({@link LiteralDeflater}, {@link RunDeflater}) write the
 * same way: one dynamic-Huffman block (RFC 1951, 3.2.7), its length-limited codes, its header and
 * the bit stream it is packed into.
 */
final class DynamicBlock {
  static final int MAX_BITS = 15;
  private static final int BLOCK_DYNAMIC = 2;

  /**
   * The order in which a dynamic block lists the code lengths of the code-length alphabet (RFC
   * 1951, 3.2.7).
   */
  private static final int[] CODE_LENGTH_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private DynamicBlock() {}

  /**
   * The block header: the literal/length and distance code lengths (as many as the arrays hold),
   * each written with a flat 4-bit code-length code, which needs no repeat codes.
   */
  static void header(Bits out, int[] literalLengths, int[] distanceLengths, boolean last) {
    out.write(last ? 1 : 0, 1);
    out.write(BLOCK_DYNAMIC, 2);
    out.write(literalLengths.length - 257, 5);
    out.write(distanceLengths.length - 1, 5);
    out.write(CODE_LENGTH_ORDER.length - 4, 4);
    for (int symbol : CODE_LENGTH_ORDER) {
      out.write(symbol < 16 ? 4 : 0, 3);
    }
    for (int length : literalLengths) {
      out.write(Integer.reverse(length) >>> 28, 4);
    }
    for (int length : distanceLengths) {
      out.write(Integer.reverse(length) >>> 28, 4);
    }
  }

  /**
   * Huffman code lengths of at most {@code maxBits} for the symbols with a non-zero frequency. When
   * the optimal code is too deep, the frequencies are halved (staying non-zero) until it fits: a
   * little worse than optimal, only for very skewed blocks.
   */
  static int[] codeLengths(int[] frequencies, int maxBits) {
    long[] weights = new long[frequencies.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = frequencies[i];
    }
    while (true) {
      int[] lengths = huffman(weights);
      if (java.util.Arrays.stream(lengths).max().orElse(0) <= maxBits) {
        return lengths;
      }
      for (int i = 0; i < weights.length; i++) {
        weights[i] = weights[i] == 0 ? 0 : (weights[i] >>> 1) | 1;
      }
    }
  }

  /**
   * Optimal code lengths by the two-queue method: leaves sorted by weight (then symbol, so ties
   * never depend on the sort), merged nodes come out in weight order. A lone symbol gets one bit.
   */
  private static int[] huffman(long[] weights) {
    int[] lengths = new int[weights.length];
    int[] leaves =
        java.util.stream.IntStream.range(0, weights.length)
            .filter(s -> weights[s] > 0)
            .boxed()
            .sorted(
                java.util.Comparator.<Integer>comparingLong(s -> weights[s])
                    .thenComparingInt(s -> s))
            .mapToInt(Integer::intValue)
            .toArray();
    int n = leaves.length;
    if (n == 1) {
      lengths[leaves[0]] = 1;
    }
    if (n <= 1) {
      return lengths;
    }
    long[] weight = new long[2 * n - 1];
    int[] parent = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      weight[i] = weights[leaves[i]];
    }
    int leaf = 0;
    int merged = n;
    for (int node = n; node < 2 * n - 1; node++) {
      int[] pair = new int[2];
      for (int j = 0; j < 2; j++) {
        boolean takeLeaf = leaf < n && (merged >= node || weight[leaf] <= weight[merged]);
        pair[j] = takeLeaf ? leaf++ : merged++;
      }
      weight[node] = weight[pair[0]] + weight[pair[1]];
      parent[pair[0]] = node;
      parent[pair[1]] = node;
    }
    int[] depth = new int[2 * n - 1];
    for (int node = 2 * n - 3; node >= 0; node--) {
      depth[node] = depth[parent[node]] + 1;
    }
    for (int i = 0; i < n; i++) {
      lengths[leaves[i]] = depth[i];
    }
    return lengths;
  }

  /**
   * Canonical codes (RFC 1951, 3.2.2) bit-reversed, since deflate sends Huffman codes from their
   * first bit into a stream packed from the least significant bit: each entry is the reversed code
   * in the low 16 bits and its length above.
   */
  static int[] codeTable(int[] lengths) {
    int[] perLength = new int[MAX_BITS + 1];
    for (int length : lengths) {
      perLength[length]++;
    }
    perLength[0] = 0;
    int[] next = new int[MAX_BITS + 1];
    int code = 0;
    for (int bits = 1; bits <= MAX_BITS; bits++) {
      code = (code + perLength[bits - 1]) << 1;
      next[bits] = code;
    }
    int[] table = new int[lengths.length];
    for (int symbol = 0; symbol < lengths.length; symbol++) {
      int length = lengths[symbol];
      if (length > 0) {
        table[symbol] = Integer.reverse(next[length]++) >>> (32 - length) | length << 16;
      }
    }
    return table;
  }

  /** A deflate bit stream: bits fill each byte from the least significant end. */
  static final class Bits {
    final byte[] bytes;
    int position;
    long pending;
    int count;

    Bits(byte[] bytes) {
      this.bytes = bytes;
    }

    /**
     * Appends the low {@code bits} (at most 32) of {@code value}: all eight pending bytes are
     * stored and the position moves past the whole ones, without a loop (the buffer keeps 8 bytes
     * of slack past the last bit).
     */
    void write(int value, int bits) {
      pending |= (value & 0xffffffffL) << count;
      count += bits;
      LONG_LE.set(bytes, position, pending);
      position += count >>> 3;
      pending >>>= count & ~7;
      count &= 7;
    }

    /** Writes a code-table entry: the reversed code in the low 16 bits, its length above. */
    void code(int entry) {
      write(entry & 0xffff, entry >>> 16);
    }

    /**
     * Ends the block with its end-of-block code ({@code endOfBlock}, a code-table entry) and,
     * unless it is the {@code last} part, an empty stored block, as zlib's sync flush ends a part;
     * returns the bytes, ending on a byte boundary.
     */
    byte[] endBlock(int endOfBlock, boolean last) {
      code(endOfBlock);
      if (!last) {
        write(0, 3); // an empty stored block: not final, type 0
        align();
        write(0xffff0000, 32); // its length 0 and the length's complement
      }
      align();
      return java.util.Arrays.copyOf(bytes, position);
    }

    void align() {
      if (count > 0) {
        write(0, 8 - count);
      }
    }

    /**
     * The hot loop, without a data-dependent branch: three codes (at most 45 bits) join the fewer
     * than 8 pending bits, all eight bytes are stored, and the write position moves past the whole
     * bytes among them. The buffer keeps 8 bytes of slack past the last code for that store.
     */
    void literals(byte[] data, int length, int[] table) {
      long bits = pending;
      int n = count;
      int at = position;
      byte[] out = bytes;
      int i = 0;
      for (; i + 2 < length; i += 3) {
        int first = table[data[i] & 0xff];
        int second = table[data[i + 1] & 0xff];
        int third = table[data[i + 2] & 0xff];
        bits |= (long) (first & 0xffff) << n;
        n += first >>> 16;
        bits |= (long) (second & 0xffff) << n;
        n += second >>> 16;
        bits |= (long) (third & 0xffff) << n;
        n += third >>> 16;
        LONG_LE.set(out, at, bits);
        at += n >>> 3;
        bits >>>= n & ~7;
        n &= 7;
      }
      for (; i < length; i++) {
        int entry = table[data[i] & 0xff];
        bits |= (long) (entry & 0xffff) << n;
        n += entry >>> 16;
        LONG_LE.set(out, at, bits);
        at += n >>> 3;
        bits >>>= n & ~7;
        n &= 7;
      }
      pending = bits;
      count = n;
      position = at;
      while (count >= 8) {
        bytes[position++] = (byte) pending;
        pending >>>= 8;
        count -= 8;
      }
    }
  }
}
