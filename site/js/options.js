// The job options the page offers (k, iteration limit, colour space), set up from the server's one
// options model in config.js, so the page has no bounds or defaults of its own and cannot drift
// from what the API accepts. Options the page does not offer are ignored.
import { el, clear } from './dom.js';

/** How the known colour spaces are named in the menu; any other value is shown as it is. */
const SPACE_LABELS = { rgb: 'RGB (as the original)', oklab: 'OKLab (perceptual)' };

/**
 * Sets each control's range, choices and starting value from `options` ({k, limit, space, …});
 * `chosen` (a job's own options) overrides the starting values.
 */
export function applyOptions(ui, options, chosen = {}) {
  for (const [input, option] of [
    [ui.k, options.k],
    [ui.limit, options.limit],
  ]) {
    input.min = String(option.min);
    input.max = String(option.max);
    input.value = String(option.default);
  }
  if (Number.isInteger(chosen.k)) ui.k.value = String(chosen.k);
  if (Number.isInteger(chosen.limit)) ui.limit.value = String(chosen.limit);
  ui.kValue.textContent = ui.k.value;
  clear(ui.space);
  for (const value of options.space.values) {
    ui.space.append(el('option', { value, textContent: SPACE_LABELS[value] ?? value }));
  }
  ui.space.value = options.space.values.includes(chosen.space) ? chosen.space : options.space.default;
}

/** The options as chosen, as the API takes them: {k, limit, space}. */
export function chosenOptions(ui) {
  return { k: Number(ui.k.value), limit: Number(ui.limit.value), space: ui.space.value };
}
