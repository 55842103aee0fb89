package palette.core.image;

/**
 * Finds the EXIF orientation tag (1 to 8) in a JPEG's APP1 segment, a PNG's {@code eXIf} chunk or a
 * WebP's {@code EXIF} chunk. Cameras store pixels as the sensor saw them and record the rotation
 * here, so ignoring it would give sideways swatches. A missing, damaged or out-of-range tag means 1
 * (upright): orientation is a hint, never a reason to reject an image.
 */
final class ExifOrientation {
  static final int UPRIGHT = 1;
  private static final int ORIENTATION_TAG = 0x0112;

  private ExifOrientation() {}

  static int of(byte[] bytes, ImageFormat format) {
    try {
      return switch (format) {
        case JPEG -> fromJpeg(bytes);
        case PNG -> fromPng(bytes);
        case WEBP -> fromWebp(bytes);
        default -> UPRIGHT;
      };
    } catch (IndexOutOfBoundsException damaged) {
      return UPRIGHT;
    }
  }

  private static int fromJpeg(byte[] b) {
    int pos = 2;
    while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++; // fill byte
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan or end of image: no metadata after this point
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2; // markers without a length
        continue;
      }
      int length = u16(b, pos + 2, true);
      if (marker == 0xE1 && startsWithExifHeader(b, pos + 4)) {
        return fromTiff(b, pos + 10, pos + 2 + length);
      }
      pos += 2 + length;
    }
    return UPRIGHT;
  }

  private static int fromPng(byte[] b) {
    int pos = 8;
    while (pos + 12 <= b.length) {
      long length = u32(b, pos, true);
      if (length > b.length - pos - 12) {
        break;
      }
      int data = pos + 8;
      if (b[pos + 4] == 'e' && b[pos + 5] == 'X' && b[pos + 6] == 'I' && b[pos + 7] == 'f') {
        return fromTiff(b, data, data + (int) length);
      }
      pos = data + (int) length + 4;
    }
    return UPRIGHT;
  }

  private static int fromWebp(byte[] b) {
    int pos = 12;
    while (pos + 8 <= b.length) {
      long size = u32(b, pos + 4, false);
      if (size > b.length - pos - 8) {
        break;
      }
      int data = pos + 8;
      if (b[pos] == 'E' && b[pos + 1] == 'X' && b[pos + 2] == 'I' && b[pos + 3] == 'F') {
        int tiff = startsWithExifHeader(b, data) ? data + 6 : data;
        return fromTiff(b, tiff, data + (int) size);
      }
      pos = data + (int) size + (int) (size & 1);
    }
    return UPRIGHT;
  }

  /** Reads the orientation from IFD0 of a TIFF structure occupying {@code b[start, end)}. */
  private static int fromTiff(byte[] b, int start, int end) {
    if (end > b.length || start + 8 > end) {
      return UPRIGHT;
    }
    boolean bigEndian;
    if (b[start] == 'M' && b[start + 1] == 'M') {
      bigEndian = true;
    } else if (b[start] == 'I' && b[start + 1] == 'I') {
      bigEndian = false;
    } else {
      return UPRIGHT;
    }
    long ifd = u32(b, start + 4, bigEndian);
    if (ifd < 8 || ifd > end - start - 2) {
      return UPRIGHT;
    }
    int entries = start + (int) ifd + 2;
    int count = u16(b, entries - 2, bigEndian);
    for (int i = 0; i < count && entries + 12 * (i + 1) <= end; i++) {
      int entry = entries + 12 * i;
      if (u16(b, entry, bigEndian) == ORIENTATION_TAG && u16(b, entry + 2, bigEndian) == 3) {
        int value = u16(b, entry + 8, bigEndian);
        return value >= 1 && value <= 8 ? value : UPRIGHT;
      }
    }
    return UPRIGHT;
  }

  private static boolean startsWithExifHeader(byte[] b, int pos) {
    return pos + 6 <= b.length
        && b[pos] == 'E'
        && b[pos + 1] == 'x'
        && b[pos + 2] == 'i'
        && b[pos + 3] == 'f'
        && b[pos + 4] == 0
        && b[pos + 5] == 0;
  }

  private static int u16(byte[] b, int pos, boolean bigEndian) {
    int first = b[pos] & 0xFF;
    int second = b[pos + 1] & 0xFF;
    return bigEndian ? first << 8 | second : second << 8 | first;
  }

  private static long u32(byte[] b, int pos, boolean bigEndian) {
    long high = u16(b, bigEndian ? pos : pos + 2, bigEndian);
    long low = u16(b, bigEndian ? pos + 2 : pos, bigEndian);
    return high << 16 | low;
  }
}
