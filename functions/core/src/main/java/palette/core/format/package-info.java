/**
 * A palette as documents other programs read: the palette and film documents (JSON), the CSS, GIMP
 * and Adobe Swatch Exchange exports, and the Plotly figure with the page that shows it.
 *
 * <p>Every byte here is deterministic (fixed key order, fixed number formatting), because the same
 * input must give byte-identical files; golden files under test hold the formats still.
 */
package palette.core.format;
