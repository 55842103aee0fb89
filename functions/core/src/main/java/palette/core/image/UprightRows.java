package palette.core.image;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import javax.imageio.ImageTypeSpecifier;

/**
 * A decoder's destination that stores each row as it is decoded straight into upright packed {@code
 * 0xAARRGGBB} ints. A JPEG decoded the usual way is held twice at its peak, as the reader's byte
 * raster and as the int array made from it (72 MB and 96 MB at 24 megapixels), and a rotated one a
 * third time; through this raster only the int array exists, and rows land where the EXIF
 * orientation puts them.
 *
 * <p>The JDK's JPEG reader hands over one decoded row at a time through {@link #setRect(int, int,
 * Raster)}, which is coded for that row's byte layout. Any other way a reader writes (colour
 * conversion of a whole raster, single samples) goes through {@link Samples}, the same pixels a
 * byte at a time. Samples are stored as decoded, as {@link RasterConverter} takes them.
 */
final class UprightRows extends WritableRaster {
  private final int orientation;
  private final int[] argb;
  private final ColorModel model;

  private UprightRows(
      SampleModel layout, Samples samples, ColorModel model, int orientation, int[] argb) {
    super(layout, samples, new Point(0, 0));
    this.orientation = orientation;
    this.argb = argb;
    this.model = model;
  }

  /**
   * A destination for an image of the reader's own first type, or null when that type is not one
   * stored 8 bits a sample as gray or RGB without alpha (the other types take the usual way).
   */
  static UprightRows forType(ImageTypeSpecifier type, int width, int height, int orientation) {
    if (type == null || !plain(type.getColorModel())) {
      return null;
    }
    SampleModel layout = type.getSampleModel(width, height);
    int bands = layout.getNumBands();
    if (!(layout instanceof PixelInterleavedSampleModel interleaved)
        || layout.getDataType() != DataBuffer.TYPE_BYTE
        || interleaved.getPixelStride() != bands
        || interleaved.getScanlineStride() != width * bands
        || (long) width * height * bands > Integer.MAX_VALUE - 8) {
      return null;
    }
    int[] argb = new int[width * height];
    int[] channelShift = channelShifts(interleaved.getBandOffsets());
    return new UprightRows(
        layout,
        new Samples(argb, width, height, orientation, bands, channelShift),
        type.getColorModel(),
        orientation,
        argb);
  }

  private static boolean plain(ColorModel model) {
    int space = model.getColorSpace().getType();
    int components = model.getNumComponents();
    return model instanceof ComponentColorModel
        && !model.hasAlpha()
        && (space == ColorSpace.TYPE_RGB && components == 3
            || space == ColorSpace.TYPE_GRAY && components == 1)
        && allEight(model.getComponentSize());
  }

  private static boolean allEight(int[] sizes) {
    for (int size : sizes) {
      if (size != 8) {
        return false;
      }
    }
    return true;
  }

  /** For each byte offset within a pixel, the shift of the channel its band is: R 16, G 8, B 0. */
  private static int[] channelShifts(int[] bandOffsets) {
    int[] shifts = new int[bandOffsets.length];
    for (int band = 0; band < bandOffsets.length; band++) {
      shifts[bandOffsets[band]] = bandOffsets.length == 1 ? -1 : 16 - 8 * band;
    }
    return shifts;
  }

  /** The image to hand the reader as its destination. */
  BufferedImage destination() {
    return new BufferedImage(model, this, false, null);
  }

  /** The decoded pixels, upright; the array is adopted, not copied. */
  PixelImage upright() {
    boolean swap = OrientationTransform.swapsSides(orientation);
    return PixelImage.adopt(swap ? height : width, swap ? width : height, argb);
  }

  @Override
  public void setRect(int dx, int dy, Raster source) {
    if (!(source.getSampleModel() instanceof ComponentSampleModel layout)
        || !(source.getDataBuffer() instanceof DataBufferByte buffer)
        || source.getNumBands() != numBands
        || buffer.getNumBanks() != 1) {
      super.setRect(dx, dy, source);
      return;
    }
    int fromX = Math.max(0, source.getMinX() + dx);
    int toX = Math.min(width, source.getMinX() + source.getWidth() + dx);
    int fromY = Math.max(0, source.getMinY() + dy);
    int toY = Math.min(height, source.getMinY() + source.getHeight() + dy);
    if (fromX >= toX) {
      return;
    }
    byte[] data = buffer.getData();
    int[] offsets = layout.getBandOffsets();
    int stride = layout.getPixelStride();
    for (int y = fromY; y < toY; y++) {
      int sx = fromX - dx - source.getSampleModelTranslateX();
      int sy = y - dy - source.getSampleModelTranslateY();
      int in = buffer.getOffset() + layout.getOffset(sx, sy);
      int out = OrientationTransform.uprightIndex(orientation, width, height, fromX, y);
      int step = OrientationTransform.uprightIndex(orientation, width, height, fromX + 1, y) - out;
      if (numBands == 1) {
        grayRow(data, in + offsets[0], stride, out, step, toX - fromX);
      } else {
        rgbRow(data, in, offsets, stride, out, step, toX - fromX);
      }
    }
  }

  private void grayRow(byte[] data, int in, int stride, int out, int step, int count) {
    for (int x = 0; x < count; x++, in += stride, out += step) {
      argb[out] = 0xFF000000 | (data[in] & 0xFF) * 0x010101;
    }
  }

  private void rgbRow(
      byte[] data, int in, int[] offsets, int stride, int out, int step, int count) {
    int r = in + offsets[0];
    int g = in + offsets[1];
    int b = in + offsets[2];
    for (int x = 0; x < count; x++, out += step) {
      int at = x * stride;
      argb[out] =
          0xFF000000
              | (data[r + at] & 0xFF) << 16
              | (data[g + at] & 0xFF) << 8
              | data[b + at] & 0xFF;
    }
  }

  /**
   * The raster's samples as a byte buffer laid out like the reader's own (pixel after pixel, its
   * band offsets within each), kept in the upright int array.
   */
  static final class Samples extends DataBuffer {
    private final int[] argb;
    private final int width;
    private final int height;
    private final int orientation;
    private final int bands;
    private final int[] channelShift;

    Samples(int[] argb, int width, int height, int orientation, int bands, int[] channelShift) {
      super(DataBuffer.TYPE_BYTE, width * height * bands);
      this.argb = argb;
      this.width = width;
      this.height = height;
      this.orientation = orientation;
      this.bands = bands;
      this.channelShift = channelShift;
    }

    @Override
    public int getElem(int bank, int i) {
      int pixel = argb[index(i)];
      int shift = channelShift[i % bands];
      return pixel >>> Math.max(shift, 0) & 0xFF;
    }

    @Override
    public void setElem(int bank, int i, int value) {
      int at = index(i);
      int shift = channelShift[i % bands];
      int sample = value & 0xFF;
      argb[at] =
          shift < 0
              ? 0xFF000000 | sample * 0x010101
              : 0xFF000000 | argb[at] & ~(0xFF << shift) | sample << shift;
    }

    private int index(int i) {
      int pixel = i / bands;
      return OrientationTransform.uprightIndex(
          orientation, width, height, pixel % width, pixel / width);
    }
  }
}
