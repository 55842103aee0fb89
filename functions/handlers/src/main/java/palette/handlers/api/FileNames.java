package palette.handlers.api;

import java.text.Normalizer;

/**
 * Turns a user's file name into a short, safe S3 key segment: ASCII letters, digits, dot, dash and
 * underscore only, no leading dots, at most 64 characters. The job id keeps keys unique, so the
 * name is only there to help a person recognise the upload.
 */
final class FileNames {
  private static final int MAX_LENGTH = 64;

  private FileNames() {}

  static String sanitise(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    safe = safe.replaceAll("-+", "-");
    if (safe.length() > MAX_LENGTH) {
      int dot = safe.lastIndexOf('.');
      String ext = dot > 0 && safe.length() - dot <= 6 ? safe.substring(dot) : "";
      safe = safe.substring(0, MAX_LENGTH - ext.length()) + ext;
    }
    return safe.isEmpty() || safe.equals(".") ? "image" : safe;
  }
}
