/**
 * A palette back to pixels: the swatch band, the film poster and its thumbnails, and the PNG
 * encoder (truecolour and indexed) that writes them.
 *
 * <p>Separate from {@code format} because its outputs are images: it depends on the clustering
 * results, never on the documents.
 */
package palette.core.render;
