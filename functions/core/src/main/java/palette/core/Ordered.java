package palette.core;

import java.util.List;

/**
 * A clustering put into the user's sort order: swatch {@code i} is cluster {@code i}, and labels
 * are renumbered to match, so every output (swatch band, indexed PNG palette, figure traces,
 * exports) lists the colours in the same order.
 *
 * @param swatches the colours with their pixel counts and shares, in sort order
 * @param colors packed RGB of each swatch, same order
 * @param labels per pixel the swatch index, or -1 for a transparent pixel
 */
record Ordered(List<Swatch> swatches, int[] colors, byte[] labels) {

  /** Sorts the clusters of {@code clustering} by {@code order} and renumbers its labels. */
  static Ordered of(Clustering clustering, SortOrder order) {
    throw new UnsupportedOperationException("Ordered.of");
  }
}
