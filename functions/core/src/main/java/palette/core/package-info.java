/**
 * The palette engine's front door: {@link palette.core.Palettes} turns an image's bytes and {@link
 * palette.core.options.PaletteOptions} into a {@link palette.core.PaletteRun}, {@link
 * palette.core.FilmPalettes} does the same for a film's stills, and a {@link
 * palette.core.PaletteException} with its {@link palette.core.ErrorCode} is the one permanent
 * failure.
 *
 * <p>The engine is layered, each layer a package that uses only those before it: {@code options}
 * (what may be asked), {@code image} (bytes to pixels), {@code cluster} (pixels to a palette), then
 * {@code render} (images) and {@code format} (documents), with this package on top. The errors live
 * here, at the front door, because callers catch them; every layer throws them.
 *
 * <p>Nothing here knows of AWS, files or the command line. Everything is deterministic: the same
 * bytes and options give the same outputs, bit for bit.
 */
package palette.core;
