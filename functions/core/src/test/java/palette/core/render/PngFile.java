package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** Splits a PNG into its chunks, checking the signature and every CRC on the way. */
final class PngFile {
  record Chunk(String type, byte[] data) {}

  private PngFile() {}

  static List<Chunk> read(byte[] png) {
    assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
    List<Chunk> chunks = new ArrayList<>();
    while (buffer.hasRemaining()) {
      int length = buffer.getInt();
      byte[] type = new byte[4];
      buffer.get(type);
      byte[] data = new byte[length];
      buffer.get(data);
      CRC32 crc = new CRC32();
      crc.update(type);
      crc.update(data);
      assertThat(buffer.getInt()).as("CRC").isEqualTo((int) crc.getValue());
      chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
    }
    return chunks;
  }

  static Chunk find(byte[] png, String type) {
    return read(png).stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
  }

  /** {@code [width, height, bitDepth, colourType]} from IHDR. */
  static int[] header(byte[] png) {
    ByteBuffer ihdr = ByteBuffer.wrap(find(png, "IHDR").data());
    return new int[] {ihdr.getInt(), ihdr.getInt(), ihdr.get(), ihdr.get()};
  }
}
