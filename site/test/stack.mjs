// Starts `./palette serve` on free ports with a throw-away data folder and a headless Chromium
// (the Debian package; no browser is ever downloaded), for the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = join(siteDir, '..');
export const outputDir = join(siteDir, 'test-output');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Runs the project's local stand-in for film-grab.com (the Java tests' FakeFilmGrab, serving the
 * hand-written HTML fixtures and generated stills on 127.0.0.1); resolves with {baseUrl, stop()}.
 */
export async function startFakeFilmGrab() {
  const classes = join(repoDir, 'functions/filmgrab/target');
  if (!existsSync(join(classes, 'test-classes/palette/filmgrab/FakeFilmGrab.class'))) {
    const built = spawnSync('mvn', ['-B', '-q', '-pl', 'functions/filmgrab', 'test-compile'], {
      cwd: repoDir,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('could not compile the fake film-grab site');
  }
  const classpath = [join(classes, 'test-classes'), join(classes, 'classes')].join(':');
  const child = spawn('java', ['-cp', classpath, 'palette.filmgrab.FakeFilmGrab'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`the fake film-grab site exited with ${code}`)));
  });
  return { baseUrl, stop: () => child.kill('SIGTERM') };
}

/**
 * Runs the whole local stack; resolves with {url, stop()} once it prints its URL. With
 * `filmGrabBase`, the worker and the API use that site instead of film-grab.com; `args` are more
 * options for `palette serve` (for example a tighter API throttle).
 */
export async function startStack({ filmGrabBase, args = [] } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'palette-e2e-'));
  const [port, s3Port] = [await freePort(), await freePort()];
  const child = spawn(
    join(repoDir, 'palette'),
    ['serve', '--web-port', String(port), '--port', String(s3Port), '--data', data, ...args],
    {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: filmGrabBase ? { ...process.env, PALETTE_FILMGRAB_BASE_URL: filmGrabBase } : process.env,
    },
  );
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`palette serve printed no URL in 240 s:\n${log}`)), 240_000);
    const read = (chunk) => {
      log += chunk;
      const match = log.match(/http:\/\/127\.0\.0\.1:\d+\/(?=\s)/);
      if (match && log.includes(`:${port}/`)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`palette serve exited with ${code}:\n${log}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // what Ctrl-C does; SIGINT is ignored by background jobs
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000); // the JVM may be writing its class-data archive
      await exited;
      clearTimeout(timer);
    }
    rmSync(data, { recursive: true, force: true });
  };
  return { url, stop, log: () => log };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}
