package palette.core.render;

import java.util.List;
import java.util.zip.Adler32;
import palette.core.cluster.Parallel;

/**
 * Compresses an image's rows into one zlib stream, several bands of rows at a time, the way pigz
 * does: each band is an independent raw deflate stream ended on a byte boundary (as a sync flush
 * ends one), the bands are concatenated, and the zlib header and the Adler-32 of all bytes are
 * written around them. The bands are coded in parallel.
 *
 * <p>Band boundaries depend only on the row size and count, never on the number of processors, so
 * the bytes are the same on every machine.
 */
final class RowDeflater {
  /** How a band's bytes are coded. */
  enum Coding {
    /**
     * Literals with the band's own Huffman code ({@link LiteralDeflater}), no string matching: for
     * filtered photographs, whose bytes rarely repeat.
     */
    LITERALS,
    /** Literals, runs and copies of the row above ({@link RunDeflater}): for indexed rows. */
    RUNS
  }

  /**
   * Uncompressed bytes per band: each band carries its own code (about 130 bytes of header), and a
   * band's buffers stay small enough not to count as humongous objects for the G1 collector, whose
   * allocation of those was costing more than the coding.
   */
  static final int BAND_BYTES = 1 << 18;

  private static final int ADLER_BASE = 65521;

  /** Writes the bytes of row {@code y} (filter byte first) into {@code out} from {@code offset}. */
  @FunctionalInterface
  interface RowSource {
    void fill(int y, byte[] out, int offset);
  }

  private RowDeflater() {}

  /** The zlib stream of rows {@code 0..rows-1}, each {@code rowLength} bytes long. */
  static byte[] deflate(int rows, int rowLength, Coding coding, RowSource source) {
    int bandRows = Math.max(1, BAND_BYTES / rowLength);
    int bands = (rows + bandRows - 1) / bandRows;
    List<Band> parts =
        Parallel.tasks(
            bands,
            b -> {
              int from = b * bandRows;
              int to = Math.min(rows, from + bandRows);
              return band(from, to, rowLength, coding, b == bands - 1, source);
            });
    long total = 2 + 4;
    for (Band part : parts) {
      total += part.compressed.length;
    }
    byte[] out = new byte[Math.toIntExact(total)];
    out[0] = 0x78; // deflate, 32 KB window
    out[1] = 0x01; // fastest-level hint; header check: 0x7801 is a multiple of 31
    int at = 2;
    long adler = 1;
    for (Band part : parts) {
      System.arraycopy(part.compressed, 0, out, at, part.compressed.length);
      at += part.compressed.length;
      adler = combineAdler(adler, part.adler, part.length);
    }
    for (int shift = 24; shift >= 0; shift -= 8) {
      out[at++] = (byte) (adler >>> shift);
    }
    return out;
  }

  private static Band band(
      int fromRow, int toRow, int rowLength, Coding coding, boolean last, RowSource source) {
    byte[] data = new byte[rowLength * (toRow - fromRow)];
    for (int y = fromRow; y < toRow; y++) {
      source.fill(y, data, (y - fromRow) * rowLength);
    }
    Adler32 adler = new Adler32();
    adler.update(data);
    byte[] compressed =
        coding == Coding.RUNS
            ? RunDeflater.deflate(data, data.length, rowLength, last)
            : LiteralDeflater.deflate(data, data.length, rowLength, last);
    return new Band(compressed, adler.getValue(), data.length);
  }

  /**
   * The Adler-32 of two byte sequences joined, from the checksum of each and the length of the
   * second (zlib's {@code adler32_combine}).
   */
  static long combineAdler(long first, long second, long secondLength) {
    long rem = secondLength % ADLER_BASE;
    long sum1 = first & 0xffff;
    long sum2 = (rem * sum1) % ADLER_BASE;
    sum1 += (second & 0xffff) + ADLER_BASE - 1;
    sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - rem;
    sum1 %= ADLER_BASE;
    sum2 %= ADLER_BASE;
    return (sum2 << 16) | sum1;
  }

  private record Band(byte[] compressed, long adler, long length) {}
}
