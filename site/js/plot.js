// The interactive 3D scatter. plotly.js is large, so it is loaded only when needed (the wiring
// starts loading it as soon as a photo is chosen, while the upload runs).
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

/** Draws the figure the worker wrote (Plotly's own {data, layout}); resolves with the ms taken. */
export async function renderPlot(container, figure) {
  const Plotly = await loadPlotly();
  const start = performance.now();
  const layout = { ...figure.layout, autosize: true, margin: { l: 0, r: 0, t: 30, b: 0 } };
  if (container.clientWidth < 560) {
    // On a phone the legend would take half the plot: put it underneath instead.
    layout.legend = { ...layout.legend, orientation: 'h', x: 0, y: -0.05 };
  }
  delete layout.width;
  delete layout.height;
  await Plotly.react(container, figure.data, layout, { responsive: true, displaylogo: false });
  const ms = performance.now() - start;
  container.dataset.renderMs = ms.toFixed(0);
  return ms;
}

export function clearPlot(container) {
  if (window.Plotly) window.Plotly.purge(container);
  container.replaceChildren();
}
