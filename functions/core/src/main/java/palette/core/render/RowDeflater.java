package palette.core.render;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import palette.core.cluster.Parallel;

/**
 * Compresses an image's rows into one zlib stream, several bands of rows at a time, the way pigz
 * does: each band is an independent raw deflate stream ended on a byte boundary (a sync flush), the
 * bands are concatenated, and the zlib header and the Adler-32 of all bytes are written around
 * them. zlib at its fastest level manages about 100 MB/s, so a 4 MP truecolour image costs over 100
 * ms on one core; on two cores this halves it.
 *
 * <p>Band boundaries depend only on the row size and count, never on the number of processors, so
 * the bytes are the same on every machine with the same zlib.
 */
final class RowDeflater {
  /**
   * Uncompressed bytes per band: small enough that a 4 MP indexed image (2 MB at 4 bits per pixel)
   * still splits in two, large enough that the per-band cost (a fresh 32 KB window, a sync flush)
   * stays below 0.1% of the output.
   */
  static final int BAND_BYTES = 1 << 20;

  /**
   * A level below zlib's: each band is coded as literals with its own Huffman code ({@link
   * LiteralDeflater}), no string matching. For photographs, whose filtered bytes rarely repeat.
   */
  static final int LITERALS = -2;

  /**
   * A level below zlib's for indexed rows: literals, runs and copies of the row above ({@link
   * RunDeflater}).
   */
  static final int RUNS = -3;

  /**
   * Uncompressed bytes per band when coding literals or runs: each band carries its own code (about
   * 130 bytes of header), and a band's buffers stay small enough not to count as humongous objects
   * for the G1 collector, whose allocation of those was costing more than the coding.
   */
  static final int LITERAL_BAND_BYTES = 1 << 18;

  private static final int ADLER_BASE = 65521;

  /** Writes the bytes of row {@code y} (filter byte first) into {@code out} from {@code offset}. */
  @FunctionalInterface
  interface RowSource {
    void fill(int y, byte[] out, int offset);
  }

  private RowDeflater() {}

  /** The zlib stream of rows {@code 0..rows-1}, each {@code rowLength} bytes long. */
  static byte[] deflate(int rows, int rowLength, int level, RowSource source) {
    boolean own = level == LITERALS || level == RUNS;
    int bandRows = Math.max(1, (own ? LITERAL_BAND_BYTES : BAND_BYTES) / rowLength);
    int bands = (rows + bandRows - 1) / bandRows;
    List<Band> parts =
        Parallel.tasks(
            bands,
            b -> {
              int from = b * bandRows;
              int to = Math.min(rows, from + bandRows);
              boolean last = b == bands - 1;
              return own
                  ? ownBand(from, to, rowLength, level, last, source)
                  : band(from, to, rowLength, level, last, source);
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
      int fromRow, int toRow, int rowLength, int level, boolean last, RowSource source) {
    Deflater deflater = new Deflater(level, true);
    Adler32 adler = new Adler32();
    ByteArrayOutputStream out = new ByteArrayOutputStream(rowLength * (toRow - fromRow) / 2 + 64);
    byte[] row = new byte[rowLength];
    byte[] buffer = new byte[1 << 16];
    try {
      for (int y = fromRow; y < toRow; y++) {
        source.fill(y, row, 0);
        adler.update(row);
        deflater.setInput(row);
        while (!deflater.needsInput()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      }
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length);
      }
    } finally {
      deflater.end();
    }
    return new Band(out.toByteArray(), adler.getValue(), (long) rowLength * (toRow - fromRow));
  }

  private static Band ownBand(
      int fromRow, int toRow, int rowLength, int level, boolean last, RowSource source) {
    byte[] data = new byte[rowLength * (toRow - fromRow)];
    for (int y = fromRow; y < toRow; y++) {
      source.fill(y, data, (y - fromRow) * rowLength);
    }
    Adler32 adler = new Adler32();
    adler.update(data);
    byte[] compressed =
        level == RUNS
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
