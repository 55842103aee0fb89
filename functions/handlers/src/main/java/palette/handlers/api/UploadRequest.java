package palette.handlers.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;

/**
 * What a browser asks for in {@code POST /uploads}: the file it is about to send and the palette
 * options. Every field is checked here, so a presigned upload is only ever made for a request the
 * worker will accept; options are read by {@link Option}, so the messages match the command line's,
 * and an option the request leaves out takes the deployment's default ({@code DEFAULT_K}, …).
 *
 * @param filename the user's file name, kept only as a sanitised suffix of the key
 * @param contentType one of {@link #CONTENT_TYPES}; S3 will require exactly this type
 * @param size the exact size in bytes; S3 will require exactly this length
 * @param options the deployment's defaults with the request's per-job options
 */
record UploadRequest(String filename, String contentType, long size, PaletteOptions options) {

  /** Image types the worker decodes. */
  static final Set<String> CONTENT_TYPES =
      Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp");

  /** Parses and validates a request body against the deployment's defaults and size limit. */
  static UploadRequest parse(String body, PaletteOptions defaults) {
    long maxBytes = defaults.limits().maxBytes();
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
    try {
      return new UploadRequest(filename, contentType, size, Option.perJobFromJson(json, defaults));
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
