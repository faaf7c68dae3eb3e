// The 选址 panel: a site red line drawn on the map or uploaded (部标 TXT, Shapefile ZIP, GeoPackage,
// GeoJSON, KML, DXF) is sent to POST /analysis/redline; the report shows conflicts with constraint
// layers first, then planning layers, land use, parcels and projects; the site and its overlap pieces
// are drawn on the map; the report prints (browser print of the report page) and downloads.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { toLonLat } from 'ol/proj.js';
import { addTranslations, lang, onLangChange, pick, t, tValue } from './i18n.js';
import { analysisStrings } from './analysis-i18n.js';
import { saveBlob } from './charts.js';

addTranslations(analysisStrings);

const fmt = (n, d) => Number(n).toLocaleString(undefined, { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const STYLES = {
  site: new Style({ stroke: new Stroke({ color: '#d00000', width: 3 }), fill: new Fill({ color: 'rgba(208,0,0,0.05)' }) }),
  conflict: new Style({ stroke: new Stroke({ color: '#7a0000', width: 1.5 }), fill: new Fill({ color: 'rgba(230,0,0,0.55)' }) }),
  layer: new Style({ stroke: new Stroke({ color: '#5b2c83', width: 1, lineDash: [4, 3] }), fill: new Fill({ color: 'rgba(142,68,173,0.18)' }) }),
};

export function createRedlinePanel({ container, map, setStatus }) {
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => { if (k === 'text') e.textContent = v; else if (v !== undefined && v !== false) e.setAttribute(k, v); });
    children.flat().forEach((c) => c !== null && c !== undefined && e.append(c));
    return e;
  };
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, zIndex: 44, style: (f) => STYLES[f.get('kind')] || STYLES.layer }));
  const file = el('input', { type: 'file', id: 'red-file', accept: '.txt,.zip,.gpkg,.geojson,.json,.kml,.dxf' });
  const srid = el('input', { type: 'text', id: 'red-srid', size: '6', placeholder: '4545' });
  const distance = el('input', { type: 'number', id: 'red-distance', value: '500', min: '0', step: '100' });
  const repair = el('input', { type: 'checkbox', id: 'red-repair' });
  const drawButton = el('button', { type: 'button', id: 'red-draw', class: 'tool' });
  const runButton = el('button', { type: 'button', id: 'red-run', class: 'primary' });
  const out = el('div', { id: 'red-report', class: 'report' });
  const labels = {};
  const label = (key, input) => { labels[key] = el('span', { text: t(key) }); return el('label', { class: 'block' }, labels[key], input); };
  const intro = el('p', { class: 'hint', text: t('red.intro') });
  container.replaceChildren(intro, drawButton, label('red.upload', file), label('red.srid', srid), label('red.distance', distance),
    el('label', {}, repair, labels['red.repair'] = el('span', { text: t('red.repair') })), el('div', { class: 'actions' }, runButton), out);

  let drawn = null;   // GeoJSON geometry (CRS84) of a drawn site
  let report = null;
  let draw = null;

  function buttons() {
    drawButton.textContent = t('red.draw');
    runButton.textContent = t('red.run');
    intro.textContent = t('red.intro');
    Object.entries(labels).forEach(([k, span]) => { span.textContent = t(k); });
  }

  drawButton.addEventListener('click', () => {
    if (draw) map.removeInteraction(draw);
    source.clear();
    file.value = '';
    draw = new Draw({ source, type: 'Polygon' });
    map.set('busyTool', 'redline-draw');
    draw.on('drawend', (e) => {
      e.feature.set('kind', 'site');
      drawn = { type: 'Polygon', coordinates: [e.feature.getGeometry().getCoordinates()[0].map((c) => toLonLat(c))] };
      setTimeout(() => { map.removeInteraction(draw); draw = null; if (map.get('busyTool') === 'redline-draw') map.set('busyTool', null); }, 500);
      run();
    });
    map.addInteraction(draw);
  });
  file.addEventListener('change', () => { drawn = null; });
  runButton.addEventListener('click', () => run());

  /** The request for a report in format f: the uploaded file, or the drawn site as GeoJSON. */
  function request(f) {
    const q = new URLSearchParams({ f, distance: distance.value || '500' });
    if (repair.checked) q.set('repair', 'true');
    if (srid.value.trim()) q.set('srid', srid.value.trim());
    const url = `/analysis/redline?${q}`;
    if (file.files?.length) {
      const form = new FormData();
      form.append('file', file.files[0]);
      return fetch(url, { method: 'POST', body: form });
    }
    if (!drawn) return null;
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(drawn) });
  }

  async function run() {
    const pending = request('json');
    if (!pending) return;
    out.replaceChildren(el('p', { class: 'hint', text: t('red.running') }));
    out.dataset.state = 'running';
    try {
      const r = await pending;
      const body = await r.json().catch(() => null);
      if (!r.ok) throw new Error(body?.detail || `HTTP ${r.status}`);
      report = body;
      drawOnMap();
      render();
      out.dataset.state = 'done';
    } catch (e) {
      report = null;
      out.replaceChildren(el('p', { class: 'error', id: 'red-error', text: t('red.failed', { detail: e.message }) }));
      out.dataset.state = 'error';
    }
  }

  function drawOnMap() {
    source.clear();
    const site = geojson.readFeature({ type: 'Feature', geometry: report.site.geometry, properties: { kind: 'site' } });
    source.addFeature(site);
    source.addFeatures(geojson.readFeatures(report.pieces));
    map.getView().fit(site.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom: 17, duration: 300 });
  }

  function table(columns, rows, id) {
    return el('table', { class: 'results', id },
      el('thead', {}, el('tr', {}, ...columns.map(([key, cls]) => el('th', { class: cls, text: t(key) })))),
      el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map(([text, cls]) => el('td', { class: cls, text: String(text ?? '') }))))));
  }
  const area = (o) => [[fmt(o.area_ha, 4), 'num'], [fmt(o.area_mu, 2), 'num']];

  function render() {
    const r = report;
    const title = (o) => (lang() === 'en' ? o.title_en : o.title_zh);
    const parts = [];
    parts.push(el('h2', { class: 'print-only', text: t('red.reportTitle') }));
    parts.push(el('p', { class: 'print-only', text: `${t('red.date')}: ${r.generated}` }));
    parts.push(el('p', { class: 'site-area', id: 'red-site-area', 'data-ha': r.site.area_ha },
      `${t('red.site')}: ${fmt(r.site.area_m2, 1)} m² · ${fmt(r.site.area_ha, 4)} ${t('stats.ha')} · ${fmt(r.site.area_mu, 2)} ${t('stats.mu')}`));
    r.site.repairs.forEach((x) => parts.push(el('p', { class: 'caveat-note', text: `${t('red.repaired')}: ${x}` })));
    parts.push(el('h3', { class: 'conflicts', text: t('red.conflicts') }));
    if (r.conflicts.length) {
      parts.push(table([['red.layer'], ['red.feature'], ['stats.ha', 'num'], ['stats.mu', 'num'], ['red.shareSite', 'num']],
        r.conflicts.map((c) => [[title(c)], [c.name], ...area(c), [pct(c.shareOfSite), 'num']]), 'red-conflicts'));
    } else {
      parts.push(el('p', { id: 'red-no-conflicts', text: t('red.noConflicts') }));
    }
    parts.push(el('p', { class: 'hint', text: r.constraintLayers.length ? t('red.checked', { layers: r.constraintLayers.join(', ') }) : t('red.noConstraintLayers') }));
    parts.push(el('h3', { text: t('red.layers') }));
    parts.push(table([['red.layer'], ['red.feature'], ['stats.ha', 'num'], ['stats.mu', 'num'], ['red.shareSite', 'num']],
      r.layers.map((c) => [[title(c)], [c.name], ...area(c), [pct(c.shareOfSite), 'num']]), 'red-layers'));
    parts.push(el('h3', { text: t('red.landUse') }));
    parts.push(table([['stats.code'], ['stats.count', 'num'], ['stats.ha', 'num'], ['stats.mu', 'num'], ['stats.share', 'num']],
      (r.landUse.groups || []).map((g) => [[g.properties.land_use_code], [g.count, 'num'], ...area(g), [pct(g.share), 'num']]), 'red-landuse'));
    parts.push(el('h3', { text: t('red.parcels', { count: r.parcels.length }) }));
    parts.push(table([['red.parcel'], ['stats.name'], ['red.status'], ['stats.ha', 'num'], ['stats.mu', 'num']],
      r.parcels.slice(0, 200).map((p) => [[p.parcel_code], [p.land_use_name], [tValue(p.status ?? '')], ...area(p)]), 'red-parcels'));
    parts.push(el('h3', { text: t('red.projects', { distance: r.projects.distance_m }) }));
    parts.push(table([['red.feature'], ['stats.name'], ['red.status'], ['red.distanceM', 'num']],
      r.projects.items.map((p) => [[p.name], [p.category], [p.status], [fmt(p.distanceM, 0), 'num']]), 'red-projects'));
    parts.push(el('div', { class: 'caveat-note', id: 'red-caveats' }, ...(lang() === 'en' ? r.caveats_en : r.caveats_zh).map((c) => el('div', { text: c }))));
    const print = el('button', { type: 'button', id: 'red-print', text: t('red.print') });
    print.addEventListener('click', () => { document.body.classList.add('printing-report'); window.print(); });
    const actions = el('div', { class: 'actions no-print' }, print);
    for (const f of ['csv', 'xlsx', 'gpkg']) {
      const b = el('button', { type: 'button', id: `red-${f}`, text: t(`red.${f}`) });
      b.addEventListener('click', async () => {
        const res = await request(f);
        if (!res?.ok) { setStatus?.('red.failed', { detail: `HTTP ${res?.status}` }, true); return; }
        saveBlob(await res.blob(), `${t('red.reportTitle')}.${f}`);
      });
      actions.append(b);
    }
    out.replaceChildren(actions, ...parts);
  }

  window.addEventListener('afterprint', () => document.body.classList.remove('printing-report'));
  onLangChange(() => { buttons(); if (report) render(); });
  buttons();
  return { report: () => report, source };
}
