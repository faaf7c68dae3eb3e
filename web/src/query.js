import { fetchItems, fetchQueryables, fetchTotals } from './api.js';
import { clippedTotals } from './statistics.js';
import { parcelFilter } from './cql.js';
import { onLangChange, t } from './i18n.js';
import { readFeatures } from './layers.js';
import { createQueryForm } from './queryForm.js';
import { createQueryHighlight } from './queryHighlight.js';
import { createResultsTable, formatFixed } from './queryTable.js';

const PAGE_SIZE = 20;
// Up to this many matches the page fetches their outlines to draw them all on the map; past it
// only the current page is outlined. The totals come from the server whatever the count.
const OUTLINE_LIMIT = 5000;
const TABLE_PROPERTIES = 'parcel_code,land_use_code,land_use_name,status,area_ha,area_mu';

/**
 * The parcel query: the form's conditions as one CQL2 filter, run against the items and totals
 * endpoints; the page of results goes to the table, the outlines to the map.
 */
export function createParcelQuery({ map, parcelsCollectionId, landUseClasses, areaFeatures, onQueryChange, identify, fitPadding }) {
  const summaryBox = document.getElementById('query-summary');
  const cqlBox = document.getElementById('q-cql');
  const highlight = createQueryHighlight(map, fitPadding);
  const form = createQueryForm({ map, landUseClasses, areaFeatures, onSubmit: (q) => run(q), onReset: clear });
  const table = createResultsTable({
    landUseClasses, pageSize: PAGE_SIZE,
    onSort: () => { if (query) { offset = 0; run(query, { keepOffset: true }); } },
    onPage: (to) => { offset = to; run(query, { keepOffset: true }); },
    onSelect: (feature) => { identify(feature); highlight.select(feature); },
  });

  let geometryProperty = 'geometry';
  let query = null;          // the query last run (the export and the permalink use it)
  let offset = 0;
  let matched = 0;
  let pageFeatures = [];
  let totals = null;
  let runSeq = 0;

  if (parcelsCollectionId) {
    fetchQueryables(parcelsCollectionId).then((q) => {
      const props = q?.properties || {};
      const geom = Object.entries(props).find(([, p]) =>
        /geometry/i.test(p?.format || '') || p?.['x-ogc-role'] === 'primary-geometry' || /geojson\.org/.test(p?.$ref || ''));
      if (geom) geometryProperty = geom[0];
      else if ('geom' in props) geometryProperty = 'geom';
    });
  }

  function clear() {
    query = null;
    highlight.clear();
    pageFeatures = [];
    matched = 0;
    totals = null;
    cqlBox.textContent = '';
    renderTable();
    renderSummary(t('query.notRun'));
    onQueryChange(null);
  }

  async function run(q, { keepOffset = false } = {}) {
    if (!parcelsCollectionId) return;
    query = q;
    if (!keepOffset) offset = 0;
    const filter = parcelFilter(q, geometryProperty);
    cqlBox.textContent = filter;
    onQueryChange(q);
    const seq = ++runSeq;
    renderSummary(t('query.running'));
    try {
      const page = await fetchItems(parcelsCollectionId, {
        limit: PAGE_SIZE, offset, filter, 'filter-lang': filter ? 'cql2-text' : undefined,
        sortby: table.sortby(), properties: TABLE_PROPERTIES,
      });
      if (seq !== runSeq) return;
      pageFeatures = readFeatures(page);
      matched = page.numberMatched ?? pageFeatures.length;
      renderTable();
      if (!keepOffset) await loadTotals(filter, seq);
      else if (matched > OUTLINE_LIMIT) highlight.outline(pageFeatures);
      renderSummary();
    } catch (e) {
      if (seq !== runSeq) return;
      renderSummary(t('query.failed', { detail: e.message }), true);
    }
  }

  async function loadTotals(filter, seq) {
    highlight.clear();
    totals = null;
    const cql = { filter, 'filter-lang': filter ? 'cql2-text' : undefined };
    const polygonMode = query?.polygon?.length >= 3 ? query.polygonMode || 'intersects' : null;
    if (polygonMode === 'clip') {
      // Areas of the parts inside the polygon, added up by PostGIS (the statistics endpoint).
      const s = await clippedTotals(parcelsCollectionId, filter, query.polygon);
      if (seq !== runSeq) return;
      matched = s.numberMatched;
      totals = { ha: s.total.area_ha, mu: s.total.area_mu, mode: 'clip' };
    } else {
      const sums = await fetchTotals(parcelsCollectionId, { ...cql, sum: 'area_ha,area_mu' });
      if (seq !== runSeq) return;
      matched = sums.numberMatched;
      totals = { ha: sums.sums.area_ha, mu: sums.sums.area_mu, mode: polygonMode };
    }
    if (matched > OUTLINE_LIMIT) { highlight.outline(pageFeatures); return; }
    const outlines = await fetchOutlines(cql, seq);
    if (outlines) highlight.outline(outlines, { fit: true });
  }

  /** Every match's outline, a thousand at a time; null when a newer run has started meanwhile. */
  async function fetchOutlines(cql, seq) {
    const all = [];
    let pageOffset = 0;
    while (all.length < matched) {
      const page = await fetchItems(parcelsCollectionId, { limit: 1000, offset: pageOffset, ...cql, properties: 'parcel_code' });
      if (seq !== runSeq) return null;
      if (!page.features?.length) break;
      all.push(...page.features);
      pageOffset += page.features.length;
    }
    return readFeatures({ type: 'FeatureCollection', features: all });
  }

  function renderTable() {
    table.render({ features: pageFeatures, matched, offset });
  }

  function renderSummary(message, isError = false) {
    summaryBox.classList.toggle('error', isError);
    summaryBox.dataset.count = query && !message ? String(matched) : '';
    if (message) { summaryBox.textContent = message; return; }
    if (!matched) { summaryBox.textContent = t('query.none'); return; }
    summaryBox.dataset.mode = totals?.mode || '';
    summaryBox.dataset.ha = totals ? String(totals.ha) : '';
    summaryBox.textContent = totals
      ? t('query.summary', { count: matched.toLocaleString(), ha: formatFixed(totals.ha, 2), mu: formatFixed(totals.mu, 1) })
        + (totals.mode ? t('query.summaryMode', { mode: t(`query.mode.${totals.mode}`) }) : '')
      : t('query.summaryCount', { count: matched.toLocaleString() });
  }

  onLangChange(() => {
    form.relabel();
    renderTable();
    if (query) renderSummary(); else renderSummary(t('query.notRun'));
  });
  form.renderChoices();
  renderSummary(t('query.notRun'));

  return {
    refreshChoices: form.renderChoices,
    // The query as the permalink keeps it: the conditions and the table's sort.
    current: () => (query ? { ...query, sort: table.sortby() } : null),
    filter: () => (query ? parcelFilter(query, geometryProperty) : ''),
    label: () => form.describe(query),
    restore: (q) => {
      if (q.sort) table.setSortby(q.sort);
      const { sort, ...conditions } = q;
      form.write(conditions);
      run(conditions);
    },
    drawnPolygon: form.polygon,
    highlighted: highlight.counts,
  };
}
