package palette.core.render;

/**
 * Deflate without string matching: one dynamic-Huffman block that codes every byte as a literal,
 * with a code built for that block. zlib's fastest level spends most of its time hashing and
 * looking for repeated strings, which in a Paeth-filtered photo are rare and short; coding bytes by
 * their frequency alone keeps the size (a 2560x1600 photo: 4.23 MB, against 4.62 MB for zlib level
 * 1 on Up-filtered rows) at about a third of the time. Mostly-zero data (uniform areas, such as the
 * palette band) goes to {@link RunDeflater} instead, whose runs code a long stretch of zeros in a
 * few bits where a literal costs at least one bit a byte. The bytes depend only on the input.
 */
final class LiteralDeflater {
  private static final int END_OF_BLOCK = 256;
  private static final int SYMBOLS = 257;

  /**
   * Room for the block header (under 150 bytes), the end code, the empty stored block and slack.
   */
  private static final int HEADER_BYTES = 256;

  private LiteralDeflater() {}

  /**
   * Raw deflate data coding {@code data[0..length)} (rows of {@code rowLength} bytes), ending on a
   * byte boundary so that the next part can follow it: the final block of the stream if {@code
   * last}, otherwise followed by an empty stored block, as zlib's sync flush ends a part.
   */
  static byte[] deflate(byte[] data, int length, int rowLength, boolean last) {
    int[] frequencies = histogram(data, length);
    if (frequencies[0] > length / 2) {
      return RunDeflater.deflate(data, length, rowLength, last);
    }
    int[] lengths = DynamicBlock.codeLengths(frequencies, DynamicBlock.MAX_BITS);
    int[] table = DynamicBlock.codeTable(lengths);
    long dataBits = 0;
    for (int symbol = 0; symbol < SYMBOLS; symbol++) {
      dataBits += (long) frequencies[symbol] * lengths[symbol];
    }
    DynamicBlock.Bits out =
        new DynamicBlock.Bits(new byte[Math.toIntExact(dataBits / 8 + HEADER_BYTES)]);
    // two distance codes of one bit, never used: zlib writes the same when it has no distances,
    // since some inflaters reject an empty distance code
    DynamicBlock.header(out, lengths, new int[] {1, 1}, last);
    out.literals(data, length, table);
    return out.endBlock(table[END_OF_BLOCK], last);
  }

  /**
   * How often each byte value occurs, plus one end-of-block code. Counted in four tables, a byte
   * each in turn: filtered images are mostly zeros, and incrementing one counter over and over
   * waits on the previous increment every time.
   */
  private static int[] histogram(byte[] data, int length) {
    int[] counts = new int[4 * 256];
    int i = 0;
    for (; i + 3 < length; i += 4) {
      counts[data[i] & 0xff]++;
      counts[256 + (data[i + 1] & 0xff)]++;
      counts[512 + (data[i + 2] & 0xff)]++;
      counts[768 + (data[i + 3] & 0xff)]++;
    }
    for (; i < length; i++) {
      counts[data[i] & 0xff]++;
    }
    int[] frequencies = new int[SYMBOLS];
    for (int value = 0; value < 256; value++) {
      frequencies[value] =
          counts[value] + counts[256 + value] + counts[512 + value] + counts[768 + value];
    }
    frequencies[END_OF_BLOCK] = 1;
    return frequencies;
  }
}
