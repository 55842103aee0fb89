// Colour arithmetic for the page: one sRGB colour written as hex, RGB, HSL and OKLCH, its WCAG
// relative luminance and contrast, and the palette as CSS variables, JSON and a Tailwind-style
// object. Pure functions, no DOM: the node tests run them directly.

/** [r, g, b] (0–255) of '#rrggbb'. */
export function rgbOf(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** HSL of an sRGB colour: [hue in degrees, saturation %, lightness %]. */
export function hslOf([r, g, b]) {
  const [rf, gf, bf] = [r / 255, g / 255, b / 255];
  const max = Math.max(rf, gf, bf);
  const min = Math.min(rf, gf, bf);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l * 100];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h;
  if (max === rf) h = ((gf - bf) / d) % 6;
  else if (max === gf) h = (bf - rf) / d + 2;
  else h = (rf - gf) / d + 4;
  return [(h * 60 + 360) % 360, s * 100, l * 100];
}

const linear = (c) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** OKLab of an sRGB colour (Björn Ottosson's matrices): [L 0–1, a, b]. */
export function oklabOf([r, g, b]) {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLCH: [L 0–1, chroma, hue in degrees]. */
export function oklchOf(rgb) {
  const [L, a, b] = oklabOf(rgb);
  const c = Math.hypot(a, b);
  return [L, c, c < 1e-4 ? 0 : (Math.atan2(b, a) * 180) / Math.PI + (b < 0 ? 360 : 0)];
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]) {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two luminances, 1 to 21. */
export function contrast(l1, l2) {
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** The text colour (black or white) with the higher contrast on `rgb`; at least 4.58:1 for any colour. */
export function labelColour(rgb) {
  const l = luminance(rgb);
  return contrast(l, 0) >= contrast(l, 1) ? '#000000' : '#ffffff';
}

const round = (x, digits = 0) => Number(x.toFixed(digits));

/** Every CSS notation of one colour, as text to copy: {hex, rgb, hsl, oklch}. */
export function formatsOf(hex) {
  const rgb = rgbOf(hex);
  const [h, s, l] = hslOf(rgb);
  const [L, C, H] = oklchOf(rgb);
  return {
    hex,
    rgb: `rgb(${rgb.join(' ')})`,
    hsl: `hsl(${round(h)} ${round(s)}% ${round(l)}%)`,
    oklch: `oklch(${round(L * 100, 1)}% ${round(C, 3)} ${round(H, 1)})`,
  };
}

/** The palette ([{hex}]) as CSS custom properties on :root. */
export function asCss(colours) {
  const lines = colours.map((c, i) => `  --palette-${i + 1}: ${c.hex};`);
  return `:root {\n${lines.join('\n')}\n}\n`;
}

/** The palette as a JSON array of {hex, rgb, hsl, oklch, share}. */
export function asJson(colours) {
  const rows = colours.map((c) => ({ ...formatsOf(c.hex), share: round(c.share, 6) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The palette as a Tailwind-style theme object (`theme.extend.colors.palette`). */
export function asTailwind(colours) {
  const lines = colours.map((c, i) => `    ${i + 1}: '${c.hex}',`);
  return `colors: {\n  palette: {\n${lines.join('\n')}\n  },\n},\n`;
}
