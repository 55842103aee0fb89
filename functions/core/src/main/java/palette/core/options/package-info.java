/**
 * What a caller may ask of the engine: every option declared once ({@link
 * palette.core.options.Option}) and the validated records built from them ({@link
 * palette.core.options.PaletteOptions}, {@link palette.core.options.ImageLimits}).
 *
 * <p>The bottom layer: the command line, the API, S3 metadata, the template and the page all read
 * names, defaults and ranges from here, so it depends on nothing but the engine's errors.
 */
package palette.core.options;
