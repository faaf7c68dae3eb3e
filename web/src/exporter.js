import { exportUrl } from './api.js';
import { el } from './dom.js';
import { lang, onLangChange, t } from './i18n.js';
import { EXPORT_CRS } from './projections.js';

const FORMATS = ['shapefile', 'gpkg', 'geojson', 'csv', 'kml', 'dxf'];

function formatsOffered(collection) {
  // An export link in the catalogue may list the formats the server writes; otherwise offer all.
  const link = (collection?.links || []).find((l) => /export/.test(l.rel || '') || /\/export/.test(l.href || ''));
  const listed = collection?.exportFormats || link?.formats;
  return Array.isArray(listed) && listed.length ? FORMATS.filter((f) => listed.includes(f)) : FORMATS;
}

export function createExport({ entries, parcelsCollectionId, currentFilter, setStatus }) {
  const $ = (id) => document.getElementById(id);
  const layerSelect = $('export-layer');
  const formatSelect = $('export-format');
  const crsSelect = $('export-crs');
    const collections = [];
  for (const e of entries) {
    if (!collections.some((c) => c.id === e.collectionId)) collections.push({ id: e.collectionId, collection: e.collection, title: e.title });
  }

  function render() {
    const layer = layerSelect.value || parcelsCollectionId || collections[0]?.id;
    layerSelect.replaceChildren(...collections.map((c) => el('option', { value: c.id, text: c.title() })));
    layerSelect.value = layer;
    const format = formatSelect.value || 'shapefile';
    const chosen = collections.find((c) => c.id === selectedCollection());
    const offered = formatsOffered(chosen?.collection);
    formatSelect.replaceChildren(...FORMATS.map((f) => el('option', {
      value: f, text: offered.includes(f) ? t(`format.${f}`) : t('export.dxfPending'), disabled: !offered.includes(f),
    })));
    formatSelect.value = offered.includes(format) ? format : offered[0];
    const crs = crsSelect.value || 'EPSG:4545';
    crsSelect.replaceChildren(...EXPORT_CRS.map((c) => el('option', { value: c.code, text: lang() === 'en' ? c.en : c.zh })));
    crsSelect.value = crs;
    note();
  }

  function what() {
    return document.querySelector('input[name=export-what]:checked')?.value || 'query';
  }

  function selectedCollection() {
    return what() === 'query' ? parcelsCollectionId : layerSelect.value;
  }

  function note() {
    layerSelect.disabled = what() === 'query';
    // KML is defined in WGS 84 longitude/latitude only; the server refuses any other crs for it.
    crsSelect.disabled = formatSelect.value === 'kml';
    const notes = [];
    if (what() === 'query' && !currentFilter()) notes.push(t('export.noQuery'));
    if (formatSelect.value === 'kml') notes.push(t('export.kmlWgs84'));
    $('export-note').textContent = notes.join(' ');
  }

  function run() {
    const collectionId = selectedCollection();
    if (!collectionId) return;
    const params = { format: formatSelect.value, crs: formatSelect.value === 'kml' ? undefined : crsSelect.value };
    const filter = what() === 'query' ? currentFilter() : '';
    if (filter) { params.filter = filter; params['filter-lang'] = 'cql2-text'; }
    const href = exportUrl(collectionId, params);
    const a = el('a', { href, download: '' });
    document.body.append(a);
    a.click();
    a.remove();
    setStatus('export.started', { name: `${collectionId} · ${params.format}` });
  }

  document.querySelectorAll('input[name=export-what]').forEach((r) => r.addEventListener('change', render));
  layerSelect.addEventListener('change', render);
  formatSelect.addEventListener('change', note);
  $('export-run').addEventListener('click', run);
  onLangChange(render);
  render();
  return { refresh: note };
}
