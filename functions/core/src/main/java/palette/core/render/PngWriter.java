package palette.core.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One PNG being written: the signature, then chunks framed with their length and CRC-32, as the PNG
 * specification lays them out. {@link PngEncoder} decides what goes in them.
 */
final class PngWriter {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Bytes per IDAT chunk; any size is valid, 1 MB keeps chunk overhead negligible. */
  private static final int IDAT_SIZE = 1 << 20;

  /** Bytes a chunk adds around its data: length, type and CRC-32. */
  private static final int FRAMING = 12;

  /**
   * The file so far, in {@code bytes[0..size)}. Sized once for the image data, so a multi-megabyte
   * image is copied into it once and returned without a further copy.
   */
  private byte[] bytes = new byte[1 << 10];

  private int size;
  private final int height;

  PngWriter(int width, int height, int depth, int colorType) {
    this.height = height;
    append(SIGNATURE, 0, SIGNATURE.length);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = (byte) depth;
    header[9] = (byte) colorType;
    chunk("IHDR", header, 0, header.length);
  }

  void palette(int[] colors, boolean transparent) {
    int entries = colors.length + (transparent ? 1 : 0);
    byte[] plte = new byte[entries * 3];
    for (int i = 0; i < colors.length; i++) {
      plte[3 * i] = (byte) (colors[i] >> 16);
      plte[3 * i + 1] = (byte) (colors[i] >> 8);
      plte[3 * i + 2] = (byte) colors[i];
    }
    chunk("PLTE", plte, 0, plte.length);
    if (transparent) {
      byte[] trns = new byte[entries];
      Arrays.fill(trns, 0, colors.length, (byte) 0xff);
      chunk("tRNS", trns, 0, trns.length);
    }
  }

  /** Compresses every row (filter byte included) and writes the result as IDAT chunks. */
  void image(int rowLength, RowDeflater.Coding coding, RowDeflater.RowSource rows) {
    byte[] data = RowDeflater.deflate(height, rowLength, coding, rows);
    int chunks = (data.length + IDAT_SIZE - 1) / IDAT_SIZE;
    reserve(data.length + (long) (chunks + 1) * FRAMING); // and IEND
    for (int at = 0; at < data.length; at += IDAT_SIZE) {
      chunk("IDAT", data, at, Math.min(IDAT_SIZE, data.length - at));
    }
  }

  byte[] finish() {
    chunk("IEND", new byte[0], 0, 0);
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private void chunk(String type, byte[] data, int offset, int length) {
    reserve((long) length + FRAMING);
    putInt(bytes, size, length);
    size += 4;
    int start = size;
    append(type.getBytes(StandardCharsets.US_ASCII), 0, 4);
    append(data, offset, length);
    CRC32 crc = new CRC32();
    crc.update(bytes, start, size - start);
    putInt(bytes, size, (int) crc.getValue());
    size += 4;
  }

  private void append(byte[] data, int offset, int length) {
    reserve(length);
    System.arraycopy(data, offset, bytes, size, length);
    size += length;
  }

  /** Makes room for {@code more} bytes after what is written. */
  private void reserve(long more) {
    long needed = size + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.toIntExact(Math.max(needed, 2L * bytes.length)));
    }
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }
}
