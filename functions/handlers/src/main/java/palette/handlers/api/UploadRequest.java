package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import palette.core.ColorSpace;
import palette.core.PaletteException;
import palette.core.PaletteOptions;

/**
 * What a browser asks for in {@code POST /uploads}: the file it is about to send and the palette
 * options. Every field is checked here, so a presigned upload is only ever made for a request the
 * worker will accept; option ranges come from {@link PaletteOptions}, so the messages match the
 * command line's.
 *
 * @param filename the user's file name, kept only as a sanitised suffix of the key
 * @param contentType one of {@link #CONTENT_TYPES}; S3 will require exactly this type
 * @param size the exact size in bytes; S3 will require exactly this length
 * @param k number of colours
 * @param limit most k-means iterations
 * @param space colour space id ({@code rgb} or {@code oklab})
 */
record UploadRequest(
    String filename, String contentType, long size, int k, int limit, String space) {

  /** Image types the worker decodes. */
  static final Set<String> CONTENT_TYPES =
      Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp");

  /** Parses and validates a request body against the configured size limit. */
  static UploadRequest parse(String body, long maxBytes) {
    Map<String, Object> json = object(body);
    String filename = text(json, "filename");
    if (filename.length() > 255) {
      throw ApiException.badRequest("invalid_filename", "filename must be at most 255 characters.");
    }
    String contentType = text(json, "contentType").toLowerCase(java.util.Locale.ROOT);
    if (!CONTENT_TYPES.contains(contentType)) {
      throw ApiException.badRequest(
          "unsupported_type",
          "Only JPEG, PNG, WebP, GIF and BMP images can be uploaded, not '" + contentType + "'.");
    }
    long size = whole(json, "size", -1);
    if (size < 1 || size > maxBytes) {
      throw ApiException.badRequest(
          "invalid_size",
          "size must be between 1 and " + maxBytes + " bytes (" + mib(maxBytes) + "), was " + size);
    }
    int k = (int) whole(json, "k", PaletteOptions.DEFAULT_K);
    int limit = (int) whole(json, "limit", PaletteOptions.DEFAULT_LIMIT);
    String space = json.get("space") == null ? "rgb" : text(json, "space");
    return new UploadRequest(filename, contentType, size, k, limit, validOptions(k, limit, space));
  }

  private static String validOptions(int k, int limit, String space) {
    try {
      ColorSpace parsed = ColorSpace.parse(space);
      PaletteOptions.defaults().withK(k).withLimit(limit).withSpace(parsed);
      return parsed.id();
    } catch (PaletteException e) {
      throw ApiException.badRequest("invalid_option", e.getMessage());
    }
  }

  private static Map<String, Object> object(String body) {
    try {
      Map<String, Object> map = body == null ? null : JSON.std.mapFrom(body);
      if (map == null) {
        throw new IOException("empty");
      }
      return map;
    } catch (IOException | RuntimeException e) {
      throw ApiException.badRequest("invalid_json", "The request body must be a JSON object.");
    }
  }

  private static String text(Map<String, Object> json, String name) {
    if (!(json.get(name) instanceof String value) || value.isBlank()) {
      throw ApiException.badRequest("missing_" + name, name + " must be a non-empty string.");
    }
    return value.trim();
  }

  private static long whole(Map<String, Object> json, String name, long fallback) {
    Object value = json.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw ApiException.badRequest("invalid_" + name, name + " must be a whole number.");
    }
    return ((Number) value).longValue();
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
  }
}
