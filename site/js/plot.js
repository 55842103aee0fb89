// The interactive 3D scatter. plotly.js is large, so it is loaded only when the plot scrolls into
// view (the palette shows first). The worker's figure is drawn with the page's own reading of it:
// axes fitted to the pixels (or the full cube), no legend (the palette strip is the key), the
// centroids as outlined diamonds, the colour's hex on hover, and OKLab axes for an OKLab job.
import { oklabOf } from './colour.js';

let loading = null;

export function loadPlotly() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL('../vendor/plotly-gl3d.min.js', import.meta.url).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        loading = null;
        reject(new Error('The 3D plot library could not be loaded.'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

/** Runs `callback` once, the first time `element` comes within 200 px of the viewport. */
export function whenVisible(element, callback) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin: '200px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

const AXES = {
  rgb: {
    titles: ['R', 'G', 'B'],
    full: [
      [0, 255],
      [0, 255],
      [0, 255],
    ],
    pad: 6,
    digits: 0,
  },
  oklab: {
    titles: ['L', 'a', 'b'],
    full: [
      [0, 1],
      [-0.4, 0.4],
      [-0.4, 0.4],
    ],
    pad: 0.02,
    digits: 3,
  },
};

/** The trace's points in the chosen space: [[x…], [y…], [z…]]. */
function coordinates(trace, space) {
  if (space === 'rgb') return [trace.x, trace.y, trace.z];
  const out = [[], [], []];
  for (let i = 0; i < trace.x.length; i++) {
    const lab = oklabOf([trace.x[i], trace.y[i], trace.z[i]]);
    for (let a = 0; a < 3; a++) out[a].push(lab[a]);
  }
  return out;
}

/** The share of points an axis may leave out at each end: a few stray pixels must not set the scale. */
const TAIL = 0.005;

/**
 * The range of each axis: the middle 99% of the pixels along it, padded, widened to hold every
 * centroid, within the full cube; or the full cube.
 */
function ranges(points, centroids, axes, full) {
  if (full) return axes.full;
  return [0, 1, 2].map((a) => {
    const values = Float64Array.from(points.flatMap((t) => Array.from(t[a]))).sort();
    if (!values.length) return axes.full[a];
    let lo = values[Math.floor(TAIL * (values.length - 1))];
    let hi = values[Math.ceil((1 - TAIL) * (values.length - 1))];
    for (const v of centroids?.[a] ?? []) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [Math.max(axes.full[a][0], lo - axes.pad), Math.min(axes.full[a][1], hi + axes.pad)];
  });
}

/** {data, layout} to draw: the worker's figure re-read for `space` ('rgb' | 'oklab') and `full`. */
export function prepareFigure(figure, { space = 'rgb', full = false } = {}) {
  const axes = AXES[space];
  const points = figure.data.filter((t) => Array.isArray(t.x));
  const coords = points.map((t) => coordinates(t, space));
  const [tx, ty, tz] = axes.titles;
  const d = axes.digits;
  const where = `${tx} %{x:.${d}f} · ${ty} %{y:.${d}f} · ${tz} %{z:.${d}f}`;
  const data = points.map((trace, i) => {
    const centroids = trace.name === 'centroids';
    const hex = typeof trace.marker?.color === 'string' ? trace.marker.color : null;
    const [x, y, z] = coords[i];
    return {
      ...trace,
      x,
      y,
      z,
      showlegend: false,
      hoverinfo: undefined,
      hovertemplate: centroids
        ? `<b>%{text}</b><br>${where}<extra>palette colour</extra>`
        : `<b>${hex}</b><br>${where}<extra></extra>`,
      marker: centroids
        ? { ...trace.marker, symbol: 'diamond', size: 9, line: { color: '#111111', width: 3 } }
        : trace.marker,
    };
  });
  const scene = { ...figure.layout.scene, aspectmode: 'cube' };
  const centroidIndex = points.findIndex((t) => t.name === 'centroids');
  const pixelCoords = coords.filter((_, i) => i !== centroidIndex);
  ranges(pixelCoords, coords[centroidIndex], axes, full).forEach((range, a) => {
    const name = ['xaxis', 'yaxis', 'zaxis'][a];
    scene[name] = { ...scene[name], range, title: { text: axes.titles[a] } };
  });
  const layout = {
    ...figure.layout,
    scene,
    showlegend: false,
    autosize: true,
    margin: { l: 0, r: 0, t: 0, b: 0 },
  };
  delete layout.width;
  delete layout.height;
  return { data, layout };
}

/** Draws the figure; resolves with the ms taken. */
export async function renderPlot(container, figure, view = {}) {
  const Plotly = await loadPlotly();
  const start = performance.now();
  const { data, layout } = prepareFigure(figure, view);
  await Plotly.react(container, data, layout, { responsive: true, displaylogo: false });
  const ms = performance.now() - start;
  container.dataset.renderMs = ms.toFixed(0);
  return ms;
}

export function clearPlot(container) {
  if (window.Plotly) window.Plotly.purge(container);
  container.replaceChildren();
}
