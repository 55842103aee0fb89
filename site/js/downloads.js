// Download links for every output and one zip of everything. The files come from presigned,
// cross-origin URLs, where the `download` attribute is ignored, so each file is fetched into a
// blob first and saved from there. (The result images are loaded with crossorigin="anonymous",
// so the browser's cached copies carry the CORS headers these fetches need.)
import { el, clear } from './dom.js';
import { ApiError } from './api.js';

async function fetchBytes(file) {
  let response;
  try {
    response = await fetch(file.url);
  } catch {
    throw new ApiError('network', `Could not download ${file.name}. Check your connection and try again.`);
  }
  if (!response.ok) {
    throw new ApiError(
      'expired',
      `Could not download ${file.name} (HTTP ${response.status}); reload the job to get fresh links.`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

export async function fetchJson(file) {
  return JSON.parse(new TextDecoder().decode(await fetchBytes(file)));
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function showDownloads(list, files, onError) {
  clear(list);
  for (const file of files) {
    const link = el('a', { href: file.url, textContent: file.name, attrs: { download: file.name } });
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      try {
        save(new Blob([await fetchBytes(file)]), file.name);
      } catch (error) {
        onError(error);
      }
    });
    list.append(el('li', {}, link));
  }
}

/** Zips every file (stored, not compressed: PNGs are compressed already) and saves it. */
export async function downloadZip(files, name) {
  const { zipSync } = await import('../vendor/fflate.js');
  const entries = {};
  const contents = await Promise.all(files.map(fetchBytes));
  files.forEach((file, i) => {
    entries[file.name] = [contents[i], { level: 0 }];
  });
  save(new Blob([zipSync(entries)], { type: 'application/zip' }), name);
}
