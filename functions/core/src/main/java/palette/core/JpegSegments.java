package palette.core;

import java.io.ByteArrayOutputStream;

/**
 * Looks over a JPEG's segments before decoding, for two hostile patterns the decoders handle badly.
 * The JDK's decoder renders the whole image once per progressive scan, so a small file with
 * thousands of repeated scans would keep it busy for minutes: real encoders write about 10,
 * anything over {@link #MAX_SCANS} is refused. And an embedded ICC profile whose header declares
 * more bytes than the file holds makes the colour reader allocate up to 2 GB before noticing: such
 * a profile is dropped, as viewers ignore a broken profile.
 */
final class JpegSegments {
  static final int MAX_SCANS = 50;
  private static final int ICC_HEADER = 14; // "ICC_PROFILE\0", chunk number, chunk count

  private JpegSegments() {}

  /** The bytes to decode: {@code b} itself, or a copy without a lying ICC profile. */
  static byte[] check(byte[] b) {
    int pos = 2;
    int scans = 0;
    long iccDeclared = -1;
    long iccAvailable = 0;
    while (pos + 4 <= b.length && scans <= MAX_SCANS) {
      int marker = b[pos + 1] & 0xFF;
      if ((b[pos] & 0xFF) != 0xFF || marker == 0xFF) {
        pos++; // fill or stray bytes between segments
      } else if (marker == 0xD9) {
        break;
      } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        pos += 2; // markers without a length
      } else {
        int length = u16(b, pos + 2);
        if (marker == 0xE2 && isIccChunk(b, pos + 4, length)) {
          iccAvailable += length - 2 - ICC_HEADER;
          if (b[pos + 16] == 1 && length >= 2 + ICC_HEADER + 4 && pos + 22 <= b.length) {
            iccDeclared = (long) u16(b, pos + 18) << 16 | u16(b, pos + 20);
          }
        }
        pos += 2 + length;
        if (marker == 0xDA) {
          scans++;
          pos = endOfEntropyCodedData(b, pos);
        }
      }
    }
    if (scans > MAX_SCANS) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE,
          "the JPEG image has more than "
              + MAX_SCANS
              + " scans, more than any real encoder writes; it is refused as hostile");
    }
    return iccDeclared > iccAvailable ? withoutIccProfile(b) : b;
  }

  private static boolean isIccChunk(byte[] b, int payload, int length) {
    byte[] id = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    if (length < 2 + ICC_HEADER || payload + ICC_HEADER > b.length) {
      return false;
    }
    for (int i = 0; i < id.length; i++) {
      if (b[payload + i] != id[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] withoutIccProfile(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 2);
    int pos = 2;
    while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) != 0xDA) {
      int end = Math.min(b.length, pos + 2 + u16(b, pos + 2));
      if (!((b[pos + 1] & 0xFF) == 0xE2 && isIccChunk(b, pos + 4, end - pos - 2))) {
        out.write(b, pos, end - pos);
      }
      pos = end;
    }
    out.write(b, pos, b.length - pos);
    return out.toByteArray();
  }

  /** Entropy-coded data ends at the first 0xFF that is not a stuffed zero or a restart marker. */
  private static int endOfEntropyCodedData(byte[] b, int pos) {
    for (; pos + 1 < b.length; pos++) {
      if (b[pos] == (byte) 0xFF) {
        int next = b[pos + 1] & 0xFF;
        if (next != 0 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
          return pos;
        }
      }
    }
    return b.length;
  }

  private static int u16(byte[] b, int pos) {
    return (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
  }
}
