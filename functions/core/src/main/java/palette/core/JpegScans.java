package palette.core;

/**
 * Counts the scans of a JPEG before decoding. The JDK's decoder renders the whole image once per
 * progressive scan, so a small file with thousands of repeated scans would keep it busy for
 * minutes. Real encoders write about 10 scans; anything over {@link #MAX_SCANS} is refused.
 */
final class JpegScans {
  static final int MAX_SCANS = 50;

  private JpegScans() {}

  static void check(byte[] b) {
    int scans = count(b);
    if (scans > MAX_SCANS) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE,
          "the JPEG image has "
              + scans
              + " scans, more than the "
              + MAX_SCANS
              + " a real encoder writes; it is refused as hostile");
    }
  }

  /** The number of start-of-scan segments, stopping early once the limit is passed. */
  static int count(byte[] b) {
    int pos = 2;
    int scans = 0;
    while (pos + 4 <= b.length && scans <= MAX_SCANS) {
      int marker = b[pos + 1] & 0xFF;
      if ((b[pos] & 0xFF) != 0xFF || marker == 0xFF) {
        pos++; // fill or stray bytes between segments
      } else if (marker == 0xD9) {
        break;
      } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        pos += 2; // markers without a length
      } else {
        pos += 2 + ((b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF));
        if (marker == 0xDA) {
          scans++;
          pos = endOfEntropyCodedData(b, pos);
        }
      }
    }
    return scans;
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
}
