// Shows where one palette colour is in the photo: the repainted PNG is indexed with exactly the
// palette's colours, so its pixels are compared for equality. It is drawn once into a canvas
// (nearest-neighbour, so downscaling keeps the colours exact) and every other colour is dimmed.
import { rgbOf } from './colour.js';

const MAX_SIDE = 800;

export function createHighlighter(img, canvas) {
  let base = null;

  function prepare() {
    if (base) return base;
    if (!img.complete || !img.naturalWidth) return null;
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    try {
      base = context.getImageData(0, 0, canvas.width, canvas.height);
    } catch {
      return null; // a tainted canvas (no CORS headers): no highlight, nothing else breaks
    }
    return base;
  }

  return {
    /** Forgets the image (a new job). */
    reset() {
      base = null;
      this.hide();
    },
    /** Dims every pixel that is not `hex`; records the share of matching pixels for tests. */
    show(hex) {
      const source = prepare();
      if (!source) return;
      const [r, g, b] = rgbOf(hex);
      const out = new ImageData(source.width, source.height);
      const from = source.data;
      const to = out.data;
      let matching = 0;
      let opaque = 0;
      for (let i = 0; i < from.length; i += 4) {
        if (from[i + 3] === 0) continue;
        opaque++;
        if (from[i] === r && from[i + 1] === g && from[i + 2] === b) {
          matching++;
          to[i] = r;
          to[i + 1] = g;
          to[i + 2] = b;
        } else {
          const grey = 200 + (from[i] + from[i + 1] + from[i + 2]) / 15;
          to[i] = grey;
          to[i + 1] = grey;
          to[i + 2] = grey;
        }
        to[i + 3] = 255;
      }
      canvas.getContext('2d').putImageData(out, 0, 0);
      canvas.dataset.hex = hex;
      canvas.dataset.share = opaque ? (matching / opaque).toFixed(4) : '0';
      canvas.hidden = false;
    },
    hide() {
      canvas.hidden = true;
      delete canvas.dataset.hex;
      delete canvas.dataset.share;
    },
  };
}
