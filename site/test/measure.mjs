// Measures page weight before plotly.js (and the page's own JS and CSS), "Find the palette" to the
// palette strip in view for a 1920×1080 photo on the local stack, a re-run with another k to its
// strip, and the Plotly render time of the largest scatter.
// Run with `npm run measure`; prints one JSON object.
import { join } from 'node:path';
import { startStack, launchBrowser, repoDir } from './stack.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const SAMPLE = join(repoDir, 'local/src/main/resources/samples/coffee.png');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const stack = await startStack();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const weights = [];
  page.on('response', async (response) => {
    try {
      weights.push({ url: response.url(), bytes: (await response.body()).length });
    } catch {
      /* redirects and aborted responses have no body */
    }
  });
  await page.goto(stack.url, { waitUntil: 'networkidle' });
  const pageBytes = weights.reduce((sum, w) => sum + w.bytes, 0);
  const ownBytes = weights
    .filter((w) => /\/(js\/[\w-]+\.js|styles\.css|index\.html|)$/.test(new URL(w.url).pathname))
    .reduce((sum, w) => sum + w.bytes, 0);
  const plotlyLoaded = weights.some((w) => w.url.includes('plotly'));

  // A 1920×1080 JPEG made from the sample photo by the browser's own encoder.
  await page.setInputFiles('#file', SAMPLE);
  const jpeg = await page.evaluate(async () => {
    const img = document.getElementById('preview');
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: 1920, height: 1080 });
    canvas.getContext('2d').drawImage(img, 0, 0, 1920, 1080);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  });
  const photo = { name: 'photo-1920x1080.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') };

  const results = [];
  const reruns = [];
  const renders = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await page.goto(stack.url);
    await page.setInputFiles('#file', photo);
    await page.click('#go');
    await page.waitForSelector('body[data-results-ms]', { timeout: 60_000 });
    await page.locator('#rerun-k').fill(String(3 + (i % 5)));
    await page.click('#rerun-go');
    await page.waitForSelector('body[data-rerun-ms]', { timeout: 60_000 });
    await page.locator('#plot').scrollIntoViewIfNeeded();
    await page.waitForSelector('#plot[data-render-ms]', { timeout: 60_000 });
    if (i === 0) continue; // the first run warms the JVM, as a deployed function would be
    results.push(Number(await page.getAttribute('body', 'data-results-ms')));
    reruns.push(Number(await page.getAttribute('body', 'data-rerun-ms')));
    renders.push(Number(await page.getAttribute('#plot', 'data-render-ms')));
  }
  const points = await page.evaluate(() =>
    document.getElementById('plot').data.reduce((n, trace) => n + (trace.x?.length ?? 0), 0),
  );
  // The largest scatter the engine writes (PaletteOptions.MAX_PLOT_POINTS, 80,000 points): the same
  // figure with every point repeated, drawn by the page's own renderPlot into a fresh element.
  const largest = await page.evaluate(async (points) => {
    const { renderPlot } = await import('/js/plot.js');
    const times = Math.max(1, Math.ceil(80_000 / points));
    const data = document.getElementById('plot').data.map((trace) => {
      const copy = { ...trace };
      for (const axis of ['x', 'y', 'z']) {
        if (Array.isArray(trace[axis]) && trace[axis].length > 1) copy[axis] = Array(times).fill(trace[axis]).flat();
      }
      if (Array.isArray(trace.marker?.color))
        copy.marker = { ...trace.marker, color: Array(times).fill(trace.marker.color).flat() };
      if (Array.isArray(trace.text)) copy.text = Array(times).fill(trace.text).flat();
      return copy;
    });
    const layout = document.getElementById('plot').layout;
    const div = Object.assign(document.createElement('div'), { className: 'plot' });
    document.querySelector('main').append(div);
    const ms = await renderPlot(div, { data, layout });
    return { ms: Math.round(ms), points: data.reduce((n, t) => n + (t.x?.length ?? 0), 0) };
  }, points);
  console.log(
    JSON.stringify(
      {
        pageBytesBeforePlotly: pageBytes,
        ownJsCssHtmlBytes: ownBytes,
        plotlyLoadedOnOpen: plotlyLoaded,
        photoBytes: photo.buffer.length,
        uploadToResultsMs: {
          median: median(results),
          min: Math.min(...results),
          max: Math.max(...results),
          runs: results,
        },
        rerunToStripMs: { median: median(reruns), min: Math.min(...reruns), max: Math.max(...reruns), runs: reruns },
        plotRenderMs: { median: median(renders), min: Math.min(...renders), max: Math.max(...renders), points },
        largestPlotRenderMs: largest,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await stack.stop();
}
