package palette.local.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies the page into a bucket the way a static host serves it: only the files the page loads
 * ({@code index.html}, top-level styles and images, {@code js/}, {@code vendor/}) plus the
 * generated {@code config.js}, each with its content type and cache lifetime, and removes whatever
 * else the bucket holds so a deleted file stops being served. The same code fills the local stack's
 * site bucket and the deployed one.
 */
public final class SitePublisher {
  static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "json", "application/json",
          "png", "image/png",
          "svg", "image/svg+xml",
          "ico", "image/x-icon",
          "webmanifest", "application/manifest+json");

  /** Top-level files of these kinds are part of the page; package*.json and README.md are not. */
  private static final Set<String> TOP_LEVEL = Set.of("html", "css", "js", "png", "svg", "ico");

  private static final Set<String> FOLDERS = Set.of("js", "vendor");
  static final String CONFIG = "config.js";

  private final S3Client s3;
  private final String bucket;

  public SitePublisher(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** What a run changed: the keys written and the stale keys deleted. */
  public record Report(List<String> uploaded, List<String> deleted) {}

  /** Uploads the page from {@code site} with {@code settings} as its config.js. */
  public Report publish(Path site, SiteSettings settings, PrintWriter out) throws IOException {
    Map<String, byte[]> files = files(site);
    files.put(CONFIG, settings.toModule().getBytes(StandardCharsets.UTF_8));
    for (var file : files.entrySet()) {
      s3.putObject(
          b ->
              b.bucket(bucket)
                  .key(file.getKey())
                  .contentType(contentType(file.getKey()))
                  .cacheControl(cacheControl(file.getKey())),
          RequestBody.fromBytes(file.getValue()));
    }
    List<String> stale = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        // "js/": a folder marker (S3Proxy's filesystem store lists its folders), never a file.
        .filter(key -> !key.endsWith("/") && !files.containsKey(key))
        .forEach(stale::add);
    for (String key : stale) {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
    out.printf(
        "published %d files to s3://%s/, removed %d stale%n", files.size(), bucket, stale.size());
    out.flush();
    return new Report(List.copyOf(files.keySet()), List.copyOf(stale));
  }

  /** The page's files by key, read from {@code site}; hidden files and folders are left out. */
  static Map<String, byte[]> files(Path site) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String key = site.relativize(file).toString().replace('\\', '/');
        if (belongsToThePage(key)) {
          files.put(key, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private static boolean belongsToThePage(String key) {
    if (key.startsWith(".") || key.contains("/.") || key.equals(CONFIG)) {
      return false;
    }
    int slash = key.indexOf('/');
    return slash < 0
        ? TOP_LEVEL.contains(extension(key))
        : FOLDERS.contains(key.substring(0, slash)) && TYPES.containsKey(extension(key));
  }

  static String contentType(String key) {
    return TYPES.getOrDefault(extension(key), "application/octet-stream");
  }

  /**
   * The page and its settings are revalidated on every load, so a publish shows at once; the rest
   * may be kept 5 minutes. Nothing is immutable: the vendor files' names carry no version.
   */
  static String cacheControl(String key) {
    return key.equals("index.html") || key.equals(CONFIG) ? "no-cache" : "public, max-age=300";
  }

  private static String extension(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
