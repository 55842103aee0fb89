// The "Film stills" section: search film-grab.com, show a film's stills as thumbnails, pick some,
// start one job per still and show each palette as it arrives. Thumbnails load straight from
// film-grab.com (no referrer sent): the API never becomes an image proxy, and the site's own
// cache serves them.
import { searchFilms, getFilm, createFilmJobs, waitForJob, ApiError } from './api.js';
import { el, clear } from './dom.js';
import { showChips } from './palette-view.js';

const MAX_PICK = 24;

/**
 * @param ui the section's elements
 * @param hooks {options(): {k, limit, space}, onShow(job, stillUrl), onJob(entry), onError(error)}
 */
export function wireFilm(ui, hooks) {
  const state = { film: null, picked: new Set() };

  const say = (text, error = null) => {
    ui.status.textContent = text;
    ui.status.classList.toggle('error', Boolean(error));
    if (error) ui.status.dataset.error = error.code ?? 'unexpected';
    else delete ui.status.dataset.error;
  };
  const failed = (error) =>
    say(error instanceof ApiError ? error.message : 'Something went wrong. Try again.', error ?? {});

  const updateGo = () => {
    const n = state.picked.size;
    ui.go.disabled = n === 0;
    ui.filmGo.disabled = n < 2;
    ui.go.textContent =
      n === 0
        ? 'Pick stills to get their palettes'
        : `Get the palette${n === 1 ? '' : 's'} of ${n} still${n === 1 ? '' : 's'}`;
  };

  async function search(event) {
    event.preventDefault();
    const query = ui.query.value.trim();
    if (!query) return;
    clear(ui.films);
    ui.stillsBox.hidden = true;
    say(`Searching film-grab.com for “${query}”…`);
    try {
      const { films } = await searchFilms(query);
      for (const film of films) {
        const button = el('button', { type: 'button', className: 'film-choice', textContent: film.title });
        button.addEventListener('click', () => openFilm(film));
        ui.films.append(el('li', {}, button));
      }
      say(`${films.length} film${films.length === 1 ? '' : 's'} found. Choose one to see its stills.`);
    } catch (error) {
      failed(error);
    }
  }

  async function openFilm(ref) {
    say(`Opening ${ref.title}…`);
    try {
      const film = await getFilm(ref.url);
      state.film = film;
      state.picked.clear();
      ui.stillsTitle.textContent = film.year ? `${film.title} (${film.year})` : film.title;
      clear(ui.stills);
      film.stills.forEach((still, i) => ui.stills.append(stillItem(still, i)));
      ui.stillsBox.hidden = false;
      updateGo();
      say(`${film.stills.length} stills. Pick up to ${MAX_PICK}.`);
    } catch (error) {
      failed(error);
    }
  }

  function stillItem(still, i) {
    const img = el('img', {
      alt: `Still ${i + 1}`,
      loading: 'lazy',
      decoding: 'async',
      referrerPolicy: 'no-referrer',
      src: still.thumb,
    });
    img.addEventListener(
      'error',
      () => {
        if (img.src !== still.url) img.src = still.url;
      },
      { once: true },
    );
    const box = el('input', { type: 'checkbox', value: still.url, attrs: { 'aria-label': `Still ${i + 1}` } });
    box.addEventListener('change', () => {
      if (box.checked && state.picked.size >= MAX_PICK) {
        box.checked = false;
        say(`At most ${MAX_PICK} stills at once.`, { code: 'too_many' });
        return;
      }
      if (box.checked) state.picked.add(still.url);
      else state.picked.delete(still.url);
      updateGo();
    });
    return el('li', {}, el('label', { className: 'still' }, box, img));
  }

  async function start() {
    const film = state.film;
    const stills = [...state.picked];
    if (!film || stills.length === 0) return;
    ui.go.disabled = true;
    say(`Asking for ${stills.length} palette${stills.length === 1 ? '' : 's'}…`);
    try {
      const { jobs } = await createFilmJobs({ stills, film: film.title, filmUrl: film.url, ...hooks.options() });
      const waits = jobs.map((job) => follow(job, film, film.stills.findIndex((s) => s.url === job.still) + 1));
      say('Fetching the stills and finding their colours…');
      const results = await Promise.allSettled(waits);
      const done = results.filter((r) => r.status === 'fulfilled').length;
      say(
        done === jobs.length
          ? `Done: ${done} palette${done === 1 ? '' : 's'}.`
          : `${done} of ${jobs.length} palettes done; the others failed (see each one).`,
        done === jobs.length ? null : { code: 'some_failed' },
      );
    } catch (error) {
      failed(error);
    } finally {
      updateGo();
    }
  }

  async function follow(job, film, number) {
    const name = number > 0 ? `${film.title} — still ${number}` : film.title;
    const chips = el('ul', { className: 'chips small', attrs: { 'aria-label': `Colours of ${name}` } });
    const note = el('p', { className: 'hint', textContent: 'Working…' });
    const show = el('button', { type: 'button', className: 'secondary', textContent: 'Show in full', disabled: true });
    const thumb = el('img', { alt: name, referrerPolicy: 'no-referrer', src: job.still });
    const item = el(
      'li',
      { className: 'film-result', attrs: { 'data-job-id': job.jobId } },
      thumb,
      el('div', {}, el('p', { className: 'name', textContent: name }), chips, note, show),
    );
    ui.results.append(item);
    hooks.onJob({ jobId: job.jobId, name, status: 'working' });
    try {
      const result = await waitForJob(job.jobId);
      showChips(chips, result.palette);
      note.textContent = '';
      show.disabled = false;
      show.addEventListener('click', () => hooks.onShow(result, job.still));
      item.dataset.status = 'done';
      hooks.onJob({ jobId: job.jobId, name, status: 'done', colors: (result.palette?.colors ?? []).map((c) => c.hex) });
      return result;
    } catch (error) {
      note.textContent = error instanceof ApiError ? error.message : 'This still could not be processed.';
      note.classList.add('error');
      item.dataset.status = 'failed';
      hooks.onJob({ jobId: job.jobId, name, status: 'failed' });
      throw error;
    }
  }

  /** One palette for the whole film from the chosen stills, each counting the same. */
  async function startFilmPalette() {
    const film = state.film;
    const stills = [...state.picked];
    if (!film || stills.length < 2) return;
    ui.filmGo.disabled = true;
    say(`Asking for the film palette of ${stills.length} stills…`);
    try {
      const { jobs } = await createFilmJobs({
        stills,
        film: film.title,
        filmUrl: film.url,
        filmPalette: true,
        ...hooks.options(),
      });
      say('Fetching the stills (one a second) and pooling their colours…');
      await followFilm(jobs[0], film, stills.length);
      say(`Done: the film palette of ${stills.length} stills.`);
    } catch (error) {
      failed(error);
    } finally {
      updateGo();
    }
  }

  async function followFilm(job, film, count) {
    const name = `${film.title} — film palette of ${count} stills`;
    const chips = el('ul', { className: 'chips small', attrs: { 'aria-label': `Colours of ${name}` } });
    const note = el('p', { className: 'hint', textContent: 'Working…' });
    const poster = el('img', {
      alt: `Film strip of ${film.title}: each still's palette, the film palette along the bottom`,
      hidden: true,
    });
    const item = el(
      'li',
      { className: 'film-result whole', attrs: { 'data-job-id': job.jobId } },
      el('p', { className: 'name', textContent: name }),
      chips,
      note,
      poster,
    );
    ui.results.prepend(item);
    hooks.onJob({ jobId: job.jobId, name, status: 'working' });
    try {
      const result = await waitForJob(job.jobId, { timeoutMs: 300_000 });
      showChips(chips, { colors: result.palette?.film?.colors ?? [] });
      const file = (result.files ?? []).find((f) => f.name === 'poster.png');
      if (file) {
        poster.src = file.url;
        poster.hidden = false;
      }
      note.textContent = '';
      item.dataset.status = 'done';
      hooks.onJob({
        jobId: job.jobId,
        name,
        status: 'done',
        colors: (result.palette?.film?.colors ?? []).map((c) => c.hex),
      });
    } catch (error) {
      note.textContent = error instanceof ApiError ? error.message : 'The film palette could not be made.';
      note.classList.add('error');
      item.dataset.status = 'failed';
      hooks.onJob({ jobId: job.jobId, name, status: 'failed' });
      throw error;
    }
  }

  ui.form.addEventListener('submit', search);
  ui.go.addEventListener('click', start);
  ui.filmGo.addEventListener('click', startFilmPalette);
  updateGo();
}
