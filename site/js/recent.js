// Recent jobs, kept in this browser's local storage so a reload does not lose them.
import { el, clear } from './dom.js';

const KEY = 'palette.recent';
const MAX = 12;

export function loadRecent() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((job) => typeof job?.jobId === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds or updates a job ({jobId, name, status, colors}) at the top of the list. */
export function remember(job) {
  const list = loadRecent().filter((j) => j.jobId !== job.jobId);
  const previous = loadRecent().find((j) => j.jobId === job.jobId) ?? { createdAt: Date.now() };
  list.unshift({ ...previous, ...job });
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Storage full or disabled: the list is a convenience, the job itself is not affected.
  }
}

export function showRecent(list, empty, onOpen) {
  clear(list);
  const jobs = loadRecent();
  empty.hidden = jobs.length > 0;
  for (const job of jobs) {
    const when = new Date(job.createdAt).toLocaleString();
    const dots = el(
      'span',
      { className: 'dots', attrs: { 'aria-hidden': 'true' } },
      ...(job.colors ?? []).slice(0, 8).map((hex) =>
        el('span', {
          style: `display:inline-block;width:12px;height:12px;background:${hex};margin-right:2px;border-radius:2px`,
        }),
      ),
    );
    const button = el(
      'button',
      { type: 'button' },
      el('span', {}, el('span', { textContent: `${job.name ?? job.jobId} — ${job.status ?? ''} ` }), dots),
      el('span', { className: 'when', textContent: when }),
    );
    button.addEventListener('click', () => onOpen(job));
    list.append(el('li', {}, button));
  }
}
