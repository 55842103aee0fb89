// The command line's scatter page (`palette run` writes photo_scatter.html and plotly-gl3d.min.js),
// opened from disk in headless Chromium: the site's gl3d bundle draws every trace of the figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, repoDir, siteDir } from './stack.mjs';

const SAMPLE = join(repoDir, 'local/src/main/resources/samples/coffee.png');
let out;
let browser;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'palette-scatter-'));
  const run = spawnSync(join(repoDir, 'palette'), ['run', SAMPLE, '-o', out], { cwd: repoDir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

test('the written bundle is the one the site loads', () => {
  const written = readFileSync(join(out, 'plotly-gl3d.min.js'));
  assert.ok(written.equals(readFileSync(join(siteDir, 'node_modules/plotly.js-gl3d-dist-min/plotly-gl3d.min.js'))));
});

test('the scatter page draws every trace of its figure in WebGL', async () => {
  const { page, errors } = await open(join(out, 'coffee_scatter.html'));
  await page.waitForSelector('#plot .gl-container canvas');
  const drawn = await page.evaluate(() => {
    const plot = document.getElementById('plot');
    const figure = JSON.parse(document.getElementById('figure').textContent);
    return {
      types: [...new Set(figure.data.map((trace) => trace.type))],
      traces: figure.data.length,
      // An unknown trace type gets no module and is hidden: the bundle lacks what it needs.
      shown: plot._fullData.filter((trace) => trace._module && trace.visible === true).length,
      scene: Boolean(plot._fullLayout.scene?._scene),
      webgl: Boolean(document.querySelector('#plot .gl-container canvas').getContext('webgl')),
    };
  });
  assert.deepEqual(drawn.types, ['scatter3d']);
  assert.equal(drawn.shown, drawn.traces);
  assert.ok(drawn.scene, 'no 3D scene');
  assert.ok(drawn.webgl, 'no WebGL context');
  const image = await page.evaluate(() => window.Plotly.toImage('plot', { format: 'png', width: 400, height: 400 }));
  const colours = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, image);
  assert.ok(colours > 50, `the plot is blank (${colours} colours)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without the bundle the page names the file to put next to it', async () => {
  rmSync(join(out, 'plotly-gl3d.min.js'));
  const { page } = await open(join(out, 'coffee_scatter.html'));
  assert.equal(
    await page.textContent('#plot'),
    'Plotly could not be loaded: put plotly-gl3d.min.js next to this page.',
  );
  await page.close();
});
