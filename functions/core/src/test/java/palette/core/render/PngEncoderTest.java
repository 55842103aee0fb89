package palette.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palette.core.Synthetic;
import palette.core.image.PixelImage;

class PngEncoderTest {

  static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("ImageIO decodes it").isNotNull();
    return image;
  }

  @Test
  void theBytewiseDifferenceIsEachBytesOwnDifference() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      int a = i < 4 ? new int[] {0, -1, 0x80808080, 0x7f7f7f7f}[i] : random.nextInt();
      int b = i < 4 ? new int[] {-1, 0, 0x7f7f7f7f, 0x80808080}[i] : random.nextInt();
      int expected = 0;
      for (int shift = 0; shift < 32; shift += 8) {
        expected |= (((a >>> shift) - (b >>> shift)) & 0xff) << shift;
      }
      assertThat(PngEncoder.bytewiseDifference(a, b)).as("%08x - %08x", a, b).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}x{1} over {0}x{2}, translucent: {3}")
  @CsvSource({"1, 1, 1, false", "7, 3, 2, true", "300, 250, 60, false", "1001, 400, 81, true"})
  void stackedImagesGiveTheBytesOfOneImageHoldingThemBoth(
      int width, int top, int bottom, boolean translucent) {
    PixelImage upper = Synthetic.noise(width, top, 3);
    int[] lower = Synthetic.noise(width, bottom, 4).argb();
    if (translucent) {
      lower[lower.length / 2] &= 0x80ffffff;
    }
    int[] both = java.util.Arrays.copyOf(upper.argb(), width * (top + bottom));
    System.arraycopy(lower, 0, both, width * top, lower.length);

    byte[] stacked =
        PngEncoder.encode(StackedImage.of(upper, new PixelImage(width, bottom, lower)));

    assertThat(stacked).isEqualTo(PngEncoder.encode(new PixelImage(width, top + bottom, both)));
  }

  @Test
  void opaqueImagesAreTruecolourWithoutAlphaAndDecodeToTheSamePixels() throws IOException {
    PixelImage image = Synthetic.noise(37, 23, 7);

    byte[] png = PngEncoder.encode(image);

    assertThat(PngFile.header(png)).containsExactly(37, 23, 8, 2);
    BufferedImage decoded = decode(png);
    assertThat(decoded.getRGB(0, 0, 37, 23, null, 0, 37)).containsExactly(image.argb());
  }

  @Test
  void anyTranslucentPixelGivesRgbaWithAlphaKept() throws IOException {
    int[] argb = Synthetic.noise(5, 4, 3).argb();
    argb[6] = 0x00000000;
    argb[7] = 0x7f102030;

    byte[] png = PngEncoder.encode(new PixelImage(5, 4, argb));

    assertThat(PngFile.header(png)).containsExactly(5, 4, 8, 6);
    assertThat(decode(png).getRGB(0, 0, 5, 4, null, 0, 5)).containsExactly(argb);
  }

  @Test
  void imagesSpanningSeveralCompressionBandsDecodeExactly() throws IOException {
    PixelImage image = Synthetic.noise(1000, 1500, 11); // 4.5 MB of rows: three bands

    BufferedImage decoded = decode(PngEncoder.encode(image));

    // isEqualTo, not containsExactly: AssertJ's diff is quadratic in the array length.
    assertThat(decoded.getRGB(0, 0, 1000, 1500, null, 0, 1000)).isEqualTo(image.argb());
  }

  /**
   * The truecolour compression changed (Average filter and literal coding, instead of the Up filter
   * and zlib level 1): the pixels are those of before, the file bytes are not. A photo-like half
   * above a uniform half covers both ways a band is coded.
   */
  @Test
  void truecolourRowsUseTheAverageFilterAndDecodeExactly() throws IOException {
    int[] argb = Synthetic.noise(400, 1400, 13).argb();
    java.util.Arrays.fill(argb, 400 * 700, argb.length, 0xff336699);
    PixelImage image = new PixelImage(400, 1400, argb);

    byte[] png = PngEncoder.encode(image);

    byte[] rows = idat(png);
    for (int y = 0; y < 1400; y++) {
      assertThat(rows[y * (1 + 400 * 3)]).as("filter of row %d", y).isEqualTo((byte) 3);
    }
    assertThat(decode(png).getRGB(0, 0, 400, 1400, null, 0, 400)).isEqualTo(argb);
  }

  private static byte[] idat(byte[] png) throws IOException {
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    PngFile.read(png).stream()
        .filter(c -> c.type().equals("IDAT"))
        .forEach(c -> data.writeBytes(c.data()));
    try {
      return RowDeflaterTest.inflate(data.toByteArray());
    } catch (java.util.zip.DataFormatException e) {
      throw new IOException(e);
    }
  }

  @Test
  void sameInputGivesSameBytesAndTheInputIsUnchanged() {
    PixelImage image = Synthetic.noise(300, 200, 5);
    int[] before = image.argb();
    byte[] labels = labels(300 * 200, 5);
    byte[] labelsBefore = labels.clone();
    int[] colors = {0x112233, 0x445566, 0x778899, 0xaabbcc, 0xddeeff};

    assertThat(PngEncoder.encode(image))
        .isEqualTo(PngEncoder.encode(new PixelImage(300, 200, before)));
    assertThat(PngEncoder.encodeIndexed(300, 200, labels, colors))
        .isEqualTo(PngEncoder.encodeIndexed(300, 200, labels.clone(), colors.clone()));
    assertThat(image.argb()).isEqualTo(before);
    assertThat(labels).isEqualTo(labelsBefore);
    assertThat(colors).containsExactly(0x112233, 0x445566, 0x778899, 0xaabbcc, 0xddeeff);
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "3,2", "4,2", "5,4", "16,4", "17,8", "64,8"})
  void indexedUsesTheSmallestBitDepthAndExactlyThePalette(int k, int depth) throws IOException {
    int width = 13;
    int height = 7;
    byte[] labels = labels(width * height, k);
    int[] colors = Synthetic.gridCentroids(k);

    byte[] png = PngEncoder.encodeIndexed(width, height, labels, colors);

    assertThat(PngFile.header(png)).containsExactly(width, height, depth, 3);
    assertThat(PngFile.find(png, "PLTE").data()).isEqualTo(rgbBytes(colors));
    assertThat(PngFile.find(png, "tRNS")).isNull();
    int[] decoded = decode(png).getRGB(0, 0, width, height, null, 0, width);
    Set<Integer> distinct = new HashSet<>();
    for (int i = 0; i < decoded.length; i++) {
      assertThat(decoded[i]).isEqualTo(0xff000000 | colors[labels[i]]);
      distinct.add(decoded[i]);
    }
    assertThat(distinct).hasSize(Math.min(k, width * height));
  }

  @Test
  void transparentLabelsGetOneExtraFullyTransparentEntry() throws IOException {
    byte[] labels = {0, -1, 1, 2, -1, 0};
    int[] colors = {0xff0000, 0x00ff00, 0x0000ff};

    byte[] png = PngEncoder.encodeIndexed(3, 2, labels, colors);

    assertThat(PngFile.header(png)).containsExactly(3, 2, 2, 3);
    assertThat(PngFile.find(png, "PLTE").data()).hasSize(12);
    assertThat(PngFile.find(png, "tRNS").data()).containsExactly(0xff, 0xff, 0xff, 0);
    int[] decoded = decode(png).getRGB(0, 0, 3, 2, null, 0, 3);
    assertThat(decoded[0]).isEqualTo(0xffff0000);
    assertThat(decoded[1] >>> 24).isZero();
    assertThat(decoded[3]).isEqualTo(0xff0000ff);
    assertThat(decoded[4] >>> 24).isZero();
  }

  @Test
  void badIndexedInputIsRejectedWithTheFieldNamed() {
    assertThatThrownBy(() -> PngEncoder.encodeIndexed(2, 2, new byte[3], new int[] {0}))
        .hasMessage("labels must have width*height = 4 entries, was 3");
    assertThatThrownBy(() -> PngEncoder.encodeIndexed(2, 1, new byte[] {0, 2}, new int[] {0, 1}))
        .hasMessage("labels must be -1 or below 2, was 2 at pixel 1");
    assertThatThrownBy(() -> PngEncoder.encodeIndexed(1, 1, new byte[] {0}, new int[0]))
        .hasMessage("colors must not be empty");
    assertThatThrownBy(() -> PngEncoder.encodeIndexed(0, 1, new byte[0], new int[] {1}))
        .hasMessage("image must be at least 1x1, was 0x1");
  }

  /** Labels cycling through 0..k-1 in a scrambled order so every row differs. */
  private static byte[] labels(int n, int k) {
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) ((i * 7 + i / 5) % k);
    }
    return labels;
  }

  private static byte[] rgbBytes(int[] colors) {
    byte[] bytes = new byte[colors.length * 3];
    for (int i = 0; i < colors.length; i++) {
      bytes[3 * i] = (byte) (colors[i] >> 16);
      bytes[3 * i + 1] = (byte) (colors[i] >> 8);
      bytes[3 * i + 2] = (byte) colors[i];
    }
    return bytes;
  }
}
