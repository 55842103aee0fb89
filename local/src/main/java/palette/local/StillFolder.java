package palette.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder stills are downloaded into. It never overwrites a file: a still identical to an
 * existing file is skipped, a different one is saved under the next free name ({@code x-2.jpg}). A
 * hidden manifest ({@value #MANIFEST}: sha-256, size, file, URL per line, appended after each
 * still) lets a second run skip what is already there without asking the site again. Each file is
 * written to a hidden temporary name first, so an interrupted run leaves no half-written still.
 */
final class StillFolder {
  static final String MANIFEST = ".filmgrab-manifest.tsv";
  private static final int MAX_SUFFIX = 1000;

  /** What happened to one still. */
  enum Outcome {
    SAVED,
    IDENTICAL,
    RENAMED
  }

  /** One still's result: what happened and the file that holds it. */
  record Saved(Outcome outcome, Path file) {}

  private record Entry(String sha256, long size, String file) {}

  private final Path dir;
  private final Map<String, Entry> manifest = new HashMap<>();

  private StillFolder(Path dir) {
    this.dir = dir;
  }

  static StillFolder open(Path dir) throws IOException {
    Files.createDirectories(dir);
    StillFolder folder = new StillFolder(dir);
    Path manifest = dir.resolve(MANIFEST);
    if (Files.exists(manifest)) {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length == 4 && f[1].matches("\\d{1,12}")) {
          folder.manifest.put(f[3], new Entry(f[0], Long.parseLong(f[1]), f[2]));
        }
      }
    }
    return folder;
  }

  /** True when an earlier run saved this URL and its file is still there, unchanged. */
  boolean hasIntact(URI url) throws IOException {
    return findIntact(url).isPresent();
  }

  /** The file an earlier run saved this URL in, if it is still there, unchanged. */
  Optional<Path> findIntact(URI url) throws IOException {
    Entry entry = manifest.get(url.toString());
    if (entry == null) {
      return Optional.empty();
    }
    Path file = dir.resolve(entry.file());
    boolean intact =
        Files.isRegularFile(file)
            && Files.size(file) == entry.size()
            && sha256(Files.readAllBytes(file)).equals(entry.sha256());
    return intact ? Optional.of(file) : Optional.empty();
  }

  /** Saves a still under {@code fileName}, or skips or renames it; never overwrites. */
  Saved save(URI url, String fileName, byte[] bytes) throws IOException {
    String sha = sha256(bytes);
    for (int n = 1; n <= MAX_SUFFIX; n++) {
      Path target = dir.resolve(numbered(fileName, n));
      if (Files.exists(target)) {
        if (sha256(Files.readAllBytes(target)).equals(sha)) {
          return record(url, new Saved(Outcome.IDENTICAL, target), sha, bytes.length);
        }
        continue;
      }
      Path temp = dir.resolve("." + target.getFileName() + ".part");
      Files.write(temp, bytes);
      try {
        Files.move(temp, target);
      } catch (FileAlreadyExistsException raced) {
        continue;
      } finally {
        Files.deleteIfExists(temp);
      }
      Outcome outcome = n == 1 ? Outcome.SAVED : Outcome.RENAMED;
      return record(url, new Saved(outcome, target), sha, bytes.length);
    }
    throw new IOException("no free name for " + fileName + " in " + dir);
  }

  private Saved record(URI url, Saved saved, String sha, long size) throws IOException {
    String name = saved.file().getFileName().toString();
    manifest.put(url.toString(), new Entry(sha, size, name));
    String line = String.join("\t", List.of(sha, Long.toString(size), name, url.toString()));
    Files.writeString(
        dir.resolve(MANIFEST),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return saved;
  }

  /** {@code x.jpg} for n = 1, {@code x-2.jpg} for n = 2, and so on. */
  static String numbered(String fileName, int n) {
    if (n == 1) {
      return fileName;
    }
    int dot = fileName.lastIndexOf('.');
    return dot > 0
        ? fileName.substring(0, dot) + "-" + n + fileName.substring(dot)
        : fileName + "-" + n;
  }

  /**
   * A safe local name for a still: the URL's last path segment, decoded, with anything but letters,
   * digits, space, dot, dash, underscore and parentheses replaced, never hidden.
   */
  static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    String safe = last.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").replaceFirst("^[.\\s]+", "");
    if (safe.length() > 120) {
      safe = safe.substring(safe.length() - 120);
    }
    return safe.isBlank() ? "still.jpg" : safe;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
