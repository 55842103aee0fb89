package palette.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palette.core.Fixtures;

class ExifOrientationTest {
  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void readsBigAndLittleEndianTiff(int orientation) {
    assertThat(ExifOrientation.of(jpegWithExif(tiff(true, orientation)), ImageFormat.JPEG))
        .isEqualTo(orientation);
    assertThat(ExifOrientation.of(jpegWithExif(tiff(false, orientation)), ImageFormat.JPEG))
        .isEqualTo(orientation);
  }

  @Test
  void skipsOtherSegmentsBeforeTheExifOne() {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(StandardCharsets.US_ASCII);
    segment(jpeg, 0xE1, xmp);
    segment(jpeg, 0xE1, exifPayload(tiff(true, 6)));

    assertThat(ExifOrientation.of(jpeg.toByteArray(), ImageFormat.JPEG)).isEqualTo(6);
  }

  @Test
  void anOutOfRangeValueMeansUpright() {
    assertThat(ExifOrientation.of(jpegWithExif(tiff(true, 9)), ImageFormat.JPEG)).isEqualTo(1);
    assertThat(ExifOrientation.of(jpegWithExif(tiff(true, 0)), ImageFormat.JPEG)).isEqualTo(1);
  }

  @Test
  void damagedOrMissingExifMeansUpright() {
    byte[] good = jpegWithExif(tiff(true, 6));
    for (int length = 0; length < good.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(good, length);
      assertThat(ExifOrientation.of(cut, ImageFormat.JPEG)).as("cut at %d", length).isIn(1, 6);
    }
    byte[] badIfdOffset = tiff(true, 6);
    badIfdOffset[7] = 100;
    assertThat(ExifOrientation.of(jpegWithExif(badIfdOffset), ImageFormat.JPEG)).isEqualTo(1);
  }

  @Test
  void readsThePngAndWebpFixtures() {
    assertThat(
            ExifOrientation.of(
                Fixtures.bytes("formats/png-exif-orientation-6.png"), ImageFormat.PNG))
        .isEqualTo(6);
    assertThat(
            ExifOrientation.of(
                Fixtures.bytes("formats/webp-exif-orientation-8.webp"), ImageFormat.WEBP))
        .isEqualTo(8);
    assertThat(ExifOrientation.of(Fixtures.bytes("formats/png-rgb.png"), ImageFormat.PNG))
        .isEqualTo(1);
  }

  /** A TIFF header and an IFD0 holding one SHORT entry: the orientation. */
  private static byte[] tiff(boolean bigEndian, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I');
    tiff.putShort((short) 42).putInt(8); // magic, offset of IFD0
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // orientation, SHORT, count 1
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0); // no next IFD
    return tiff.array();
  }

  private static byte[] exifPayload(byte[] tiff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    return out.toByteArray();
  }

  private static byte[] jpegWithExif(byte[] tiff) {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    segment(jpeg, 0xE1, exifPayload(tiff));
    jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return jpeg.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    int length = payload.length + 2;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
    out.writeBytes(payload);
  }
}
