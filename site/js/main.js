// Wiring: connects the page's elements to the modules. Each concern lives in its own module;
// this file only decides what happens when.
import { config } from '../config.js';
import { createUpload, getJob, waitForJob, ApiError } from './api.js';
import { uploadFile } from './upload.js';
import { problemWith, megabytes } from './checks.js';
import { showChips, showImage, reserveImageSpace, wireCompare, swatchesOf } from './palette-view.js';
import { loadPlotly, renderPlot, clearPlot } from './plot.js';
import { showDownloads, downloadZip, fetchJson } from './downloads.js';
import { remember, showRecent } from './recent.js';
import { wireFilm } from './film.js';
import { applyOptions, chosenOptions } from './options.js';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('upload-form'),
  file: $('file'),
  drop: $('drop'),
  preview: $('preview'),
  dropText: $('drop-text'),
  k: $('k'),
  kValue: $('k-value'),
  limit: $('limit'),
  space: $('space'),
  go: $('go'),
  progress: $('progress'),
  status: $('status'),
  results: $('results'),
  chips: $('chips'),
  swatch: $('swatch'),
  original: $('original'),
  replaced: $('replaced'),
  compare: $('compare'),
  compareSlider: $('compare-slider'),
  plot: $('plot'),
  downloads: $('downloads'),
  zip: $('zip'),
  recent: $('recent'),
  recentEmpty: $('recent-empty'),
};
const state = { file: null, previewUrl: null, job: null, busy: false };

function setStatus(text, isError = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

function fail(error) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
  setStatus(message, true);
  ui.status.dataset.error = error?.code ?? 'unexpected';
  if (!(error instanceof ApiError)) console.error(error);
}

function choose(file) {
  const problem = problemWith(file, config.options.maxBytes.default);
  state.file = problem ? null : file;
  ui.go.disabled = Boolean(problem) || state.busy;
  delete ui.status.dataset.error;
  if (problem) {
    fail(new ApiError('bad_file', problem));
    return;
  }
  if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
  state.previewUrl = URL.createObjectURL(file);
  ui.preview.src = state.previewUrl;
  ui.preview.alt = `Preview of ${file.name}`;
  ui.preview.hidden = false;
  ui.drop.classList.add('has-preview');
  ui.dropText.textContent = 'Drop or choose another photo';
  ui.progress.value = 0;
  setStatus(`Ready: ${file.name} (${megabytes(file.size)}).`);
  loadPlotly().catch(() => {}); // warm the cache while the upload runs
}

async function run(event) {
  event.preventDefault();
  if (!state.file || state.busy) return;
  state.busy = true;
  ui.go.disabled = true;
  delete ui.status.dataset.error;
  const started = performance.now();
  const file = state.file;
  let jobId = null;
  try {
    setStatus('Uploading…');
    const created = await createUpload(file, chosenOptions(ui));
    jobId = created.jobId;
    remember({ jobId, name: file.name, status: 'uploading' });
    await uploadFile(created.upload, file, (fraction) => {
      ui.progress.value = Math.round(fraction * 100);
      setStatus(`Uploading… ${Math.round(fraction * 100)}%`);
    });
    setStatus('Uploaded. Finding the colours…');
    const job = await waitForJob(jobId, {
      onWaiting: (ms) => setStatus(`Uploaded. Finding the colours… ${(ms / 1000).toFixed(1)} s`),
    });
    await showResults(job, state.previewUrl);
    const seconds = (performance.now() - started) / 1000;
    document.body.dataset.resultsMs = String(Math.round(seconds * 1000));
    setStatus(`Done in ${seconds.toFixed(1)} s.`);
    remember({ jobId, name: file.name, status: 'done', colors: swatchesOf(job.palette).map((s) => s.hex) });
  } catch (error) {
    fail(error);
    if (jobId) remember({ jobId, name: file.name, status: 'failed' });
  } finally {
    state.busy = false;
    ui.go.disabled = !state.file;
    refreshRecent();
  }
}

async function showResults(job, originalUrl) {
  state.job = job;
  const files = job.files ?? [];
  const named = (name) => files.find((f) => f.name === name);
  ui.results.hidden = false;
  reserveImageSpace(ui.swatch.parentElement, ui.compare, job.palette);
  showChips(ui.chips, job.palette);
  showDownloads(ui.downloads, files, fail);
  ui.compareSlider.parentElement.hidden = !originalUrl;
  const images = [];
  if (named('swatch.png')) images.push(showImage(ui.swatch, named('swatch.png').url));
  if (named('replaced.png')) images.push(showImage(ui.replaced, named('replaced.png').url));
  if (originalUrl) images.push(showImage(ui.original, originalUrl));
  else ui.original.removeAttribute('src');
  ui.compareSlider.value = originalUrl ? 50 : 0;
  ui.compareSlider.dispatchEvent(new Event('input'));
  await Promise.allSettled(images);
  ui.results.dataset.jobId = job.jobId;
  drawPlot(named('scatter.json'));
}

async function drawPlot(file) {
  clearPlot(ui.plot);
  delete ui.plot.dataset.renderMs;
  if (!file) return;
  try {
    await renderPlot(ui.plot, await fetchJson(file));
  } catch (error) {
    ui.plot.textContent = error instanceof ApiError ? error.message : 'The 3D plot could not be drawn.';
  }
}

async function openRecent(entry) {
  setStatus(`Opening ${entry.name ?? entry.jobId}…`);
  delete ui.status.dataset.error;
  try {
    const job = await getJob(entry.jobId);
    const done = job.status === 'done' ? job : await waitForJob(entry.jobId);
    await showResults(done, null);
    setStatus(`Showing ${entry.name ?? entry.jobId}.`);
    ui.results.scrollIntoView({ behavior: 'smooth' });
  } catch (error) {
    fail(
      error.status === 404 ? new ApiError('gone', 'This job is no longer available; its files have expired.') : error,
    );
  }
}

function refreshRecent() {
  showRecent(ui.recent, ui.recentEmpty, openRecent);
}

function wireDrop() {
  for (const name of ['dragenter', 'dragover']) {
    ui.drop.addEventListener(name, (event) => {
      event.preventDefault();
      ui.drop.classList.add('over');
    });
  }
  for (const name of ['dragleave', 'drop']) {
    ui.drop.addEventListener(name, () => ui.drop.classList.remove('over'));
  }
  ui.drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
  });
  ui.file.addEventListener('change', () => ui.file.files.length && choose(ui.file.files[0]));
}

ui.preview.addEventListener('error', () => {
  ui.preview.hidden = true;
  ui.drop.classList.remove('has-preview');
  ui.dropText.textContent = 'No preview: the browser cannot show this file';
});
applyOptions(ui, config.options);
wireDrop();
wireCompare(ui.compareSlider, ui.compare);
ui.k.addEventListener('input', () => {
  ui.kValue.textContent = ui.k.value;
});
ui.form.addEventListener('submit', run);
ui.zip.addEventListener('click', async () => {
  if (!state.job) return;
  ui.zip.disabled = true;
  try {
    await downloadZip(state.job.files ?? [], `palette-${state.job.jobId}.zip`);
  } catch (error) {
    fail(error);
  } finally {
    ui.zip.disabled = false;
  }
});
wireFilm(
  {
    form: $('film-search'),
    query: $('film-query'),
    status: $('film-status'),
    films: $('film-list'),
    stillsBox: $('stills-box'),
    stillsTitle: $('stills-title'),
    stills: $('stills'),
    go: $('stills-go'),
    filmGo: $('film-palette-go'),
    results: $('film-results'),
  },
  {
    options: () => chosenOptions(ui),
    onShow: async (job, stillUrl) => {
      await showResults(job, stillUrl);
      ui.results.scrollIntoView({ behavior: 'smooth' });
    },
    onJob: (entry) => {
      remember(entry);
      refreshRecent();
    },
  },
);
refreshRecent();
