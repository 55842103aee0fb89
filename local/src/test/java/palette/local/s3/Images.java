package palette.local.s3;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Test inputs: the bundled sample, generated photos, and hostile files made on the spot. */
public final class Images {
  private Images() {}

  public static byte[] sample() {
    try (InputStream in = Images.class.getResourceAsStream("/samples/coffee.png")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A photo-like JPEG: gradients and a few shapes, so it compresses and clusters like one. */
  public static byte[] photoJpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(250, 170, 60), width, height, new Color(30, 60, 140)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(40, 120, 60));
    g.fillOval(width / 5, height / 3, width / 3, height / 2);
    g.setColor(new Color(230, 230, 220));
    g.fillRect(width * 3 / 5, height / 6, width / 4, height / 4);
    g.dispose();
    return encode(image, "jpg");
  }

  /** A JPEG cut off after its headers: a recognised format that cannot be decoded. */
  public static byte[] corruptJpeg() {
    byte[] jpeg = photoJpeg(64, 48);
    return Arrays.copyOf(jpeg, 200);
  }

  /** A 60,000 × 60,000 grey PNG in a few kilobytes: 3.6 gigapixels if anyone decoded it. */
  public static byte[] decompressionBomb() {
    int side = 60_000;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side);
    header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", header.array());
    Deflater deflater = new Deflater(9);
    deflater.setInput(new byte[(side + 1) * 200]);
    deflater.finish();
    byte[] buffer = new byte[1 << 16];
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    while (!deflater.finished()) {
      idat.write(buffer, 0, deflater.deflate(buffer));
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
