// Shows a finished job: colour chips (click to copy), the swatch image and the original beside
// the repainted photo with a slider between them.
import { el, clear, toast } from './dom.js';

const hex2 = (n) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

/** A colour written any of the ways a palette document may hold it, as #rrggbb. */
function hexOf(color) {
  if (typeof color === 'string') return color.startsWith('#') ? color.toLowerCase() : `#${color.toLowerCase()}`;
  if (Array.isArray(color)) return `#${color.slice(0, 3).map(hex2).join('')}`;
  if (color && typeof color === 'object') {
    if (typeof color.hex === 'string') return hexOf(color.hex);
    return `#${hex2(color.r ?? color.red)}${hex2(color.g ?? color.green)}${hex2(color.b ?? color.blue)}`;
  }
  return '#000000';
}

const safeHex = (hex) => (/^#[0-9a-f]{6}$/.test(hex) ? hex : '#000000');

/** [{hex, share}] from the palette document, in its order. */
export function swatchesOf(palette) {
  const list = palette?.swatches ?? palette?.colors ?? palette?.palette ?? [];
  return list.map((s) => ({ hex: safeHex(hexOf(s.hex ?? s.color ?? s.rgb ?? s)), share: Number(s.share ?? s.fraction ?? 0) }));
}

export function showChips(list, palette) {
  clear(list);
  for (const { hex, share } of swatchesOf(palette)) {
    const percent = `${(share * 100).toFixed(1)}%`;
    const button = el('button', { type: 'button', className: 'chip', attrs: { 'aria-label': `Copy ${hex} (${percent} of the photo)` } },
      el('span', { className: 'color', style: `background:${hex}` }),
      el('span', { className: 'label' }, el('span', { className: 'hex', textContent: hex }), el('span', { className: 'share', textContent: percent })));
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

/** Sets the image frames' shape before the images load, so the page does not jump. */
export function reserveImageSpace(frames, palette) {
  if (!palette?.width || !palette?.height) return;
  for (const frame of frames) frame.style.setProperty('--ratio', `${palette.width} / ${palette.height}`);
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
