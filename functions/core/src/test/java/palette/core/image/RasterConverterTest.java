package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each raster layout a decoder may hand back converts to the same colours the JDK's own (slow,
 * per-pixel) {@code getRGB} reports, except grayscale, where levels must pass through unchanged.
 */
class RasterConverterTest {
  private static final int W = 7; // odd sizes catch stride and packing mistakes
  private static final int H = 5;

  @ParameterizedTest(name = "type {0}")
  @ValueSource(
      ints = {
        BufferedImage.TYPE_3BYTE_BGR,
        BufferedImage.TYPE_4BYTE_ABGR,
        BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_INT_BGR,
        BufferedImage.TYPE_INT_ARGB_PRE,
        BufferedImage.TYPE_4BYTE_ABGR_PRE,
        BufferedImage.TYPE_USHORT_565_RGB,
        BufferedImage.TYPE_USHORT_555_RGB,
        BufferedImage.TYPE_BYTE_INDEXED
      })
  void colourLayoutsMatchTheJdk(int type) {
    BufferedImage image = new BufferedImage(W, H, type);
    Random random = new Random(type);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        image.setRGB(x, y, random.nextInt() | (image.getColorModel().hasAlpha() ? 0 : 0xFF000000));
      }
    }
    int[] expected = image.getRGB(0, 0, W, H, null, 0, W);

    assertThat(RasterConverter.toArgb(image)).containsExactly(expected);
  }

  @ParameterizedTest(name = "level {0}")
  @ValueSource(ints = {0, 1, 17, 128, 254, 255})
  void grayLevelsPassThroughUnchanged(int level) {
    BufferedImage gray = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(3, 2, 0, level);
    BufferedImage gray16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
    gray16.getRaster().setSample(3, 2, 0, level * 257);

    int expected = 0xFF000000 | level * 0x010101;
    assertThat(RasterConverter.toArgb(gray)[2 * W + 3]).isEqualTo(expected);
    assertThat(RasterConverter.toArgb(gray16)[2 * W + 3]).isEqualTo(expected);
  }

  @ParameterizedTest(name = "bits {0}")
  @ValueSource(ints = {1, 2, 4})
  void packedPalettesUseTheirColourTable(int bits) {
    int size = 1 << bits;
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      r[i] = (byte) (i * 40);
      g[i] = (byte) (255 - i * 30);
      b[i] = (byte) (i * 7);
      a[i] = (byte) (i == 0 ? 0 : 255);
    }
    IndexColorModel palette = new IndexColorModel(bits, size, r, g, b, a);
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY, palette);
    for (int x = 0; x < W; x++) {
      image.getRaster().setSample(x, 1, 0, x % size);
    }

    int[] argb = RasterConverter.toArgb(image);
    for (int x = 0; x < W; x++) {
      assertThat(argb[W + x]).isEqualTo(palette.getRGB(x % size));
    }
  }
}
