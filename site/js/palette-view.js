// Shows a finished job: colour chips (click to copy), the swatch image and the original beside
// the repainted photo with a slider between them.
import { el, clear, toast } from './dom.js';

/** [{hex, share}] from palette.json's colours, in its order; anything odd shows as black. */
export function swatchesOf(palette) {
  return (palette?.colors ?? []).map((c) => ({
    hex: /^#[0-9a-f]{6}$/.test(c.hex) ? c.hex : '#000000',
    share: Number(c.share ?? 0),
  }));
}

export function showChips(list, palette) {
  clear(list);
  for (const { hex, share } of swatchesOf(palette)) {
    const percent = `${(share * 100).toFixed(1)}%`;
    const button = el(
      'button',
      { type: 'button', className: 'chip', attrs: { 'aria-label': `Copy ${hex} (${percent} of the photo)` } },
      el('span', { className: 'color', style: `background:${hex}` }),
      el(
        'span',
        { className: 'label' },
        el('span', { className: 'hex', textContent: hex }),
        el('span', { className: 'share', textContent: percent }),
      ),
    );
    button.addEventListener('click', () => copy(hex));
    list.append(el('li', {}, button));
  }
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast(`Copied ${text}`);
  } catch {
    toast(`Copy ${text} by hand; the clipboard is not available here`);
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
