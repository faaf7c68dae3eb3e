import { el } from './dom.js';
import { pick, t } from './i18n.js';
import { citation } from './citation.js';

/** The quoted passage a history entry rests on: its own, or the project's source at its file and line. */
function quoteOf(entry, sources) {
  if (entry.quote) return { quote: entry.quote, title: entry.title, file: entry.file, line: entry.line };
  const s = (sources || []).find((x) => x.file === entry.file && String(x.line) === String(entry.line));
  return s ? { ...s, title: s.title ?? entry.title } : null;
}

/**
 * A project's status history as a list of stages, each with the sentence of the source that
 * states it and where that sentence is: a planner sees why the map says 开工 or 投产.
 */
export function statusHistorySection(history, sources) {
  if (!Array.isArray(history) || !history.length) return null;
  const list = el('ol', { class: 'status-history' });
  for (const h of history) {
    const when = h.date ?? h.year ?? '';
    const q = quoteOf(h, sources);
    const stage = el('li', { class: 'stage', 'data-year': h.year ?? '' },
      el('div', { class: 'stage-head' }, el('span', { class: 'stage-when', text: String(when) }),
        el('span', { class: 'stage-status', text: pick(h, 'status') || '' })));
    if (q) {
      stage.append(el('blockquote', { class: 'stage-quote', text: q.quote || '' }),
        el('div', { class: 'source-ref', text: citation(q) }));
    } else {
      stage.append(el('div', { class: 'stage-unsourced', text: t('identify.stageUnsourced') }));
    }
    list.append(stage);
  }
  return el('section', { class: 'history' }, el('h3', { text: t('identify.statusHistory') }), list);
}
