/**
 * Bytes to pixels, within limits: format sniffing, size checks from the header before decoding,
 * structural checks of PNG, JPEG and WebP, EXIF orientation and raster conversion to {@link
 * palette.core.image.PixelImage}.
 *
 * <p>Kept apart because it is the one layer that reads untrusted bytes: every malformed or hostile
 * file must end here as a {@link palette.core.PaletteException}, never deeper in the engine.
 */
package palette.core.image;
