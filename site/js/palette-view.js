// Shows a finished job's palette: the strip (each colour as wide as its share), one card per
// colour with every notation to copy, and the images with a slider between the original and the
// repainted photo. The small chips are for the film stills' results.
import { el, clear, toast } from './dom.js';
import { rgbOf, formatsOf, labelColour } from './colour.js';

/** [{hex, share}] from palette.json's colours, in its order; anything odd shows as black. */
export function swatchesOf(palette) {
  return (palette?.colors ?? []).map((c) => ({
    hex: /^#[0-9a-f]{6}$/.test(c.hex) ? c.hex : '#000000',
    share: Number(c.share ?? 0),
  }));
}

const percent = (share) => `${(share * 100).toFixed(1)}%`;

/**
 * The strip and the colour cards. `onFocus(hex)` / `onBlur()` run when a colour is pointed at or
 * focused, in the strip or in its card.
 */
export function showPalette(strip, cards, palette, { onFocus, onBlur }) {
  clear(strip);
  clear(cards);
  const colours = swatchesOf(palette);
  colours.forEach(({ hex, share }, i) => {
    const label = labelColour(rgbOf(hex));
    const name = `Colour ${i + 1}: ${hex}, ${percent(share)} of the photo`;
    const segment = el(
      'button',
      { type: 'button', className: 'segment', title: `${name}. Select to copy ${hex}` },
      el('span', { className: 'visually-hidden', textContent: `Colour ${i + 1}: ` }),
      el('span', { className: 'segment-hex', textContent: hex }),
      ' ',
      el('span', { className: 'segment-share', textContent: percent(share) }),
      el('span', { className: 'visually-hidden', textContent: ' of the photo; copy' }),
    );
    segment.style.setProperty('--c', hex);
    segment.style.setProperty('--ink', label);
    segment.addEventListener('click', () => copy(hex, hex));
    const item = el('li', { className: 'segment-item' }, segment);
    item.style.flexGrow = String(Math.max(share, 0.002));
    strip.append(item);

    const formats = formatsOf(hex);
    const card = el(
      'li',
      { className: 'colour', attrs: { 'data-hex': hex } },
      el(
        'div',
        { className: 'colour-face' },
        el('span', { className: 'hex', textContent: hex }),
        el('span', { className: 'share', textContent: percent(share) }),
      ),
      el(
        'div',
        { className: 'formats' },
        ...['hex', 'rgb', 'hsl', 'oklch'].map((format) => {
          const button = el(
            'button',
            { type: 'button', className: 'format', title: `Copy ${formats[format]}`, attrs: { 'data-format': format } },
            el('span', { className: 'format-name', textContent: format.toUpperCase() }),
            ' ',
            el('span', { className: 'format-value', textContent: formats[format] }),
          );
          button.addEventListener('click', () => copy(formats[format], formats[format]));
          return button;
        }),
      ),
    );
    const face = card.firstChild;
    face.style.setProperty('--c', hex);
    face.style.setProperty('--ink', label);
    cards.append(card);

    for (const target of [segment, card]) {
      target.addEventListener('pointerenter', () => onFocus(hex));
      target.addEventListener('pointerleave', onBlur);
      target.addEventListener('focusin', () => onFocus(hex));
      target.addEventListener('focusout', onBlur);
    }
  });
  return colours;
}

/** Small chips (click to copy the hex), for the film stills' palettes. */
export function showChips(list, palette) {
  clear(list);
  for (const { hex, share } of swatchesOf(palette)) {
    const color = el('span', { className: 'color' });
    color.style.background = hex;
    const button = el(
      'button',
      { type: 'button', className: 'chip', attrs: { 'aria-label': `Copy ${hex} (${percent(share)} of the photo)` } },
      color,
      el(
        'span',
        { className: 'label' },
        el('span', { className: 'hex', textContent: hex }),
        el('span', { className: 'share', textContent: percent(share) }),
      ),
    );
    button.addEventListener('click', () => copy(hex, hex));
    list.append(el('li', {}, button));
  }
}

/** Copies `text` and says so; `what` names it in the message. */
export async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    toast(`Copied ${what}`);
  } catch {
    toast(`Copy ${what} by hand; the clipboard is not available here`);
  }
}

/**
 * Sets the image frames' shape before the images load, so the page does not jump. The swatch is
 * the photo plus a palette band a fifth of its height (at least one row) underneath.
 */
export function reserveImageSpace(swatchFrame, photoFrame, palette) {
  const { width, height } = palette?.image ?? {};
  if (!width || !height) return;
  const band = Math.max(1, Math.floor((height + 2) / 5));
  swatchFrame.style.setProperty('--ratio', `${width} / ${height + band}`);
  photoFrame.style.setProperty('--ratio', `${width} / ${height}`);
}

/** Loads an image and resolves when it is decoded (or rejects), so callers know it is shown. */
export function showImage(img, url) {
  img.src = url;
  return img.decode();
}

/** Wires the before/after slider: 0 shows only the repainted photo, 100 only the original. */
export function wireCompare(slider, compare) {
  const apply = () => compare.style.setProperty('--cut', `${slider.value}%`);
  slider.addEventListener('input', apply);
  apply();
}
