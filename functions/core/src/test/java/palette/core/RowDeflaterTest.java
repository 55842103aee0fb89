package palette.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RowDeflaterTest {

  @Property(tries = 200)
  void combinedAdlerEqualsTheAdlerOfTheJoinedBytes(@ForAll byte[] first, @ForAll byte[] second) {
    assertThat(RowDeflater.combineAdler(adler(first), adler(second), second.length))
        .isEqualTo(adler(concat(first, second)));
  }

  @Property(tries = 15)
  void theStreamInflatesToTheRowsWhateverTheBandCount(
      @ForAll @IntRange(min = 1, max = 1500) int rows,
      @ForAll @IntRange(min = 1, max = 3000) int rowLength)
      throws DataFormatException {
    byte[] expected = new byte[rows * rowLength];
    RowDeflater.RowSource source =
        (y, row) -> {
          for (int i = 0; i < row.length; i++) {
            row[i] = (byte) (y * 31 + i * i / 7);
          }
        };
    byte[] row = new byte[rowLength];
    for (int y = 0; y < rows; y++) {
      source.fill(y, row);
      System.arraycopy(row, 0, expected, y * rowLength, rowLength);
    }

    byte[] stream = RowDeflater.deflate(rows, rowLength, 1, source);

    assertThat(inflate(stream)).isEqualTo(expected); // Inflater checks the header and Adler-32
  }

  private static byte[] inflate(byte[] stream) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(stream);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      assertThat(n > 0 || !inflater.needsInput()).as("stream ends early").isTrue();
      out.write(buffer, 0, n);
    }
    assertThat(inflater.getRemaining()).isZero();
    inflater.end();
    return out.toByteArray();
  }

  private static long adler(byte[] bytes) {
    Adler32 adler = new Adler32();
    adler.update(bytes);
    return adler.getValue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
