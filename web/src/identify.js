import { el } from './dom.js';
import { has, lang, onLangChange, pick, t, tValue } from './i18n.js';
import { statusHistorySection } from './statusHistory.js';
import { citation } from './citation.js';

// Attribute order per kind of feature; anything else the server sends follows these.
const FIELDS = {
  planning_area: ['name_zh', 'name_en', 'id', 'kind', 'description', 'geometry_quality'],
  project: ['name_zh', 'name_en', 'id', 'category', 'status', 'status_date', 'status_year', 'investment_yi', 'capacity_gwh', 'land_mu',
    'area_id', 'locality', 'location_quality', 'location_note', 'status_history', 'figures'],
  land_parcel: ['parcel_code', 'land_use_code', 'land_use_name', 'status', 'area_m2', 'area_ha', 'area_mu',
    'plot_ratio', 'zone_id', 'area_id', 'synthetic'],
};
// The status history has its own section below the table, each stage with its quote.
const NOT_SHOWN = new Set(['geometry', 'geom', 'sources', 'layer', 'overview', 'status_history']);
// Properties that hold the id of a zone, park or cluster: shown by its name, linking to it.
const AREA_REFERENCES = new Set(['zone_id', 'area_id', 'parent_zone']);
// Integers that are codes or years, not quantities: no thousands separator.
const PLAIN_NUMBER = /year|code|line|^id$/;

function parseJson(value) {
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (!(s.startsWith('[') || s.startsWith('{'))) return value;
  try { return JSON.parse(s); } catch { return value; }
}

function formatNumber(v, digits = 2) {
  return Number(v).toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A cell of the parcel overview grid drawn below z14 (V7), not a parcel. */
function isOverview(p) {
  return p.overview === true || p.overview === 'true';
}

/**
 * The identify panel. {@code actions(shown)} may give more buttons for the feature shown (the
 * parcel sheet …), placed beside “zoom to”.
 */
export function createIdentify({ panel, title, body, closeButton, landUseClasses, findArea, onOpenArea, onZoom, onClose, actions = () => [] }) {
  let shown = null; // {entry, properties, others}
  const classByCode = new Map(landUseClasses.map((c) => [String(c.code), c]));

  function formatValue(key, raw) {
    const value = parseJson(raw);
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(`value.${value}`);
    if (key === 'land_use_name' && shown?.properties?.land_use_code) {
      const c = classByCode.get(String(shown.properties.land_use_code));
      if (c) return pick(c, 'name');
    }
    if (key === 'area_m2') return formatNumber(value, 0);
    if (typeof value === 'number' && PLAIN_NUMBER.test(key)) return String(value);
    if (typeof value === 'number') return formatNumber(value, key === 'plot_ratio' ? 2 : 4);
    if (key === 'status_history' && Array.isArray(value)) {
      // dated by the text that states it; the year the passage speaks of where it differs
      return value.map((h) => {
        const when = h.date ?? h.year ?? '';
        const of = h.year && !String(when).startsWith(String(h.year)) ? t('identify.ofYear', { year: h.year }) : '';
        return `${when} ${pick(h, 'status') || ''}${of}`.trim();
      }).join(' → ');
    }
    if (Array.isArray(value)) {
      return value.map((v) => (typeof v === 'object' ? Object.values(v).join(' ') : tValue(v))).join('；');
    }
    if (typeof value === 'object') {
      return Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('；');
    }
    return tValue(value);
  }

  function caveats(role, p, layerSaysSo) {
    const notes = [];
    const quality = p.geometry_quality || p.location_quality;
    if (quality === 'schematic') notes.push(t('identify.schematic'));
    if (quality === 'approximate') notes.push(t('identify.approximate'));
    const synthetic = p.synthetic === true || p.synthetic === 'true' || p.synthetic === 't';
    if (role === 'land_parcel' && synthetic && !layerSaysSo) notes.push(t('identify.synthetic'));
    if (isOverview(p)) notes.push(t('identify.overview'));
    return notes;
  }

  function sources(p) {
    const list = parseJson(p.sources);
    if (!Array.isArray(list) || !list.length) return null;
    const box = el('section', { class: 'sources' }, el('h3', { text: t('identify.sources') }));
    for (const s of list) {
      box.append(el('figure', { class: 'source' },
        el('blockquote', { class: 'source-quote', text: s.quote || '' }),
        el('figcaption', { class: 'source-ref' }, el('span', { class: 'source-doc', text: citation(s) }),
          el('span', { class: 'source-file', text: s.file || '' }))));
    }
    return box;
  }

  /** A zone / park / cluster id as the area's name, a link that opens it; any other value as text. */
  function valueCell(key, raw) {
    const area = AREA_REFERENCES.has(key) && raw ? findArea?.(String(raw)) : null;
    if (!area) return el('td', { text: formatValue(key, raw) });
    const link = el('button', { type: 'button', class: 'link area-link', 'data-area-id': String(raw),
      text: pick(area.feature.getProperties(), 'name') || String(raw), title: t('identify.openArea', { id: raw }) });
    link.addEventListener('click', () => onOpenArea(area));
    return el('td', {}, link);
  }

  function render() {
    if (!shown) return;
    const { entry, properties: p, others } = shown;
    const role = entry.role;
    panel.dataset.role = role;
    panel.dataset.featureId = p.id ?? '';
    title.textContent = isOverview(p) ? t('identify.overviewTitle')
      : role === 'land_parcel' ? `${t('attr.parcel_code')} ${p.parcel_code ?? p.id ?? ''}`
      : pick(p, 'name') || String(p.id ?? '');
    body.replaceChildren();
    const layerName = el('div', { class: 'identify-layer', text: entry.title() });
    body.append(layerName);
    const layerCaveat = entry.caveat();
    if (layerCaveat) body.append(el('p', { class: 'caveat-note layer-caveat', text: layerCaveat }));
    // A layer-wide caveat already says "synthetic"; the feature's own note adds what the layer's does not.
    for (const note of caveats(role, p, Boolean(layerCaveat))) body.append(el('p', { class: 'caveat-note', text: note }));
    const table = el('table', { class: 'attributes' });
    const order = [...(FIELDS[role] || []), ...Object.keys(p).filter((k) => !(FIELDS[role] || []).includes(k))];
    for (const key of order) {
      if (NOT_SHOWN.has(key) || !(key in p)) continue;
      // category / category_en and the like: one row, in the page's language.
      if (key.endsWith('_en') && key !== 'name_en' && key.slice(0, -3) in p) continue;
      const twin = p[`${key}_en`];
      const raw = lang() === 'en' && key !== 'name_zh' && twin !== undefined && twin !== null ? twin : p[key];
      const label = has(`attr.${key}`) ? t(`attr.${key}`) : key;
      table.append(el('tr', { 'data-attr': key }, el('th', { text: label }), valueCell(key, raw)));
    }
    body.append(table);
    const history = statusHistorySection(parseJson(p.status_history), parseJson(p.sources));
    if (history) body.append(history);
    const src = sources(p);
    if (src) body.append(src);
    const zoom = el('button', { type: 'button', class: 'tool', text: t('identify.zoomTo') });
    zoom.addEventListener('click', () => onZoom(shown));
    const buttons = el('div', { class: 'identify-actions' }, zoom);
    if (!isOverview(p)) buttons.append(...actions(shown));
    body.append(buttons);
    if (others?.length) {
      const more = el('div', { class: 'identify-more' }, el('span', { text: t('identify.more', { n: others.length }) }));
      for (const o of others) {
        const b = el('button', { type: 'button', class: 'link', text: `${o.entry.title()}: ${pick(o.properties, 'name') || o.properties.parcel_code || o.properties.id}` });
        b.addEventListener('click', () => show(o.entry, o.properties, o.feature, [shown, ...others.filter((x) => x !== o)]));
        more.append(b);
      }
      body.append(more);
    }
    panel.hidden = false;
  }

  function show(entry, properties, feature, others = []) {
    shown = { entry, properties, feature, others };
    render();
  }

  function hide() {
    shown = null;
    panel.hidden = true;
    onClose();
  }

  closeButton.addEventListener('click', hide);
  onLangChange(render);
  return { show, hide, current: () => shown };
}
