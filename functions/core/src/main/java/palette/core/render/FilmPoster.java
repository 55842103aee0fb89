package palette.core.render;

import java.util.Arrays;
import java.util.List;
import palette.core.cluster.Swatch;
import palette.core.image.PixelImage;

/**
 * The film strip poster: one row per still (its thumbnail at the left, then its palette as stripes
 * as wide as each colour's share) and, below a gap, a taller band with the film palette across the
 * whole width, on a near-black background.
 *
 * <p>Layout for n stills: the poster is {@value #WIDTH} pixels wide; rows are {@code h = clamp(4800
 * / n, 8, 48)} pixels high (the strip, gaps included, stays under about 5,400 pixels for up to 500
 * stills), separated by {@code g = max(1, h / 8)}; thumbnails are {@code 2h} wide (crop to 2:1);
 * the film band is {@code 3 × max(h, 40)} high. Row {@code i} starts at {@code y = i (h + g)}; the
 * band starts {@code g} below the last row's gap.
 */
public final class FilmPoster {
  static final int WIDTH = 1200;
  public static final int BACKGROUND = 0xff101010;
  static final int MAX_ROW = 48;
  static final int MIN_ROW = 8;
  private static final int STRIP_BUDGET = 4800;

  private FilmPoster() {}

  /** One still's row: its thumbnail ({@link Layout#thumbWidth()} × rowHeight) and palette. */
  public record Row(int[] thumbnail, List<Swatch> swatches) {}

  /** Where everything goes for a poster planned for {@code stills} stills. */
  public record Layout(int rowHeight, int gap, int thumbWidth, int bandHeight) {
    public static Layout forStills(int stills) {
      int h = Math.max(MIN_ROW, Math.min(MAX_ROW, STRIP_BUDGET / Math.max(1, stills)));
      return new Layout(h, Math.max(1, h / 8), 2 * h, 3 * Math.max(h, 40));
    }

    int rowTop(int row) {
      return row * (rowHeight + gap);
    }

    int bandTop(int rows) {
      return rowTop(rows) + gap;
    }

    int height(int rows) {
      return bandTop(rows) + bandHeight;
    }

    int stripesLeft() {
      return thumbWidth + gap;
    }
  }

  public static PixelImage render(
      Layout layout, List<Row> rows, List<Swatch> film, boolean equalStripes) {
    int height = layout.height(rows.size());
    int[] out = new int[Math.multiplyExact(WIDTH, height)];
    Arrays.fill(out, BACKGROUND);
    int h = layout.rowHeight();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int top = layout.rowTop(i);
      for (int y = 0; y < h; y++) {
        System.arraycopy(
            row.thumbnail(), y * layout.thumbWidth(), out, (top + y) * WIDTH, layout.thumbWidth());
      }
      int left = layout.stripesLeft();
      stripes(out, left, WIDTH - left, top, h, row.swatches(), equalStripes);
    }
    stripes(out, 0, WIDTH, layout.bandTop(rows.size()), layout.bandHeight(), film, equalStripes);
    return PixelImage.adopt(WIDTH, height, out);
  }

  /** Stripes for {@code swatches} in the box at {@code (left, top)}, sized by share. */
  private static void stripes(
      int[] out, int left, int width, int top, int height, List<Swatch> swatches, boolean equal) {
    long[] weights = new long[swatches.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = equal ? 1 : Math.max(1, Math.round(swatches.get(i).share() * 1e12));
    }
    int[] widths = SwatchRenderer.stripeWidths(width, weights);
    int x = left;
    for (int i = 0; i < widths.length; i++) {
      int color = 0xff000000 | swatches.get(i).color().packed();
      for (int y = top; y < top + height; y++) {
        Arrays.fill(out, y * WIDTH + x, y * WIDTH + x + widths[i], color);
      }
      x += widths[i];
    }
  }
}
