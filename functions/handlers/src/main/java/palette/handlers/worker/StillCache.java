package palette.handlers.worker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import palette.filmgrab.FetchedStill;
import palette.filmgrab.FilmGrab;
import palette.filmgrab.Validators;

/**
 * Stills kept in the output bucket under {@code stills/<film slug>/<file name>}, with the URL they
 * came from and the site's {@code ETag} and {@code Last-Modified} as object metadata. A later job
 * for the same film asks the site whether its copy is current ({@code If-None-Match}, {@code
 * If-Modified-Since}) and uses the kept bytes on a 304: film-grab.com sends one small answer
 * instead of the whole image. There is no freshness window: every use revalidates, so a still the
 * site replaced is fetched again, and every use still counts against the one-request-a-second pace.
 *
 * <p>A kept object is used only when its {@code source-url} is the URL asked for; two stills of one
 * film with the same file name replace each other rather than being mixed up. The bucket's
 * lifecycle rule expires kept stills with the other outputs.
 */
final class StillCache {
  static final String PREFIX = "stills/";
  static final String SOURCE_URL = "source-url";
  static final String ETAG = "etag";
  static final String LAST_MODIFIED = "last-modified";

  /** S3 allows 2 KB of user metadata; a longer URL is fetched but not kept. */
  private static final int MAX_METADATA = 2000;

  private final Storage storage;
  private final String bucket;
  private final FilmGrab site;

  StillCache(Storage storage, String bucket, FilmGrab site) {
    this.storage = storage;
    this.bucket = bucket;
    this.site = site;
  }

  /**
   * The bytes of {@code still}: the kept copy when the site says it is current, else the site's new
   * bytes, which are kept for next time. Fetch failures escape as from {@link FilmGrab#fetchStill}.
   */
  byte[] fetch(URI still, String film, String filmUrl) {
    String key = keyFor(film, filmUrl, still);
    String source = still.toASCIIString();
    Optional<Storage.StoredObject> kept = read(key).filter(k -> isFrom(k, source));
    Validators known = kept.map(StillCache::validators).orElse(Validators.NONE);
    FetchedStill fetched = site.fetchStill(still, known);
    if (fetched.notModified()) {
      return kept.orElseThrow().bytes();
    }
    keep(key, source, fetched);
    return fetched.bytes();
  }

  private Optional<Storage.StoredObject> read(String key) {
    try {
      return storage.read(bucket, key, site.config().maxImageBytes());
    } catch (Storage.ObjectTooLargeException e) {
      return Optional.empty(); // not one of ours: fetched again and replaced
    }
  }

  private static boolean isFrom(Storage.StoredObject kept, String source) {
    return source.equals(kept.metadata().get(SOURCE_URL));
  }

  private static Validators validators(Storage.StoredObject kept) {
    return new Validators(kept.metadata().get(ETAG), kept.metadata().get(LAST_MODIFIED));
  }

  private void keep(String key, String source, FetchedStill fetched) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(SOURCE_URL, source);
    Validators validators = fetched.validators();
    if (validators.etag() != null) {
      metadata.put(ETAG, validators.etag());
    }
    if (validators.lastModified() != null) {
      metadata.put(LAST_MODIFIED, validators.lastModified());
    }
    if (!validators.any() || !fitsInMetadata(metadata)) {
      return; // nothing to revalidate with, or more than S3 keeps: fetched again next time
    }
    storage.write(bucket, key, fetched.bytes(), "application/octet-stream", null, metadata);
  }

  private static boolean fitsInMetadata(Map<String, String> metadata) {
    int size = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      if (!StandardCharsets.US_ASCII.newEncoder().canEncode(entry.getValue())) {
        return false;
      }
      size += entry.getKey().length() + entry.getValue().length();
    }
    return size <= MAX_METADATA;
  }

  /**
   * {@code stills/<slug>/<file>}: the slug is the film page's last path segment ({@code
   * blade-runner-2049}), else the title made into one, else {@code untitled}; the file is the
   * still's own name. Both keep only letters, digits, dots, dashes and underscores.
   */
  static String keyFor(String film, String filmUrl, URI still) {
    String slug = slug(lastSegment(filmUrl));
    if (slug.isEmpty()) {
      slug = slug(film);
    }
    String name = safe(lastSegment(still.getPath()), 200);
    return PREFIX + (slug.isEmpty() ? "untitled" : slug) + "/" + (name.isEmpty() ? "still" : name);
  }

  private static String lastSegment(String path) {
    if (path == null) {
      return "";
    }
    String trimmed = path.replaceAll("[?#].*$", "").replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static String slug(String text) {
    String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    String lower = plain.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String dashed = lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return dashed.length() > 100 ? dashed.substring(0, 100) : dashed;
  }

  private static String safe(String name, int max) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[.]+", "");
    return cleaned.length() > max ? cleaned.substring(cleaned.length() - max) : cleaned;
  }
}
