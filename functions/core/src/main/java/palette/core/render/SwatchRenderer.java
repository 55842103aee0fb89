package palette.core.render;

import java.util.Arrays;
import java.util.List;
import palette.core.cluster.Swatch;
import palette.core.image.PixelImage;

/**
 * The original image with a palette band along the bottom, as the original tool drew it: the band
 * is 1/5 of the image height (at least one row) and holds one vertical stripe per swatch, in swatch
 * order. Stripes are as wide as each colour's share of the opaque pixels, or all equally wide on
 * request (the original's look). The input image is never modified; its transparent pixels stay
 * transparent, the band is opaque.
 */
public final class SwatchRenderer {
  private SwatchRenderer() {}

  public static StackedImage render(PixelImage image, List<Swatch> swatches, boolean equalStripes) {
    if (swatches.isEmpty()) {
      throw new IllegalArgumentException("swatches must not be empty");
    }
    int width = image.width();
    int band = bandHeight(image.height());
    int[] out = new int[Math.multiplyExact(width, band)];
    int[] stripes = stripeWidths(width, weights(swatches, equalStripes));
    int[] row = new int[width];
    int x = 0;
    for (int i = 0; i < stripes.length; i++) {
      Arrays.fill(row, x, x + stripes[i], 0xff000000 | swatches.get(i).color().packed());
      x += stripes[i];
    }
    for (int y = 0; y < band; y++) {
      System.arraycopy(row, 0, out, y * width, width);
    }
    return StackedImage.of(image, PixelImage.adopt(width, band, out));
  }

  /** One fifth of {@code height}, rounded (never a tie for whole heights), at least one row. */
  static int bandHeight(int height) {
    return Math.max(1, (height + 2) / 5);
  }

  private static long[] weights(List<Swatch> swatches, boolean equal) {
    long[] weights = new long[swatches.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = equal ? 1 : swatches.get(i).pixels();
    }
    return weights;
  }

  /**
   * Splits {@code width} pixels in proportion to {@code weights} by largest remainder: each stripe
   * gets the floor of its exact width, and the pixels left over go to the largest fractional parts
   * (ties to the earlier stripe). When there is room for every stripe, none is narrower than one
   * pixel: a stripe bumped up to one pixel is paid for by the stripe that then exceeds its exact
   * width the least. The widths always sum to {@code width}.
   */
  static int[] stripeWidths(int width, long[] weights) {
    int n = weights.length;
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    double[] exact = new double[n];
    int[] widths = new int[n];
    int min = width >= n ? 1 : 0;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      exact[i] = (double) weights[i] * width / total;
      widths[i] = Math.max(min, (int) Math.floor(exact[i]));
      sum += widths[i];
    }
    for (; sum < width; sum++) {
      widths[pick(exact, widths, true, min)]++;
    }
    for (; sum > width; sum--) {
      widths[pick(exact, widths, false, min)]--;
    }
    return widths;
  }

  /**
   * The stripe to grow (the one most below its exact width) or to shrink (the one most above it,
   * among those wider than {@code min}); ties go to the lowest index.
   */
  private static int pick(double[] exact, int[] widths, boolean grow, int min) {
    int best = -1;
    double bestGap = 0;
    for (int i = 0; i < exact.length; i++) {
      double gap = grow ? exact[i] - widths[i] : widths[i] - exact[i];
      if ((grow || widths[i] > min) && (best < 0 || gap > bestGap)) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }
}
