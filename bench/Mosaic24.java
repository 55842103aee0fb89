import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the 24-megapixel JPEG the memory target is measured on: nine 2560x1600 photos of the
 * corpus tiled into 6000x4000 (cut at the edges), JPEG quality 0.92. Real photos, so it holds as
 * many distinct colours as a camera's frame would (an upscaled photo holds far fewer and needs less
 * memory to cluster). Needs the corpus cached first: {@code python3 bench/corpus.py}.
 *
 * <pre>java bench/Mosaic24.java /tmp/24mp.jpg</pre>
 */
public class Mosaic24 {
  private static final String[] PHOTOS = {
    "colorful-cups", "autumn", "lady-bird", "kite", "yellow-flower",
    "fallen-leaf", "path", "summer-1am", "aqua"
  };

  public static void main(String[] args) throws Exception {
    int width = 6000;
    int height = 4000;
    BufferedImage mosaic = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int tile = 0;
    for (int top = 0; top < height; top += 1600) {
      for (int left = 0; left < width; left += 2560) {
        Path raw = Path.of("bench/.corpus/rgb", PHOTOS[tile++] + ".rgb");
        byte[] rgb = Files.readAllBytes(raw);
        for (int y = 0; y < 1600 && top + y < height; y++) {
          for (int x = 0; x < 2560 && left + x < width; x++) {
            int i = (y * 2560 + x) * 3;
            int pixel = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
            mosaic.setRGB(left + x, top + y, pixel);
          }
        }
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(Path.of(args[0])))) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(mosaic, null, null), param);
    }
    writer.dispose();
  }
}
