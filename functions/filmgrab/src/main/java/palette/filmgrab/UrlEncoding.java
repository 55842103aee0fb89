package palette.filmgrab;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes what a URL must not contain raw, exactly once. Old film-grab pages link stills
 * such as {@code photo-gallery/01 (494).jpg}; newer ones write {@code 08%20(328).jpg}. Both must
 * become {@code %20}, {@code %28}, {@code %29}, and an existing {@code %20} must not turn into
 * {@code %2520}.
 */
final class UrlEncoding {
  private static final String KEEP = "-._~:/?#[]@!$&'*+,;=";

  private UrlEncoding() {}

  static String encodeOnce(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        out.append('%');
      } else if (isPlain(b)) {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isPlain(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || KEEP.indexOf(b) >= 0;
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }
}
