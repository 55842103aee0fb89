// When to ask the API again after "too many requests" (429) or "unavailable" (503): after the
// server's Retry-After when it sends one (the local server does; API Gateway's own 429 does not),
// otherwise after an exponential backoff with jitter, so clients throttled together do not come
// back together. Pure functions: the clock and the randomness come in as arguments.

/** Statuses worth retrying: API Gateway's throttle and the API's "storage unreachable". */
export const RETRYABLE = new Set([429, 503]);

/** At most 5 attempts and 30 s of waiting for one call; a wait doubles from 0.5 s up to 8 s. */
export const POLICY = Object.freeze({ attempts: 5, budgetMs: 30_000, baseMs: 500, capMs: 8_000 });

/**
 * Milliseconds a Retry-After header asks for: whole seconds or an HTTP date; null when absent or
 * unreadable.
 */
export function retryAfterMs(header, now = Date.now()) {
  if (header == null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = /^[A-Za-z]{3}, /.test(text) ? Date.parse(text) : Number.NaN; // "Thu, 01 Jan 2026 …"
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1 for the first): the server's Retry-After plus up to a
 * fifth more, or half of the exponential step plus a random share of the other half.
 */
export function backoffMs(retry, serverMs = null, { baseMs, capMs } = POLICY, random = Math.random) {
  if (serverMs != null) return Math.round(serverMs * (1 + 0.2 * random()));
  const step = Math.min(capMs, baseMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
