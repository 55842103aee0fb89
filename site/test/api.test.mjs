// The page's API calls against a fake fetch: which answers are asked again, and which words reach
// the person. The Retry-After of 0 keeps the retries instant.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

register('./config-hook.mjs', import.meta.url);
const { searchFilms, waitForJob, ApiError } = await import('../js/api.js');

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers the calls with `replies` in turn ([status, body]); returns the URLs asked for. */
function fakeFetch(...replies) {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(url);
    const [status, body] = replies[Math.min(asked.length, replies.length) - 1];
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'retry-after': '0' } });
  };
  return asked;
}

const unreachable = (n) => ({ error: 'filmgrab_unreachable', message: `film-grab.com did not answer (${n}).` });

test('a 500 is asked once and shown with its request id', async () => {
  const asked = fakeFetch([500, { error: 'internal', message: 'Something broke on our side.', requestId: 'req-42' }]);
  const error = await searchFilms('Alien').catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(asked.length, 1);
  assert.equal(asked[0], 'http://api.test/filmgrab/search?q=Alien');
  assert.equal(error.code, 'internal');
  assert.equal(error.message, 'Something broke on our side. (request req-42)');
  assert.equal(error.requestId, 'req-42');
});

test('a 500 without a readable body still says what happened', async () => {
  fakeFetch([500, '<html>oops</html>']);
  const error = await searchFilms('Alien').catch((e) => e);
  assert.equal(error.code, 'http_500');
  assert.match(error.message, /HTTP 500/);
});

test("a 503 is asked again, and after the last attempt the server's last words are shown", async () => {
  const asked = fakeFetch(...[1, 2, 3, 4, 5, 6].map((n) => [503, unreachable(n)]));
  const error = await searchFilms('Alien').catch((e) => e);
  assert.equal(asked.length, 5);
  assert.equal(error.code, 'filmgrab_unreachable');
  assert.equal(error.message, 'film-grab.com did not answer (5).');
  assert.equal(error.status, 503);
});

test('a 429 is asked again until it succeeds', async () => {
  const asked = fakeFetch([429, { message: 'Too Many Requests' }], [200, { films: [] }]);
  assert.deepEqual(await searchFilms('Alien'), { films: [] });
  assert.equal(asked.length, 2);
});

test('a 429 without a message gives up with the busy sentence', async () => {
  fakeFetch([429, '']);
  const error = await searchFilms('Alien').catch((e) => e);
  assert.equal(error.code, 'busy');
  assert.match(error.message, /busy/);
});

test('other refusals are shown as the server words them, without asking again', async () => {
  const asked = fakeFetch([404, { error: 'film_not_found', message: 'No film matches "x".', requestId: 'r1' }]);
  const error = await searchFilms('x').catch((e) => e);
  assert.equal(asked.length, 1);
  assert.equal(error.code, 'film_not_found');
  assert.equal(error.message, 'No film matches "x".');
});

test('waiting for a job keeps polling through 503s, and stops at a 500', async () => {
  const done = { jobId: 'j', status: 'done', palette: { colors: [] } };
  fakeFetch([503, unreachable(1)], [503, unreachable(2)], [200, { jobId: 'j', status: 'working' }], [200, done]);
  assert.deepEqual(await waitForJob('j'), done);

  const asked = fakeFetch([500, { error: 'internal', message: 'Bug.', requestId: 'req-7' }]);
  const error = await waitForJob('j').catch((e) => e);
  assert.equal(asked.length, 1);
  assert.equal(error.message, 'Bug. (request req-7)');
});
