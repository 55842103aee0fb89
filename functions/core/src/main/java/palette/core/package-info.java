/**
 * The palette engine: decode an image within limits, cluster its pixels with k-means, and render
 * the palette outputs (swatch, replaced image, Plotly figure, palette document and exports).
 *
 * <p>This package knows nothing of AWS, files or the command line: it turns bytes and {@link
 * palette.core.options.PaletteOptions} into a {@link palette.core.PaletteRun}. The front door is
 * {@link palette.core.Palettes}. Everything here is deterministic: the same bytes and options give
 * the same outputs, bit for bit.
 */
package palette.core;
