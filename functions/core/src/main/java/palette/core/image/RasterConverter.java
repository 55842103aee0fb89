package palette.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Copies a decoded {@link BufferedImage} into packed {@code 0xAARRGGBB} ints in bulk. {@code
 * BufferedImage.getRGB} is avoided on the common paths: it is slow per pixel and it converts
 * grayscale through a linear colour space, which would turn gray 17 into something else. Samples
 * are taken as stored (gray levels exact, 16-bit rounded to 8) rather than colour-managed.
 */
final class RasterConverter {
  private RasterConverter() {}

  static int[] toArgb(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    if (model instanceof IndexColorModel indexed) {
      return fromIndexed(raster, indexed);
    }
    int space = model.getColorSpace().getType();
    boolean plain =
        !model.isAlphaPremultiplied()
            && (space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY)
            && raster.getNumBands() == model.getNumComponents();
    if (!plain) {
      return image.getRGB(0, 0, width, height, null, 0, width);
    }
    return switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> fromBytes(raster, 3);
      case BufferedImage.TYPE_4BYTE_ABGR -> fromBytes(raster, 4);
      case BufferedImage.TYPE_BYTE_GRAY -> fromBytes(raster, 1);
      case BufferedImage.TYPE_INT_ARGB -> ints(raster, 0);
      case BufferedImage.TYPE_INT_RGB -> ints(raster, 0xFF000000);
      default -> fromSamples(raster, model.hasAlpha());
    };
  }

  /** The three fast paths read the byte buffer directly; each type fixes its byte layout. */
  private static int[] fromBytes(Raster raster, int bytesPerPixel) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int stride = ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride();
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    int[] argb = new int[width * height];
    for (int y = 0; y < height; y++) {
      int in = y * stride;
      int out = y * width;
      switch (bytesPerPixel) {
        case 1 -> grayRow(data, in, argb, out, width);
        case 3 -> bgrRow(data, in, argb, out, width);
        default -> abgrRow(data, in, argb, out, width);
      }
    }
    return argb;
  }

  private static void grayRow(byte[] data, int in, int[] argb, int out, int width) {
    for (int x = 0; x < width; x++) {
      argb[out + x] = 0xFF000000 | (data[in + x] & 0xFF) * 0x010101;
    }
  }

  private static void bgrRow(byte[] data, int in, int[] argb, int out, int width) {
    for (int x = 0; x < width; x++, in += 3) {
      argb[out + x] =
          0xFF000000 | (data[in + 2] & 0xFF) << 16 | (data[in + 1] & 0xFF) << 8 | data[in] & 0xFF;
    }
  }

  private static void abgrRow(byte[] data, int in, int[] argb, int out, int width) {
    for (int x = 0; x < width; x++, in += 4) {
      argb[out + x] =
          (data[in] & 0xFF) << 24
              | (data[in + 3] & 0xFF) << 16
              | (data[in + 2] & 0xFF) << 8
              | data[in + 1] & 0xFF;
    }
  }

  private static int[] ints(Raster raster, int alphaMask) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
    int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
    int[] argb = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0, in = y * stride, out = y * width; x < width; x++) {
        argb[out + x] = data[in + x] | alphaMask;
      }
    }
    return argb;
  }

  private static int[] fromIndexed(Raster raster, IndexColorModel model) {
    int[] lut = new int[1 << Math.max(8, model.getPixelSize())];
    int[] colours = new int[model.getMapSize()];
    model.getRGBs(colours);
    System.arraycopy(colours, 0, lut, 0, Math.min(colours.length, lut.length));
    int width = raster.getWidth();
    int height = raster.getHeight();
    int[] argb = new int[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0, out = y * width; x < width; x++) {
        argb[out + x] = lut[row[x] & (lut.length - 1)];
      }
    }
    return argb;
  }

  /**
   * Any other gray, gray+alpha, RGB or RGBA layout (16-bit PNG, 5-6-5 BMP, ...): each sample is
   * scaled from its own bit depth to 8 bits with rounding.
   */
  private static int[] fromSamples(Raster raster, boolean hasAlpha) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int bands = raster.getNumBands();
    int colourBands = hasAlpha ? bands - 1 : bands;
    int[] maxima = new int[bands];
    for (int b = 0; b < bands; b++) {
      maxima[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
    }
    int[] argb = new int[width * height];
    int[] row = new int[width * bands];
    for (int y = 0; y < height; y++) {
      raster.getPixels(0, y, width, 1, row);
      for (int x = 0, in = 0, out = y * width; x < width; x++, in += bands) {
        int r = to8(row[in], maxima[0]);
        int g = colourBands == 1 ? r : to8(row[in + 1], maxima[1]);
        int b = colourBands == 1 ? r : to8(row[in + 2], maxima[2]);
        int a = hasAlpha ? to8(row[in + colourBands], maxima[colourBands]) : 0xFF;
        argb[out + x] = a << 24 | r << 16 | g << 8 | b;
      }
    }
    return argb;
  }

  private static int to8(int sample, int maximum) {
    return maximum == 255 ? sample : (int) ((sample * 255L + maximum / 2) / maximum);
  }
}
