package palette.core.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;
import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over bytes already in memory, without the
 * copying of ImageIO's cached streams. It also stops decoders that keep reading past the end: the
 * WebP lossless decoder treats end-of-data as zero bits, so a damaged header can make it spin
 * through millions of reads (each one an exception) before giving up. After {@link
 * #MAX_READS_PAST_END} such reads the file is declared truncated.
 */
final class ByteArrayImageInput extends ImageInputStreamImpl {
  static final int MAX_READS_PAST_END = 1000;

  private final byte[] data;
  private final ImageFormat format;
  private int readsPastEnd;

  ByteArrayImageInput(byte[] data, ImageFormat format) {
    this.data = data;
    this.format = format;
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (streamPos >= data.length) {
      return pastEnd();
    }
    return data[(int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(offset, length, buffer.length);
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    if (streamPos >= data.length) {
      return pastEnd();
    }
    int count = (int) Math.min(length, data.length - streamPos);
    System.arraycopy(data, (int) streamPos, buffer, offset, count);
    streamPos += count;
    return count;
  }

  @Override
  public long length() {
    return data.length;
  }

  private int pastEnd() {
    if (++readsPastEnd > MAX_READS_PAST_END) {
      throw new PaletteException(
          ErrorCode.CORRUPT_IMAGE,
          "the "
              + format.displayName()
              + " image cannot be read: it is truncated (its decoder kept reading past the end)");
    }
    return -1;
  }
}
