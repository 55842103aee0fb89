package palette.filmgrab;

import java.nio.charset.StandardCharsets;

/** Recognises the image formats film-grab serves by their first bytes. */
final class ImageSignature {
  private ImageSignature() {}

  static boolean isImage(byte[] b) {
    return starts(b, 0, 0xFF, 0xD8, 0xFF)
        || starts(b, 0, 0x89, 'P', 'N', 'G')
        || ascii(b, 0, "GIF8")
        || (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP"));
  }

  private static boolean starts(byte[] b, int offset, int... expected) {
    if (b.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[offset + i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int offset, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    int[] values = new int[expected.length];
    for (int i = 0; i < expected.length; i++) {
      values[i] = expected[i];
    }
    return starts(b, offset, values);
  }
}
