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
 * pixels for that memory, not reported as a damaged file; and a JPEG needs memory for its pixels
 * once, not for a decoded copy beside them. Runs the decoder in a JVM of its own with a 48 MB heap,
 * as a small function or a constrained machine would.
 */
class DecodeMemoryTest {

  @Test
  void anImageTooLargeForTheHeapIsTooManyPixelsNotCorrupt(@TempDir Path folder) throws Exception {
    String said = probe(jpeg(folder, 4000), "-Xmx48m");

    assertThat(said)
        .startsWith("TOO_MANY_PIXELS: the image is 4000x4000 (16.0 megapixels)")
        .contains("MB of heap");
  }

  @Test
  void aJpegIsNeverHeldAsBytesAndIntsAtOnce(@TempDir Path folder) throws Exception {
    // 36 MB of ints; with the 27 MB byte raster beside them it would not fit in 48 MB
    assertThat(probe(jpeg(folder, 3000), "-Xmx48m")).startsWith("decoded 3000x3000");
  }

  private static Path jpeg(Path folder, int size) throws Exception {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y += 7) {
      for (int x = 0; x < size; x += 5) {
        image.setRGB(x, y, x * 31 + y * 17);
      }
    }
    Path jpeg = folder.resolve(size + ".jpg");
    ImageIO.write(image, "jpg", jpeg.toFile());
    return jpeg;
  }

  private static String probe(Path jpeg, String heap) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                jpeg.toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    child.getInputStream().transferTo(output);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output.toString(StandardCharsets.UTF_8);
  }

  /** Decodes the file named and prints the refusal's code and message. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      try {
        PixelImage image =
            ImageDecoder.decode(Files.readAllBytes(Path.of(args[0])), ImageLimits.defaults());
        System.out.println("decoded " + image.width() + "x" + image.height());
      } catch (PaletteException e) {
        System.out.println(e.code() + ": " + e.getMessage());
      }
    }
  }
}
