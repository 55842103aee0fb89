package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

/**
 * A real photo-sized image in a process without the memory to decode it is refused as too many
 * pixels for that memory, not reported as a damaged file. Runs the decoder in a JVM of its own with
 * a 48 MB heap, as a small function or a constrained machine would.
 */
class DecodeMemoryTest {

  @Test
  void anImageTooLargeForTheHeapIsTooManyPixelsNotCorrupt(@TempDir Path folder) throws Exception {
    BufferedImage image = new BufferedImage(3000, 3000, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 3000; y += 7) {
      for (int x = 0; x < 3000; x += 5) {
        image.setRGB(x, y, x * 31 + y * 17);
      }
    }
    Path jpeg = folder.resolve("big.jpg");
    ImageIO.write(image, "jpg", jpeg.toFile());

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                jpeg.toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    child.getInputStream().transferTo(output);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = output.toString(StandardCharsets.UTF_8);

    assertThat(said)
        .startsWith("TOO_MANY_PIXELS: the image is 3000x3000 (9.0 megapixels)")
        .contains("MB of heap");
  }

  /** Decodes the file named and prints the refusal's code and message. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      try {
        ImageDecoder.decode(Files.readAllBytes(Path.of(args[0])), ImageLimits.defaults());
        System.out.println("decoded");
      } catch (PaletteException e) {
        System.out.println(e.code() + ": " + e.getMessage());
      }
    }
  }
}
