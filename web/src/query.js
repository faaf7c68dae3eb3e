import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import { toLonLat } from 'ol/proj.js';
import { fetchItems, fetchQueryables, fetchTotals } from './api.js';
import { clippedTotals } from './statistics.js';
import { parcelFilter } from './cql.js';
import { el } from './layerpanel.js';
import { onLangChange, pick, t, tValue } from './i18n.js';
import { readFeature, readFeatures } from './layers.js';
import { drawStyle, landUseColour, resultStyle, selectedStyle } from './styles.js';

const PAGE_SIZE = 20;
// Up to this many matches the page fetches their outlines to draw them all on the map; past it
// only the current page is outlined. The totals come from the server whatever the count.
const OUTLINE_LIMIT = 5000;
const STATUSES = ['已出让', '已储备', '规划'];
const TABLE_PROPERTIES = 'parcel_code,land_use_code,land_use_name,status,area_ha,area_mu';

function fmt(n, digits) {
  return Number(n).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function createParcelQuery({ map, parcelsCollectionId, landUseClasses, areaFeatures, onQueryChange, identify }) {
  const $ = (id) => document.getElementById(id);
  const form = $('query-form');
  const results = new VectorSource();
  const selected = new VectorSource();
  const drawn = new VectorSource();
  map.addLayer(new VectorLayer({ source: results, style: resultStyle, zIndex: 40 }));
  map.addLayer(new VectorLayer({ source: selected, style: selectedStyle, zIndex: 42 }));
  map.addLayer(new VectorLayer({ source: drawn, style: drawStyle, zIndex: 41 }));

  let geometryProperty = 'geometry';
  let query = null;          // the query last run (the export and the permalink use it)
  let polygon = null;
  let sort = { key: 'parcel_code', dir: 1 };
  let offset = 0;
  let matched = 0;
  let pageFeatures = [];
  let totals = null;
  let runSeq = 0;
  let draw = null;

  if (parcelsCollectionId) {
    fetchQueryables(parcelsCollectionId).then((q) => {
      const props = q?.properties || {};
      const geom = Object.entries(props).find(([name, p]) =>
        /geometry/i.test(p?.format || '') || p?.['x-ogc-role'] === 'primary-geometry' || /geojson\.org/.test(p?.$ref || ''));
      if (geom) geometryProperty = geom[0];
      else if ('geom' in props) geometryProperty = 'geom';
    });
  }

  // ------------------------------------------------------------ form
  function renderChoices() {
    const lu = $('q-landuse');
    const checked = new Set(readForm().landUse);
    lu.replaceChildren();
    const used = landUseClasses.filter((c) => c.used);
    for (const c of used.length ? used : landUseClasses.filter((x) => String(x.code).length === 4)) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = landUseColour(c.code);
      lu.append(el('label', {}, el('input', { type: 'checkbox', name: 'landuse', value: c.code, checked: checked.has(c.code) }),
        sw, el('span', { text: `${c.code} ${pick(c, 'name')}` })));
    }
    const st = $('q-status');
    const checkedStatus = new Set(readForm().status);
    st.replaceChildren();
    for (const s of STATUSES) {
      st.append(el('label', {}, el('input', { type: 'checkbox', name: 'status', value: s, checked: checkedStatus.has(s) }),
        el('span', { text: tValue(s) })));
    }
    const sel = $('q-area');
    const value = sel.value;
    sel.replaceChildren(el('option', { value: '', text: t('query.any') }));
    for (const kind of ['zone', 'park', 'cluster']) {
      const features = areaFeatures().filter((f) => f.get('kind') === kind);
      if (!features.length) continue;
      const group = el('optgroup', { label: t(`legend.${kind}`) });
      for (const f of features) group.append(el('option', { value: `${kind}:${f.getId()}`, text: pick(f.getProperties(), 'name') }));
      sel.append(group);
    }
    sel.value = value;
  }

  function readForm() {
    return {
      landUse: [...form.querySelectorAll('input[name=landuse]:checked')].map((i) => i.value),
      status: [...form.querySelectorAll('input[name=status]:checked')].map((i) => i.value),
      areaMin: $('q-area-min').value,
      areaMax: $('q-area-max').value,
      area: $('q-area').value,
      polygon,
      polygonMode: $('q-polygon-mode').value,
    };
  }

  function writeForm(q) {
    renderChoices();
    form.querySelectorAll('input[name=landuse]').forEach((i) => { i.checked = (q.landUse || []).includes(i.value); });
    form.querySelectorAll('input[name=status]').forEach((i) => { i.checked = (q.status || []).includes(i.value); });
    $('q-area-min').value = q.areaMin ?? '';
    $('q-area-max').value = q.areaMax ?? '';
    $('q-area').value = q.area || '';
    $('q-polygon-mode').value = q.polygonMode || 'intersects';
    setPolygon(q.polygon || null);
  }

  function setPolygon(ring) {
    polygon = ring && ring.length >= 3 ? ring : null;
    drawn.clear();
    if (polygon) {
      drawn.addFeature(readFeature({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [polygon] }, properties: {} }));
    }
    $('q-draw-state').textContent = polygon ? t('query.drawn') : '';
  }

  $('q-draw').addEventListener('click', () => {
    stopDrawing();
    draw = new Draw({ source: drawn, type: 'Polygon', style: drawStyle });
    map.set('busyTool', 'query-draw');
    drawn.clear();
    $('q-draw-state').textContent = t('query.drawing');
    draw.on('drawend', (e) => {
      const ring = e.feature.getGeometry().getCoordinates()[0].map((c) => toLonLat(c));
      setPolygon(ring);
      // The double click that ends the polygon must not also identify a parcel: the map's
      // single-click comes a moment later, so the tool stays busy a little longer.
      setTimeout(stopDrawing, 500);
    });
    map.addInteraction(draw);
  });
  $('q-draw-clear').addEventListener('click', () => { stopDrawing(); setPolygon(null); });

  function stopDrawing() {
    if (draw) { map.removeInteraction(draw); draw = null; }
    if (map.get('busyTool') === 'query-draw') map.set('busyTool', null);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(readForm());
  });
  $('q-reset').addEventListener('click', () => {
    writeForm({});
    clear();
  });

  // ------------------------------------------------------------ running
  function clear() {
    query = null;
    results.clear();
    selected.clear();
    pageFeatures = [];
    matched = 0;
    totals = null;
    $('q-cql').textContent = '';
    renderTable();
    renderSummary(t('query.notRun'));
    onQueryChange(null);
  }

  async function run(q, { keepOffset = false } = {}) {
    if (!parcelsCollectionId) return;
    query = q;
    if (!keepOffset) offset = 0;
    const filter = parcelFilter(q, geometryProperty);
    $('q-cql').textContent = filter;
    onQueryChange(q);
    const seq = ++runSeq;
    renderSummary(t('query.running'));
    try {
      const page = await fetchItems(parcelsCollectionId, {
        limit: PAGE_SIZE, offset, filter, 'filter-lang': filter ? 'cql2-text' : undefined,
        sortby: `${sort.dir < 0 ? '-' : ''}${sort.key}`, properties: TABLE_PROPERTIES,
      });
      if (seq !== runSeq) return;
      pageFeatures = readFeatures(page);
      matched = page.numberMatched ?? pageFeatures.length;
      renderTable();
      if (!keepOffset) await loadTotals(filter, seq);
      else if (matched > OUTLINE_LIMIT) showPageOnMap();
      renderSummary();
    } catch (e) {
      if (seq !== runSeq) return;
      renderSummary(t('query.failed', { detail: e.message }), true);
    }
  }

  async function loadTotals(filter, seq) {
    results.clear();
    selected.clear();
    totals = null;
    const cql = { filter, 'filter-lang': filter ? 'cql2-text' : undefined };
    const clip = query?.polygonMode === 'clip' && query?.polygon?.length >= 3;
    if (clip) {
      // Areas of the parts inside the polygon, added up by PostGIS (the statistics endpoint).
      const s = await clippedTotals(parcelsCollectionId, filter, query.polygon);
      if (seq !== runSeq) return;
      matched = s.numberMatched;
      totals = { ha: s.total.area_ha, mu: s.total.area_mu, mode: 'clip' };
    } else {
      const sums = await fetchTotals(parcelsCollectionId, { ...cql, sum: 'area_ha,area_mu' });
      if (seq !== runSeq) return;
      matched = sums.numberMatched;
      totals = { ha: sums.sums.area_ha, mu: sums.sums.area_mu, mode: query?.polygon?.length >= 3 ? query.polygonMode || 'intersects' : null };
    }
    if (matched > OUTLINE_LIMIT) { showPageOnMap(); return; }
    const all = [];
    let pageOffset = 0;
    while (all.length < matched) {
      const page = await fetchItems(parcelsCollectionId, { limit: 1000, offset: pageOffset, ...cql, properties: 'parcel_code' });
      if (seq !== runSeq) return;
      if (!page.features?.length) break;
      all.push(...page.features);
      pageOffset += page.features.length;
    }
    results.addFeatures(readFeatures({ type: 'FeatureCollection', features: all }));
    if (all.length) {
      map.getView().fit(results.getExtent(), { padding: [40, 40, 40, 40], maxZoom: 16, duration: 300 });
    }
  }

  function showPageOnMap() {
    results.clear();
    results.addFeatures(pageFeatures.map((f) => f.clone()));
  }

  function renderSummary(message, isError = false) {
    const box = $('query-summary');
    box.classList.toggle('error', isError);
    box.dataset.count = query && !message ? String(matched) : '';
    if (message) { box.textContent = message; return; }
    if (!matched) { box.textContent = t('query.none'); return; }
    box.dataset.mode = totals?.mode || '';
    box.dataset.ha = totals ? String(totals.ha) : '';
    box.textContent = totals
      ? t('query.summary', { count: matched.toLocaleString(), ha: fmt(totals.ha, 2), mu: fmt(totals.mu, 1) })
        + (totals.mode ? t('query.summaryMode', { mode: t(`query.mode.${totals.mode}`) }) : '')
      : t('query.summaryCount', { count: matched.toLocaleString() });
  }

  function renderTable() {
    const tbody = document.querySelector('#query-table tbody');
    tbody.replaceChildren();
    for (const f of pageFeatures) {
      const p = f.getProperties();
      const c = landUseClasses.find((x) => String(x.code) === String(p.land_use_code));
      const tr = el('tr', { 'data-id': f.getId() ?? '' },
        el('td', { text: p.parcel_code ?? '' }),
        el('td', { text: c ? pick(c, 'name') : (p.land_use_name ?? '') }),
        el('td', { text: tValue(p.status ?? '') }),
        el('td', { class: 'num', text: fmt(p.area_ha ?? 0, 2) }),
        el('td', { class: 'num', text: fmt(p.area_mu ?? 0, 1) }));
      tr.addEventListener('click', () => select(f, tr));
      tbody.append(tr);
    }
    document.querySelectorAll('#query-table th[data-sort]').forEach((th) => {
      th.classList.toggle('sorted-asc', th.dataset.sort === sort.key && sort.dir > 0);
      th.classList.toggle('sorted-desc', th.dataset.sort === sort.key && sort.dir < 0);
    });
    $('q-page').textContent = matched
      ? t('pager.page', { from: offset + 1, to: offset + pageFeatures.length, count: matched.toLocaleString() }) : '';
    $('q-prev').disabled = offset === 0;
    $('q-next').disabled = offset + pageFeatures.length >= matched;
  }

  function select(feature, row) {
    document.querySelectorAll('#query-table tr.selected').forEach((r) => r.classList.remove('selected'));
    row?.classList.add('selected');
    selected.clear();
    selected.addFeature(feature.clone());
    map.getView().fit(feature.getGeometry().getExtent(), { padding: [80, 80, 80, 80], maxZoom: 17, duration: 300 });
    identify(feature);
  }

  document.querySelectorAll('#query-table th[data-sort]').forEach((th) => {
    th.addEventListener('click', () => {
      sort = sort.key === th.dataset.sort ? { key: sort.key, dir: -sort.dir } : { key: th.dataset.sort, dir: 1 };
      if (query) { offset = 0; run(query, { keepOffset: true }); }
      else renderTable();
    });
  });
  $('q-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE_SIZE); run(query, { keepOffset: true }); });
  $('q-next').addEventListener('click', () => { offset += PAGE_SIZE; run(query, { keepOffset: true }); });

  onLangChange(() => { renderChoices(); renderTable(); if (query) renderSummary(); else renderSummary(t('query.notRun')); setPolygon(polygon); });
  renderChoices();
  renderSummary(t('query.notRun'));

  return {
    refreshChoices: renderChoices,
    current: () => query,
    filter: () => (query ? parcelFilter(query, geometryProperty) : ''),
    restore: (q) => { writeForm(q); run(q); },
    drawnPolygon: () => polygon,
    highlighted: () => ({ results: results.getFeatures().length, selected: selected.getFeatures().length }),
  };
}
