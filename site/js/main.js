// Wiring: connects the page's elements to the modules. Each concern lives in its own module;
// this file only decides what happens when.
//
// Status is what the server can know: the upload's own percentage, then the job as `GET /jobs/{id}`
// reports it. The API sees only the buckets, so a job is "pending" (its upload is there, no result
// yet: queued or being processed, the API cannot tell which), then done or failed with the
// worker's own message.
import { config } from '../config.js';
import { createUpload, getJob, waitForJob, rerunJob, ApiError } from './api.js';
import { uploadFile } from './upload.js';
import { problemWith, megabytes } from './checks.js';
import { swatchesOf } from './palette-view.js';
import { remember, showRecent } from './recent.js';
import { wireFilm } from './film.js';
import { applyOptions, chosenOptions } from './options.js';
import { createResults } from './results.js';

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
  recent: $('recent'),
  recentEmpty: $('recent-empty'),
  views: { photo: $('view-photo'), film: $('view-film') },
  tabs: { photo: $('tab-photo'), film: $('tab-film') },
};
const state = { file: null, previewUrl: null, busy: false, originals: new Map() };
const JOB_HASH = /^#job=([a-z2-7]{26})$/;

function setStatus(text, { error = false, stage } = {}, target = ui.status) {
  target.textContent = text;
  target.classList.toggle('error', error);
  if (stage) target.dataset.stage = stage;
}

function fail(error, target = ui.status) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
  setStatus(message, { error: true, stage: 'failed' }, target);
  target.dataset.error = error?.code ?? 'unexpected';
  if (!(error instanceof ApiError)) console.error(error);
}

const results = createResults({ onError: (error) => fail(error) });

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
  setStatus(`Ready: ${file.name} (${megabytes(file.size)}).`, { stage: 'ready' });
}

/** "Pending 0.4 s": the job's state as the API reports it, with the time waited. */
const pending = (ms) => `Uploaded. Pending: queued or being processed… ${(ms / 1000).toFixed(1)} s`;

/** Shows a done job, puts its id in the address and records the time from `started`. */
function present(job, originalUrl, started, name) {
  if (originalUrl) state.originals.set(job.jobId, originalUrl);
  const images = results.show(job, originalUrl);
  history.replaceState(null, '', `#job=${job.jobId}`);
  ui.tabs.photo.href = `#job=${job.jobId}`;
  showView('photo');
  results.strip.scrollIntoView({ block: 'start' });
  const ms = Math.round(performance.now() - started);
  remember({ jobId: job.jobId, name, status: 'done', colors: swatchesOf(job.palette).map((s) => s.hex) });
  refreshRecent();
  return { ms, images };
}

async function run(event) {
  event.preventDefault();
  if (!state.file || state.busy) return;
  state.busy = true;
  ui.go.disabled = true;
  delete ui.status.dataset.error;
  delete document.body.dataset.resultsMs;
  const started = performance.now();
  const file = state.file;
  let jobId = null;
  try {
    setStatus('Uploading… 0%', { stage: 'uploading' });
    const created = await createUpload(file, chosenOptions(ui));
    jobId = created.jobId;
    remember({ jobId, name: file.name, status: 'uploading' });
    await uploadFile(created.upload, file, (fraction) => {
      ui.progress.value = Math.round(fraction * 100);
      setStatus(`Uploading… ${Math.round(fraction * 100)}%`, { stage: 'uploading' });
    });
    setStatus(pending(0), { stage: 'pending' });
    ui.progress.removeAttribute('value'); // indeterminate: the server reports no percentage
    const job = await waitForJob(jobId, { onWaiting: (ms) => setStatus(pending(ms), { stage: 'pending' }) });
    const { ms } = present(job, state.previewUrl, started, file.name);
    document.body.dataset.resultsMs = String(ms);
    ui.progress.value = 100;
    setStatus(`Done in ${(ms / 1000).toFixed(1)} s.`, { stage: 'done' });
  } catch (error) {
    ui.progress.value = 0;
    fail(error);
    if (jobId) remember({ jobId, name: file.name, status: 'failed' });
  } finally {
    state.busy = false;
    ui.go.disabled = !state.file;
    refreshRecent();
  }
}

async function rerun(event) {
  event.preventDefault();
  const source = results.job();
  const r = results.rerun;
  if (!source || r.go.disabled) return;
  r.go.disabled = true;
  delete r.status.dataset.error;
  delete document.body.dataset.rerunMs;
  const started = performance.now();
  const options = chosenOptions(r);
  try {
    setStatus(`Re-running with k = ${options.k}…`, { stage: 'pending' }, r.status);
    const { jobId } = await rerunJob(source.jobId, options);
    const job = await waitForJob(jobId, {
      onWaiting: (ms) => setStatus(pending(ms).replace('Uploaded. ', ''), { stage: 'pending' }, r.status),
    });
    const name = `${source.palette?.source?.file ?? 'photo'} (k = ${options.k})`;
    const { ms } = present(job, state.originals.get(source.jobId) ?? null, started, name);
    document.body.dataset.rerunMs = String(ms);
    setStatus(`Re-run done in ${(ms / 1000).toFixed(1)} s.`, { stage: 'done' }, results.rerun.status);
  } catch (error) {
    fail(error, r.status);
  } finally {
    r.go.disabled = false;
  }
}

/** Opens a job by id (a shared link, a recent entry), waiting if it is still pending. */
async function openJob(jobId, name) {
  const started = performance.now();
  setStatus(`Opening ${name ?? jobId}…`, { stage: 'pending' });
  delete ui.status.dataset.error;
  try {
    const job = await getJob(jobId);
    const done = job.status === 'done' ? job : await waitForJob(jobId);
    present(done, state.originals.get(jobId) ?? null, started, name ?? done.palette?.source?.file ?? jobId);
    setStatus(`Showing ${name ?? done.palette?.source?.file ?? jobId}.`, { stage: 'done' });
  } catch (error) {
    fail(
      error.status === 404
        ? new ApiError('gone', 'This palette is no longer available: its files have expired or never existed.')
        : error,
    );
  }
}

function showView(name) {
  for (const [view, element] of Object.entries(ui.views)) element.hidden = view !== name;
  for (const [view, tab] of Object.entries(ui.tabs)) {
    if (view === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.title = name === 'film' ? 'Film stills — Palette' : 'Palette — colours of a photo';
}

function route() {
  const hash = location.hash;
  if (hash === '#film') return showView('film');
  showView('photo');
  const match = hash.match(JOB_HASH);
  if (match && match[1] !== results.job()?.jobId) openJob(match[1]);
}

function refreshRecent() {
  showRecent(ui.recent, ui.recentEmpty, (entry) => {
    if (location.hash === `#job=${entry.jobId}`) openJob(entry.jobId, entry.name);
    else location.hash = `job=${entry.jobId}`;
  });
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
ui.k.addEventListener('input', () => {
  ui.kValue.textContent = ui.k.value;
});
ui.form.addEventListener('submit', run);
results.rerun.form.addEventListener('submit', rerun);
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
    onShow: (job, stillUrl) => present(job, stillUrl, performance.now(), job.palette?.source?.film ?? job.jobId),
    onJob: (entry) => {
      remember(entry);
      refreshRecent();
    },
  },
);
window.addEventListener('hashchange', route);
refreshRecent();
route();
