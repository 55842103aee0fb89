package palette.core.image;

import java.io.ByteArrayOutputStream;
import palette.core.ErrorCode;
import palette.core.PaletteException;

/**
 * Looks over a JPEG before decoding, for two hostile patterns the decoders handle badly. The JDK's
 * decoder renders the whole image once per progressive scan, so a small file with thousands of
 * repeated scans would keep it busy for minutes: real encoders write about 10, anything over {@link
 * #MAX_SCANS} is refused. And an embedded ICC profile whose header declares more bytes than the
 * file holds makes the colour reader allocate up to 2 GB before noticing: such a profile is
 * dropped, as viewers ignore a broken profile.
 */
final class JpegSegments {
  static final int MAX_SCANS = 50;
  private static final byte[] ICC_ID = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E'};
  private static final int ICC_HEADER = 14; // "ICC_PROFILE\0", chunk number, chunk count

  private JpegSegments() {}

  /** The bytes to decode: {@code b} itself, or a copy without a lying ICC profile. */
  static byte[] check(byte[] b) {
    int scans = countScans(b);
    if (scans > MAX_SCANS) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE,
          "the JPEG image has more than "
              + MAX_SCANS
              + " scans, more than any real encoder writes; it is refused as hostile");
    }
    return iccProfileLies(b) ? withoutIccProfile(b) : b;
  }

  /** Start-of-scan segments, counted up to one past the limit. */
  private static int countScans(byte[] b) {
    int pos = 2;
    int scans = 0;
    while (pos + 4 <= b.length && scans <= MAX_SCANS && !isMarker(b, pos, 0xD9)) {
      int next = nextSegment(b, pos);
      if (isMarker(b, pos, 0xDA)) {
        scans++;
        next = endOfEntropyCodedData(b, next);
      }
      pos = next;
    }
    return scans;
  }

  /**
   * Where the next segment starts after the one at {@code pos}: past a fill or stray byte, a marker
   * without a length, or a segment's declared length.
   */
  private static int nextSegment(byte[] b, int pos) {
    int marker = b[pos + 1] & 0xFF;
    if ((b[pos] & 0xFF) != 0xFF || marker == 0xFF) {
      return pos + 1;
    }
    if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
      return pos + 2;
    }
    return pos + 2 + u16(b, pos + 2);
  }

  private static boolean isMarker(byte[] b, int pos, int marker) {
    return (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) == marker;
  }

  /**
   * Whether the profile's declared size exceeds the bytes its chunks hold. The chunks are found by
   * their signature, not by walking segments, so that a damaged segment before them cannot hide
   * them from this check while the colour reader, which resynchronises, still finds them.
   */
  private static boolean iccProfileLies(byte[] b) {
    long declared = -1;
    long available = 0;
    for (int at = iccChunk(b, 0); at >= 0; at = iccChunk(b, at + 1)) {
      int length = u16(b, at + 2);
      available += Math.max(0, length - 2 - ICC_HEADER);
      if (declared < 0 && length >= 2 + ICC_HEADER + 4 && at + 22 <= b.length) {
        declared = (long) u16(b, at + 18) << 16 | u16(b, at + 20);
      }
    }
    return declared > available;
  }

  /** The offset of the next APPn marker at or after {@code from} that starts an ICC chunk. */
  private static int iccChunk(byte[] b, int from) {
    for (int at = from; at + 4 + ICC_ID.length <= b.length; at++) {
      if (startsIccChunk(b, at)) {
        return at;
      }
    }
    return -1;
  }

  /** Any APPn: the colour reader finds a profile by its signature even under the wrong marker. */
  private static boolean startsIccChunk(byte[] b, int at) {
    if (at + 4 + ICC_ID.length > b.length || b[at] != (byte) 0xFF || (b[at + 1] & 0xF0) != 0xE0) {
      return false;
    }
    for (int i = 0; i < ICC_ID.length; i++) {
      if (b[at + 4 + i] != ICC_ID[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the image is gray or three-channel colour without an embedded ICC profile, by its
   * segments up to the first scan: the JPEGs the decoder hands over row by row. Others (a profile
   * to convert from, CMYK) are converted as a whole raster, which goes best into the reader's own
   * image.
   */
  static boolean plainColour(byte[] b) {
    int pos = 2;
    int components = 0;
    while (pos + 4 <= b.length && !isMarker(b, pos, 0xDA) && !isMarker(b, pos, 0xD9)) {
      if (startsIccChunk(b, pos)) {
        return false;
      }
      if ((b[pos] & 0xFF) == 0xFF && isStartOfFrame(b[pos + 1] & 0xFF) && pos + 9 < b.length) {
        components = b[pos + 9] & 0xFF;
      }
      pos = nextSegment(b, pos);
    }
    return components == 1 || components == 3;
  }

  /** SOF0 to SOF15, without DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static byte[] withoutIccProfile(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    int copied = 0;
    for (int at = iccChunk(b, 0); at >= 0; at = iccChunk(b, copied)) {
      out.write(b, copied, at - copied);
      copied = Math.min(b.length, at + 2 + u16(b, at + 2));
    }
    out.write(b, copied, b.length - copied);
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
