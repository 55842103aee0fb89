/**
 * Pixels to a palette: the colour histogram, k-means (k-means++ starts, several starts, Lloyd
 * iterations, in RGB or OKLab), per-pixel labels, and the sort into the user's order ({@link
 * palette.core.cluster.Ordered}, whose {@link palette.core.cluster.Swatch}es every output lists).
 *
 * <p>Deterministic and free of I/O, so it is tested on synthetic images with known answers; it
 * reads a {@link palette.core.image.PixelImage} and knows nothing of files or formats.
 */
package palette.core.cluster;
