package palette.core.render;

import palette.core.cluster.ColorHistogram;
import palette.core.image.PixelImage;

/**
 * A small opaque copy of an image that fills a box: cropped to the box's aspect ratio around the
 * centre ("cover"), then each box pixel is the mean of the image pixels it covers (a box filter, so
 * a large still does not alias). Transparent pixels count as {@code background}. Integer arithmetic
 * only, so the same image always gives the same thumbnail; the image is never changed.
 */
public final class Thumbnail {
  private Thumbnail() {}

  /** Packed opaque ARGB, {@code width × height}, row-major. */
  public static int[] of(PixelImage image, int width, int height, int background) {
    int iw = image.width();
    int ih = image.height();
    long cropW = iw;
    long cropH = ih;
    if ((long) iw * height > (long) ih * width) {
      cropW = Math.max(1, Math.round((double) ih * width / height));
    } else {
      cropH = Math.max(1, Math.round((double) iw * height / width));
    }
    long left = (iw - cropW) / 2;
    long top = (ih - cropH) / 2;
    int[] argb = image.pixels();
    int[] out = new int[width * height];
    for (int y = 0; y < height; y++) {
      int y0 = (int) (top + y * cropH / height);
      int y1 = Math.max(y0 + 1, (int) (top + (y + 1) * cropH / height));
      for (int x = 0; x < width; x++) {
        int x0 = (int) (left + x * cropW / width);
        int x1 = Math.max(x0 + 1, (int) (left + (x + 1) * cropW / width));
        out[y * width + x] = mean(argb, iw, x0, x1, y0, y1, background);
      }
    }
    return out;
  }

  private static int mean(int[] argb, int stride, int x0, int x1, int y0, int y1, int background) {
    long r = 0;
    long g = 0;
    long b = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int p = argb[y * stride + x];
        int c = ColorHistogram.isOpaque(p) ? p : background;
        r += (c >> 16) & 0xff;
        g += (c >> 8) & 0xff;
        b += c & 0xff;
      }
    }
    long n = (long) (x1 - x0) * (y1 - y0);
    return 0xff000000
        | (int) ((r + n / 2) / n) << 16
        | (int) ((g + n / 2) / n) << 8
        | (int) ((b + n / 2) / n);
  }
}
