import { fetchItems, getJson } from './api.js';
import { cqlString } from './cql.js';
import { debounce, el } from './dom.js';
import { pick, t, tValue } from './i18n.js';
import { citation } from './citation.js';
import { readFeatures } from './layers.js';

const MAX_RESULTS = 12;

function normalise(s) {
  return String(s || '').toLowerCase().replace(/\s+/g, '');
}

/**
 * One box for projects, planning areas and places (searched in the loaded features, Chinese or
 * English, by name or id), parcel codes (asked of the server with a CQL2 LIKE), and what the texts
 * name without placing it (/named-places): those are answered “named in 《…》, position not given”
 * with the quote, and nothing is zoomed to — there is no point to show.
 */
export function createSearch({ input, list, entries, parcelsCollectionId, onChoose }) {
  let results = [];
  let active = -1;
  let seq = 0;
  let unplaced = null; // the /named-places items, fetched once when first needed

  async function unplacedMatches(text) {
    if (!unplaced) {
      try { unplaced = (await getJson('/named-places')).items || []; } catch { return []; }
    }
    const q = normalise(text);
    return unplaced
      .map((item) => {
        const names = [item.name_zh, item.name_en, item.part_of].map(normalise);
        const score = names.some((n) => n && n === q) ? 3 : names.some((n) => n && n.includes(q)) ? 1 : 0;
        return { score, item, kind: 'unplaced' };
      })
      .filter((r) => r.score)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_RESULTS);
  }

  function localMatches(text) {
    const q = normalise(text);
    const hits = [];
    // A feature served by two layers (projects and projects-all) is found once, in the first.
    const seen = new Set();
    for (const entry of entries) {
      if (!entry.source?.getFeatures || entry.role === 'land_parcel') continue;
      for (const f of entry.source.getFeatures()) {
        const p = f.getProperties();
        const key = `${entry.role}:${p.id ?? f.getId()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const aliases = Array.isArray(p.aliases) ? p.aliases : [];  // other names the texts give it
        const names = [p.name_zh, p.name_en, p.id ?? f.getId(), ...aliases].map(normalise);
        const score = names.reduce((best, n) => {
          if (!n) return best;
          if (n === q) return Math.max(best, 3);
          if (n.startsWith(q)) return Math.max(best, 2);
          return n.includes(q) ? Math.max(best, 1) : best;
        }, 0);
        if (score) hits.push({ score, entry, feature: f, kind: entry.kind || (entry.role === 'project' ? 'project' : entry.role) });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS);
  }

  async function parcelMatches(text) {
    const entry = entries.find((e) => e.role === 'land_parcel');
    if (!entry || !/^[\w-]{2,}$/.test(text.trim())) return [];
    const pattern = `${text.trim().toUpperCase().replace(/[%_]/g, '')}%`;
    try {
      const page = await fetchItems(parcelsCollectionId, {
        limit: 8, filter: `parcel_code LIKE ${cqlString(pattern)}`, 'filter-lang': 'cql2-text', sortby: 'parcel_code',
      });
      return readFeatures(page).map((f) => ({ score: 1, entry, feature: f, kind: 'parcel' }));
    } catch {
      return [];
    }
  }

  function label(r) {
    if (r.kind === 'unplaced') return r.item.name_zh;
    const p = r.feature.getProperties();
    return r.kind === 'parcel' ? p.parcel_code : pick(p, 'name') || String(r.feature.getId());
  }

  function render() {
    list.replaceChildren();
    if (!input.value.trim()) { list.hidden = true; return; }
    if (!results.length) {
      list.append(el('li', { class: 'empty', text: t('search.none') }));
    }
    results.forEach((r, i) => {
      const kindKey = `search.kind.${r.kind}`;
      const kindText = r.kind === 'unplaced' ? t(kindKey, { kind: tValue(r.item.kind) })
        : t(kindKey) === kindKey ? r.entry.title() : t(kindKey);
      const li = el('li', { role: 'option', class: i === active ? 'active' : '', 'data-kind': r.kind },
        el('span', { class: 'result-name', text: label(r) }),
        el('span', { class: 'result-kind', text: kindText }));
      if (r.kind === 'unplaced') {
        li.append(el('p', { class: 'result-unplaced', text: t('search.unplaced', { cite: citation(r.item.source) }) }),
          el('blockquote', { class: 'source-quote', text: r.item.source.quote }));
      }
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(r); });
      list.append(li);
    });
    list.hidden = false;
  }

  function choose(r) {
    if (r.kind === 'unplaced') {  // nothing to zoom to: keep the answer, with its quote, in view
      results = [r];
      active = 0;
      render();
      return;
    }
    input.value = label(r);
    list.hidden = true;
    onChoose(r.entry, r.feature);
  }

  const update = debounce(async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (!text) { results = []; render(); return; }
    const local = localMatches(text);
    results = local;
    active = results.length ? 0 : -1;
    render();
    const [parcels, named] = await Promise.all([parcelMatches(text), unplacedMatches(text)]);
    if (mine !== seq) return;
    results = [...local, ...named, ...parcels].slice(0, MAX_RESULTS + 8);
    active = results.length ? 0 : -1;
    // Answers that arrive after the planner clicked away must not open the list again; focus shows them.
    if (document.activeElement === input) render();
  }, 180);

  input.addEventListener('input', update);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { active = Math.min(results.length - 1, active + 1); render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); e.preventDefault(); }
    else if (e.key === 'Enter' && results[active]) { choose(results[active]); e.preventDefault(); }
    else if (e.key === 'Escape') { list.hidden = true; }
  });
  input.addEventListener('blur', () => { setTimeout(() => { list.hidden = true; }, 150); });
  input.addEventListener('focus', () => { if (results.length) render(); });
}
