// Calls to the palette API: create an upload, read a job, wait for a job to finish.
import { config } from '../config.js';

/** A failure with a sentence a person can act on; `code` is stable for programs and tests. */
export class ApiError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

const OFFLINE = 'Cannot reach the palette service. Check your connection and try again.';

async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(config.apiBase + path, {
      ...options,
      headers: { accept: 'application/json', ...(options.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiError('network', OFFLINE);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message
      : `The palette service had a problem (HTTP ${response.status}). Try again in a moment.`;
    throw new ApiError(body?.error ?? `http_${response.status}`, message, response.status);
  }
  return body;
}

/** Asks for a presigned upload for this file and options; returns {jobId, upload, expiresAt}. */
export function createUpload(file, options) {
  const request = { filename: file.name, contentType: file.type, size: file.size, ...options };
  return call('/uploads', { method: 'POST', body: JSON.stringify(request) });
}

export function getJob(jobId) {
  return call(`/jobs/${encodeURIComponent(jobId)}`);
}

/**
 * Polls a job until it is done or failed: every 200 ms for the first 10 s (a palette usually
 * takes about a second, and a late poll adds straight to what the person waits), then every 1.5 s.
 * Resolves with the done job; rejects with an ApiError otherwise.
 */
export async function waitForJob(jobId, { onWaiting = () => {}, timeoutMs = 180_000 } = {}) {
  const start = Date.now();
  for (;;) {
    const job = await getJob(jobId);
    if (job.status === 'done') return job;
    if (job.status === 'failed') {
      const reason = (job.message ?? 'the file could not be processed').replace(/\.?$/, '.');
      throw new ApiError(job.error ?? 'failed', `No palette could be made from this file: ${reason}`);
    }
    const waited = Date.now() - start;
    if (waited > timeoutMs) {
      throw new ApiError('timeout', 'This is taking much longer than it should. Try again later; your upload is kept.');
    }
    onWaiting(waited);
    await new Promise((resolve) => setTimeout(resolve, waited < 10_000 ? 200 : 1500));
  }
}

/** Films on film-grab.com matching a title: {films: [{title, url}]}; a 404 ApiError if none. */
export function searchFilms(query) {
  return call(`/filmgrab/search?q=${encodeURIComponent(query)}`);
}

/** A film page: {title, year, url, stills: [{url, thumb}]}. */
export function getFilm(url) {
  return call(`/filmgrab/film?url=${encodeURIComponent(url)}`);
}

/** One job per still: {jobs: [{jobId, still}]}; the worker fetches each still itself. */
export function createFilmJobs(request) {
  return call('/filmgrab/jobs', { method: 'POST', body: JSON.stringify(request) });
}
