package palette.core.cluster;

import java.util.Locale;

/** Why k-means stopped, so a user can tell a converged palette from a truncated one. */
public enum StopReason {
  /** No pixel changed cluster in the last iteration. */
  ASSIGNMENTS_STABLE,
  /**
   * No centroid moved more than a documented tolerance (0.01 of an 8-bit level in RGB) in the last
   * iteration.
   */
  CENTROIDS_STABLE,
  /** The iteration limit was reached first. */
  LIMIT_REACHED,
  /** The image has no more distinct colours than k: they are the palette, no iteration needed. */
  FEW_DISTINCT_COLORS;

  public boolean converged() {
    return this != LIMIT_REACHED;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
