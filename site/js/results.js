// The results section of one job: the palette strip and colour cards first, then the images, the
// 3D plot (drawn when it scrolls into view), the share link and the downloads.
import { config } from '../config.js';
import { ApiError } from './api.js';
import { showPalette, showImage, reserveImageSpace, wireCompare, copy } from './palette-view.js';
import { createHighlighter } from './highlight.js';
import { renderPlot, clearPlot, whenVisible } from './plot.js';
import { showDownloads, downloadZip, fetchJson } from './downloads.js';
import { applyOptions } from './options.js';
import { asCss, asJson, asTailwind } from './colour.js';

const $ = (id) => document.getElementById(id);

export function createResults({ onError }) {
  const ui = {
    section: $('results'),
    meta: $('result-meta'),
    strip: $('strip'),
    colours: $('colours'),
    swatch: $('swatch'),
    original: $('original'),
    replaced: $('replaced'),
    compare: $('compare'),
    compareRow: $('compare-row'),
    compareSlider: $('compare-slider'),
    caption: $('replaced-caption'),
    plot: $('plot'),
    plotFull: $('plot-full'),
    plotOklab: $('plot-oklab'),
    downloads: $('downloads'),
    zip: $('zip'),
    share: $('share-link'),
    shareCopy: $('share-copy'),
    kept: $('kept'),
    rerun: {
      form: $('rerun-form'),
      k: $('rerun-k'),
      kValue: $('rerun-k-value'),
      limit: $('rerun-limit'),
      space: $('rerun-space'),
      go: $('rerun-go'),
      status: $('rerun-status'),
    },
  };
  const highlighter = createHighlighter(ui.replaced, $('highlight'));
  const state = { job: null, colours: [], figure: null, view: { full: false, space: 'rgb' }, stopWatching: null };

  wireCompare(ui.compareSlider, ui.compare);
  ui.rerun.k.addEventListener('input', () => {
    ui.rerun.kValue.textContent = ui.rerun.k.value;
  });
  const copyAll = (format, name) => () => state.colours.length && copy(format(state.colours), `the palette as ${name}`);
  $('copy-css').addEventListener('click', copyAll(asCss, 'CSS variables'));
  $('copy-json').addEventListener('click', copyAll(asJson, 'JSON'));
  $('copy-tailwind').addEventListener('click', copyAll(asTailwind, 'a Tailwind object'));
  ui.shareCopy.addEventListener('click', () => copy(ui.share.href, 'the link'));
  ui.zip.addEventListener('click', async () => {
    if (!state.job) return;
    ui.zip.disabled = true;
    try {
      await downloadZip(state.job.files ?? [], `palette-${state.job.jobId}.zip`);
    } catch (error) {
      onError(error);
    } finally {
      ui.zip.disabled = false;
    }
  });
  for (const [button, key, on] of [
    [ui.plotFull, 'full', true],
    [ui.plotOklab, 'space', 'oklab'],
  ]) {
    button.addEventListener('click', () => {
      const pressed = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(pressed));
      state.view[key] = pressed ? on : key === 'full' ? false : 'rgb';
      if (state.figure) draw();
    });
  }

  async function draw() {
    try {
      await renderPlot(ui.plot, state.figure, state.view);
      ui.plot.dataset.view = `${state.view.space}${state.view.full ? '-full' : ''}`;
    } catch (error) {
      ui.plot.textContent = error instanceof ApiError ? error.message : 'The 3D plot could not be drawn.';
    }
  }

  function plotWhenVisible(file) {
    state.stopWatching?.();
    state.figure = null;
    clearPlot(ui.plot);
    delete ui.plot.dataset.renderMs;
    if (!file) return;
    const jobId = state.job.jobId;
    state.stopWatching = whenVisible(ui.plot, async () => {
      try {
        const figure = await fetchJson(file);
        if (state.job?.jobId !== jobId) return;
        state.figure = figure;
        await draw();
      } catch (error) {
        ui.plot.textContent = error instanceof ApiError ? error.message : 'The 3D plot could not be drawn.';
      }
    });
  }

  /**
   * Shows a done job. The strip and the colours are shown at once (and scrolled to); the images
   * and the plot follow. Resolves when the images are decoded.
   */
  function show(job, originalUrl) {
    state.job = job;
    const palette = job.palette ?? {};
    const files = job.files ?? [];
    const named = (name) => files.find((f) => f.name === name);
    ui.section.hidden = false;
    highlighter.reset();
    state.colours = showPalette(ui.strip, ui.colours, palette, {
      onFocus: (hex) => highlighter.show(hex),
      onBlur: () => highlighter.hide(),
    });
    const { width, height } = palette.image ?? {};
    const options = palette.options ?? {};
    ui.meta.textContent = [
      `${state.colours.length} colour${state.colours.length === 1 ? '' : 's'}`,
      width && height ? `${width}×${height}` : null,
      options.space ? `${options.space === 'oklab' ? 'OKLab' : 'RGB'} k-means` : null,
      palette.run?.iterations ? `${palette.run.iterations} iterations` : null,
      palette.source?.file ?? palette.source?.film ?? null,
    ]
      .filter(Boolean)
      .join(' · ');
    ui.section.dataset.jobId = job.jobId;
    ui.section.dataset.space = options.space ?? 'rgb';

    const film = Boolean(palette.source?.still || palette.source?.stills);
    ui.rerun.form.hidden = film;
    applyOptions(ui.rerun, config.options, options);
    ui.rerun.status.textContent = '';
    ui.share.href = `#job=${job.jobId}`;
    ui.kept.textContent = job.keptForDays
      ? `Anyone with the link sees this palette; it is kept for ${job.keptForDays} days after the upload.`
      : 'Anyone with the link sees this palette while its files are kept.';

    state.view = { full: false, space: 'rgb' };
    ui.plotFull.setAttribute('aria-pressed', 'false');
    ui.plotOklab.setAttribute('aria-pressed', 'false');
    ui.plotOklab.hidden = options.space !== 'oklab';
    showDownloads(ui.downloads, files, onError);

    reserveImageSpace(ui.swatch.parentElement, ui.compare, palette);
    ui.compareRow.hidden = !originalUrl;
    ui.caption.hidden = Boolean(originalUrl);
    const images = [];
    if (named('swatch.png')) images.push(showImage(ui.swatch, named('swatch.png').url));
    if (named('replaced.png')) images.push(showImage(ui.replaced, named('replaced.png').url));
    if (originalUrl) images.push(showImage(ui.original, originalUrl));
    else ui.original.removeAttribute('src');
    ui.compareSlider.value = originalUrl ? 50 : 0;
    ui.compareSlider.dispatchEvent(new Event('input'));
    plotWhenVisible(named('scatter.json'));
    return Promise.allSettled(images);
  }

  return {
    show,
    job: () => state.job,
    strip: ui.strip,
    rerun: ui.rerun,
  };
}
