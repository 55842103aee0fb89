package palette.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

/**
 * An input image read from disk (or the bundled sample), refused before reading when it is larger
 * than the byte limit.
 */
record Input(String name, byte[] bytes) {
  static final String SAMPLE = "coffee.png";

  static Input resolve(Path path, ImageLimits limits) throws IOException {
    if (path == null) {
      return sample();
    }
    long size = Files.size(path);
    if (size > limits.maxBytes()) {
      throw new PaletteException(
          ErrorCode.FILE_TOO_LARGE,
          String.format(
              java.util.Locale.ROOT,
              "%s is %.1f MB, more than the %.1f MB limit",
              path,
              size / 1048576.0,
              limits.maxBytes() / 1048576.0));
    }
    return new Input(path.getFileName().toString(), Files.readAllBytes(path));
  }

  /** The bundled sample photo (see samples/LICENSES.md). */
  static Input sample() throws IOException {
    try (InputStream in = Input.class.getResourceAsStream("/samples/" + SAMPLE)) {
      if (in == null) {
        throw new IOException("the bundled sample " + SAMPLE + " is missing from the build");
      }
      return new Input(SAMPLE, in.readAllBytes());
    }
  }

  /** The file name without its extension: {@code photo.jpg} gives {@code photo}. */
  String baseName() {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
