package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.Fixtures;
import palette.core.RandomCases;
import palette.core.options.ImageLimits;

/**
 * Decoding a JPEG row by row into upright ints gives exactly the pixels of the whole-image way: the
 * reader's own image, {@link RasterConverter}, then {@link OrientationTransform}. Checked on every
 * JPEG fixture (gray, progressive, Adobe RGB and CMYK profiles, all eight orientations) and on
 * random JPEGs of every orientation, gray or colour, baseline or progressive.
 */
class UprightRowsTest {

  static Stream<String> jpegFixtures() throws Exception {
    try (Stream<Path> files = Files.list(Fixtures.folder("formats"))) {
      return Stream.concat(
          files.map(path -> "formats/" + path.getFileName()).filter(n -> n.endsWith(".jpg")),
          Stream.of("photos/hubble_deep_field.jpg"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jpegFixtures")
  void everyJpegFixtureDecodesToTheWholeImagePixels(String fixture) {
    byte[] bytes = Fixtures.bytes(fixture);
    PixelImage expected = wholeImage(bytes);

    assertThat(ImageDecoder.decode(bytes, ImageLimits.defaults())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "formats/jpeg-baseline.jpg, true",
    "formats/jpeg-gray.jpg, true",
    "formats/jpeg-progressive.jpg, true",
    "formats/jpeg-orientation-6.jpg, true",
    "formats/jpeg-adobe-rgb.jpg, false",
    "formats/jpeg-cmyk.jpg, false",
    "formats/jpeg-cmyk-icc.jpg, false"
  })
  void onlyGrayOrColourJpegsWithoutAProfileAreTakenRowByRow(String fixture, boolean plain) {
    assertThat(JpegSegments.plainColour(Fixtures.bytes(fixture))).isEqualTo(plain);
  }

  @ParameterizedTest(name = RandomCases.NAME)
  @MethodSource("seeds")
  void randomJpegsOfEveryOrientationDecodeToTheWholeImagePixels(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int width = RandomCases.between(random, 1, 90);
    int height = RandomCases.between(random, 1, 90);
    boolean gray = random.nextInt(3) == 0;
    boolean progressive = random.nextBoolean();
    int orientation = RandomCases.between(random, 1, 8);
    byte[] bytes =
        withOrientation(jpeg(picture(random, width, height, gray), progressive), orientation);

    PixelImage decoded = ImageDecoder.decode(bytes, ImageLimits.defaults());

    assertThat(decoded).isEqualTo(wholeImage(bytes));
    assertThat(decoded.width()).isEqualTo(orientation >= 5 ? height : width);
  }

  static LongStream seeds() {
    return RandomCases.seeds(48);
  }

  @ParameterizedTest(name = "orientation {0}")
  @MethodSource("orientations")
  void uprightIndexInvertsTheTransformsSourceMapping(int orientation) {
    int width = 5;
    int height = 3;
    int[] stored = new int[width * height];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = i;
    }
    int[] upright = OrientationTransform.apply(orientation, width, height, stored).pixels();

    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = OrientationTransform.uprightIndex(orientation, width, height, x, y);
        assertThat(upright[at]).as("stored (%d, %d)", x, y).isEqualTo(y * width + x);
      }
    }
  }

  static Stream<Integer> orientations() {
    return Stream.of(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @ParameterizedTest(name = "orientation {0}")
  @MethodSource("orientations")
  void samplesWrittenOneByOneLandUprightAndReadBack(int orientation) {
    int width = 4;
    int height = 3;
    ImageTypeSpecifier type =
        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);
    UprightRows rows = UprightRows.forType(type, width, height, orientation);
    BufferedImage destination = rows.destination();
    BufferedImage source = picture(new SplittableRandom(orientation), width, height, false);

    destination.getRaster().setDataElements(0, 0, source.getRaster()); // sample by sample

    int[] sourceArgb = RasterConverter.toArgb(source);
    assertThat(rows.upright())
        .isEqualTo(OrientationTransform.apply(orientation, width, height, sourceArgb));
    assertThat(destination.getRaster().getSample(1, 2, 0))
        .isEqualTo(sourceArgb[2 * width + 1] >> 16 & 0xFF);
  }

  @Test
  void typesWithAlphaOrPackedIntsTakeTheUsualWay() {
    for (int other : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB}) {
      assertThat(
              UprightRows.forType(ImageTypeSpecifier.createFromBufferedImageType(other), 4, 4, 1))
          .isNull();
    }
    assertThat(UprightRows.forType(null, 4, 4, 1)).isNull();
    assertThat(
            UprightRows.forType(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY),
                4,
                4,
                1))
        .isNotNull();
  }

  /** The whole-image way: the reader's own image, converted, then turned upright. */
  private static PixelImage wholeImage(byte[] bytes) {
    ImageReader reader = reader();
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(JpegSegments.check(bytes)))) {
      reader.setInput(in);
      BufferedImage image = reader.read(0);
      return OrientationTransform.apply(
          ExifOrientation.of(bytes, ImageFormat.JPEG),
          image.getWidth(),
          image.getHeight(),
          RasterConverter.toArgb(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reader.dispose();
    }
  }

  /** The reader {@link ImageDecoder} prefers: TwelveMonkeys', which delegates to the JDK's. */
  private static ImageReader reader() {
    ImageReader chosen = null;
    for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        readers.hasNext(); ) {
      ImageReader candidate = readers.next();
      if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
        chosen = candidate;
      }
    }
    return chosen;
  }

  /** Smooth gradients with noise, so rows and columns all differ. */
  private static BufferedImage picture(
      SplittableRandom random, int width, int height, boolean gray) {
    BufferedImage image =
        new BufferedImage(
            width, height, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(40)) & 0xFF;
        int g = (y * 255 / height + random.nextInt(40)) & 0xFF;
        int b = random.nextInt(256);
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static byte[] jpeg(BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The JPEG with an EXIF segment holding the orientation, right after its JFIF segment. */
  private static byte[] withOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
    byte[] payload = new byte[6 + 26];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
    System.arraycopy(tiff.array(), 0, payload, 6, 26);
    int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, app0End);
    int length = payload.length + 2;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes(payload);
    out.write(jpeg, app0End, jpeg.length - app0End);
    return out.toByteArray();
  }
}
