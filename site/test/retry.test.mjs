// The backoff the page uses on 429 and 503: Retry-After honoured, otherwise exponential with jitter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POLICY, RETRYABLE, retryAfterMs, backoffMs } from '../js/retry.js';

test('Retry-After in seconds or as an HTTP date; anything else is ignored', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('1', now), 1000);
  assert.equal(retryAfterMs(' 30 ', now), 30_000);
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
  assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now), 0);
  for (const header of [null, undefined, '', 'soon', '-1', '1.5'])
    assert.equal(retryAfterMs(header, now), null, header);
});

test('a server-given wait is honoured, with at most a fifth added', () => {
  assert.equal(
    backoffMs(1, 2000, POLICY, () => 0),
    2000,
  );
  assert.equal(
    backoffMs(4, 2000, POLICY, () => 1),
    2400,
  );
});

test('without one, each wait is between half and all of a step that doubles up to the cap', () => {
  const low = [1, 2, 3, 4, 5, 6].map((retry) => backoffMs(retry, null, POLICY, () => 0));
  const high = [1, 2, 3, 4, 5, 6].map((retry) => backoffMs(retry, null, POLICY, () => 1));
  assert.deepEqual(low, [250, 500, 1000, 2000, 4000, 4000]);
  assert.deepEqual(high, [500, 1000, 2000, 4000, 8000, 8000]);
});

test('jitter spreads clients throttled together', () => {
  const waits = new Set(Array.from({ length: 50 }, () => backoffMs(3, null)));
  assert.ok(waits.size > 10, `50 clients would come back at only ${waits.size} distinct times`);
});

test('every wait of a call fits the budget, and only 429 and 503 are retried', () => {
  let total = 0;
  for (let retry = 1; retry < POLICY.attempts; retry++) total += backoffMs(retry, null, POLICY, () => 1);
  assert.ok(total <= POLICY.budgetMs, `${total} ms of waiting`);
  assert.deepEqual([...RETRYABLE].sort(), [429, 503]);
});
