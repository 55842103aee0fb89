// Copies the browser builds of the npm dependencies into vendor/ (git-ignored), so the site is
// plain static files that any host can serve, with no CDN. Run by `npm run build` and `npm test`.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = [
  ['node_modules/plotly.js-gl3d-dist-min/plotly-gl3d.min.js', 'vendor/plotly-gl3d.min.js'],
  ['node_modules/fflate/esm/browser.js', 'vendor/fflate.js'],
];

mkdirSync(join(site, 'vendor'), { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(site, from), join(site, to));
  console.log(`vendor: ${to} (${Math.round(statSync(join(site, to)).size / 1024)} KB)`);
}
