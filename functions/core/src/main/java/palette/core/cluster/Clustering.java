package palette.core.cluster;

/**
 * The outcome of k-means on one image, before sorting and rendering. Internal to the engine.
 *
 * @param centroids packed {@code 0xRRGGBB} colour of each cluster; no two equal, every cluster
 *     non-empty; length is k, or fewer when the image has fewer distinct opaque colours (or,
 *     rarely, when two centroids round to the same 8-bit colour and are merged)
 * @param labels per pixel (row-major, same length as the image) the index of its cluster in {@code
 *     centroids}, or -1 for a transparent pixel (alpha below 128), which belongs to no cluster
 * @param counts pixels per cluster; all at least 1, summing to the opaque pixel count
 * @param iterations Lloyd iterations run (0 when the distinct colours are the palette)
 * @param stopReason why the iteration stopped
 * @param mse mean over all opaque pixels of the squared Euclidean RGB distance (0–255 per channel,
 *     summed over the three channels) between the pixel and its centroid's colour
 * @param distinctColors number of distinct opaque colours in the image
 */
public record Clustering(
    int[] centroids,
    byte[] labels,
    long[] counts,
    int iterations,
    StopReason stopReason,
    double mse,
    int distinctColors) {

  /**
   * Centroid movement, in the clustering space's units, below which an iteration counts as
   * converged: 0.01 of an 8-bit level in RGB; the equivalent 0.00004 in OKLab.
   */
  static final double TOLERANCE = 0.01;

  int k() {
    return centroids.length;
  }

  public long opaquePixels() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
