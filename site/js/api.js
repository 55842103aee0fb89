// Calls to the palette API: create an upload, read a job, wait for a job to finish. A throttled
// (429) or unavailable (503) answer is asked again after a backoff; see retry.js.
import { config } from '../config.js';
import { RETRYABLE, POLICY, retryAfterMs, backoffMs } from './retry.js';

/**
 * A failure with a sentence a person can act on; `code` is stable for programs and tests. A server
 * error's `requestId` (when the server sends one) lets the operator find it in the logs.
 */
export class ApiError extends Error {
  constructor(code, message, status = 0, retryAfter = null, requestId = null) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfterMs = retryAfter;
    this.requestId = requestId;
  }
}

const OFFLINE = 'Cannot reach the palette service. Check your connection and try again.';
const BUSY = 'The palette service is busy right now. Wait a minute and try again.';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One API call, asked again on 429 and 503 (and nothing else: a 500 is a bug, and asking again
 * repeats it) up to `attempts` times within the policy's budget. A failure carries the server's
 * own code and message, from the last answer when it gave up retrying: API Gateway's body
 * ({message}) and the API's ({error, message, requestId}) are both read.
 */
async function call(path, options = {}, { attempts = POLICY.attempts } = {}) {
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    const response = await send(path, options);
    const body = await response.json().catch(() => null);
    if (response.ok) return body;
    const retryable = RETRYABLE.has(response.status);
    const serverMs = retryable ? retryAfterMs(response.headers.get('retry-after')) : null;
    const wait = retryable ? backoffMs(attempt, serverMs) : 0;
    if (!retryable || attempt >= attempts || Date.now() - start + wait > POLICY.budgetMs) {
      throw errorOf(response.status, body, serverMs);
    }
    await sleep(wait);
  }
}

/** The ApiError for an answer that is not a success, in the server's words when it has some. */
function errorOf(status, body, retryAfter) {
  const retryable = RETRYABLE.has(status);
  const requestId = typeof body?.requestId === 'string' ? body.requestId : null;
  const fallback = retryable ? BUSY : `The palette service had a problem (HTTP ${status}). Try again in a moment.`;
  const said = typeof body?.message === 'string' ? body.message : fallback;
  const message = requestId && status >= 500 ? `${said} (request ${requestId})` : said;
  const code = typeof body?.error === 'string' ? body.error : retryable ? 'busy' : `http_${status}`;
  return new ApiError(code, message, status, retryAfter, requestId);
}

async function send(path, options) {
  try {
    return await fetch(config.apiBase + path, {
      ...options,
      // x-palette-client: the API acts only on calls carrying it, which another site's page
      // cannot send (a custom header needs a CORS preflight that the API never grants it).
      headers: {
        accept: 'application/json',
        'x-palette-client': 'page',
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch {
    throw new ApiError('network', OFFLINE);
  }
}

/** Asks for a presigned upload for this file and options; returns {jobId, upload, expiresAt}. */
export function createUpload(file, options) {
  const request = { filename: file.name, contentType: file.type, size: file.size, ...options };
  return call('/uploads', { method: 'POST', body: JSON.stringify(request) });
}

/** A job's state; `attempts: 1` gives up at the first 429 or 503 (waitForJob paces itself). */
export function getJob(jobId, { attempts } = {}) {
  return call(`/jobs/${encodeURIComponent(jobId)}`, {}, { attempts });
}

/**
 * Polls a job until it is done or failed: every 200 ms for the first 10 s (a palette usually
 * takes about a second, and a late poll adds straight to what the person waits), then every 1.5 s.
 * A throttled or unavailable poll is not a failure: the next waits as the server asks, or backs
 * off further each time, until the job ends or `timeoutMs` passes. Resolves with the done job;
 * rejects with an ApiError otherwise.
 */
export async function waitForJob(jobId, { onWaiting = () => {}, timeoutMs = 180_000 } = {}) {
  const start = Date.now();
  for (let busy = 0; ;) {
    let job = null;
    let pause;
    try {
      job = await getJob(jobId, { attempts: 1 });
      busy = 0;
    } catch (error) {
      if (!RETRYABLE.has(error.status)) throw error;
      busy += 1;
      pause = backoffMs(busy, error.retryAfterMs);
    }
    if (job?.status === 'done') return job;
    if (job?.status === 'failed') {
      const reason = (job.message ?? 'the file could not be processed').replace(/\.?$/, '.');
      throw new ApiError(job.error ?? 'failed', `No palette could be made from this file: ${reason}`);
    }
    const waited = Date.now() - start;
    if (waited > timeoutMs) {
      throw new ApiError('timeout', 'This is taking much longer than it should. Try again later; your upload is kept.');
    }
    onWaiting(waited);
    await sleep(pause ?? (waited < 10_000 ? 200 : 1500));
  }
}

/**
 * A new job over the photo a job already uploaded, with other options ({k, limit, space}): the
 * server copies the upload to a new job key and the worker runs it. Resolves with {jobId}.
 */
export function rerunJob(jobId, options) {
  return call(`/jobs/${encodeURIComponent(jobId)}/reruns`, { method: 'POST', body: JSON.stringify(options) });
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
