package palette.local;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a set of files so that a reader never sees a partial one: every file goes to a hidden
 * temporary name first, and only when all are written are they renamed into place.
 */
final class OutputFolder {
  private final Path folder;

  OutputFolder(Path folder) {
    this.folder = folder;
  }

  /** One file to write: a plain file name and its bytes. */
  record Entry(String fileName, byte[] bytes) {}

  List<Path> writeAll(List<Entry> entries) throws IOException {
    Files.createDirectories(folder);
    List<Path> temps = new ArrayList<>();
    try {
      for (Entry entry : entries) {
        Path temp = folder.resolve("." + entry.fileName() + "." + UUID.randomUUID() + ".part");
        temps.add(temp);
        Files.write(temp, entry.bytes(), StandardOpenOption.CREATE_NEW);
      }
      List<Path> finals = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        Path target = folder.resolve(entries.get(i).fileName());
        move(temps.get(i), target);
        finals.add(target);
      }
      return finals;
    } finally {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
