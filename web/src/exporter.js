import { transformExtent } from 'ol/proj.js';
import { exportUrl, fetchItems, fetchTotals } from './api.js';
import { debounce, el } from './dom.js';
import { has, lang, onLangChange, t } from './i18n.js';
import { EXPORT_CRS } from './projections.js';

const FORMATS = ['shapefile', 'gpkg', 'geojson', 'csv', 'kml', 'dxf'];
const ENCODINGS = ['UTF-8', 'GBK'];
const CSV_GEOMETRY = ['wkt', 'xy'];
// The export always writes the feature id; the other fields can be left out.
const ALWAYS = 'id';

function formatsOffered(collection) {
  // An export link in the catalogue may list the formats the server writes; otherwise offer all.
  const link = (collection?.links || []).find((l) => /export/.test(l.rel || '') || /\/export/.test(l.href || ''));
  const listed = collection?.exportFormats || link?.formats;
  return Array.isArray(listed) && listed.length ? FORMATS.filter((f) => listed.includes(f)) : FORMATS;
}

/**
 * The export panel: every option of GET /collections/{id}/export (what, the map's extent or all,
 * format, CRS, a Shapefile's encoding, a CSV's geometry, the fields), and before the download a
 * preview of what the file will hold — the count, CRS, encoding and fields — asked of the server
 * with the same query the export runs.
 */
export function createExport({ map, entries, parcelsCollectionId, currentFilter, currentLabel, setStatus }) {
  const $ = (id) => document.getElementById(id);
  const layerSelect = $('export-layer');
  const formatSelect = $('export-format');
  const crsSelect = $('export-crs');
  const encodingSelect = $('export-encoding');
  const csvSelect = $('export-csv-geometry');
  const inView = $('export-in-view');
  const fieldsBox = $('export-fields');
  const preview = $('export-preview');
  const collections = [];
  for (const e of entries) {
    if (!collections.some((c) => c.id === e.collectionId)) collections.push({ id: e.collectionId, collection: e.collection, title: e.title });
  }
  let fields = [];              // the fields the chosen collection's export writes
  const leftOut = new Set();    // of those, the ones the planner unticked
  let fieldsOf = null;
  let previewSeq = 0;

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
    const encoding = encodingSelect.value || 'UTF-8';
    encodingSelect.replaceChildren(...ENCODINGS.map((e) => el('option', { value: e, text: t(`export.encoding.${e}`) })));
    encodingSelect.value = encoding;
    const geometry = csvSelect.value || 'wkt';
    csvSelect.replaceChildren(...CSV_GEOMETRY.map((g) => el('option', { value: g, text: t(`export.csvGeometry.${g}`) })));
    csvSelect.value = geometry;
    renderFields();
    changed();
  }

  function what() {
    return document.querySelector('input[name=export-what]:checked')?.value || 'query';
  }

  function selectedCollection() {
    return what() === 'query' ? parcelsCollectionId : layerSelect.value;
  }

  function format() {
    return formatSelect.value;
  }

  /** The export's parameters, as the download and the preview send them. */
  function params() {
    const p = { format: format() };
    // KML is defined in WGS 84 longitude/latitude only; the server writes it so whatever is asked.
    if (format() !== 'kml') p.crs = crsSelect.value;
    if (format() === 'shapefile') p.encoding = encodingSelect.value;
    if (format() === 'csv') p.geometry = csvSelect.value;
    const filter = what() === 'query' ? currentFilter() : '';
    if (filter) { p.filter = filter; p['filter-lang'] = 'cql2-text'; }
    if (inView.checked) {
      const [w, s, e, n] = transformExtent(map.getView().calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326');
      p.bbox = [w, s, e, n].map((v) => v.toFixed(6)).join(',');
    }
    const kept = fields.filter((f) => f !== ALWAYS && !leftOut.has(f));
    if (leftOut.size && kept.length) p.properties = kept.join(',');
    const label = what() === 'query' ? currentLabel() : '';
    if (label) p.label = label;
    return p;
  }

  function renderFields() {
    fieldsBox.replaceChildren(...fields.map((f) => {
      const box = el('input', { type: 'checkbox', value: f, checked: !leftOut.has(f), disabled: f === ALWAYS });
      box.addEventListener('change', () => {
        if (box.checked) leftOut.delete(f); else leftOut.add(f);
        changed();
      });
      return el('label', {}, box, el('span', { text: has(`attr.${f}`) ? `${f}（${t(`attr.${f}`)}）` : f }));
    }));
  }

  /** The fields of the chosen collection's features: what its export writes unless told otherwise. */
  async function loadFields(collectionId) {
    if (fieldsOf === collectionId) return;
    fieldsOf = collectionId;
    leftOut.clear();
    const page = await fetchItems(collectionId, { limit: 1 });
    if (fieldsOf !== collectionId) return;
    fields = [ALWAYS, ...Object.keys(page.features?.[0]?.properties || {}).filter((f) => f !== ALWAYS)];
    renderFields();
  }

  function note() {
    layerSelect.disabled = what() === 'query';
    crsSelect.disabled = format() === 'kml';
    $('export-encoding-box').hidden = format() !== 'shapefile';
    $('export-csv-box').hidden = format() !== 'csv';
    const notes = [];
    if (what() === 'query' && !currentFilter()) notes.push(t('export.noQuery'));
    if (format() === 'kml') notes.push(t('export.kmlWgs84'));
    if (format() === 'shapefile') notes.push(t('export.dbfNames'));
    $('export-note').textContent = notes.join(' ');
  }

  const updatePreview = debounce(async () => {
    const collectionId = selectedCollection();
    const seq = ++previewSeq;
    if (!collectionId) return;
    preview.dataset.count = '';
    preview.textContent = t('export.previewing');
    try {
      await loadFields(collectionId);
      const p = params();
      const { filter, bbox } = p;
      const totals = await fetchTotals(collectionId, { filter, 'filter-lang': p['filter-lang'], bbox });
      if (seq !== previewSeq) return;
      const crs = format() === 'kml' ? null : EXPORT_CRS.find((c) => c.code === p.crs);
      const written = p.properties ? [ALWAYS, ...p.properties.split(',')] : fields;
      preview.dataset.count = String(totals.numberMatched);
      preview.dataset.crs = p.crs || 'CRS84';
      preview.dataset.encoding = p.encoding || '';
      preview.dataset.fields = written.join(',');
      preview.replaceChildren(
        el('div', { class: 'preview-count', text: t('export.previewCount', { count: totals.numberMatched.toLocaleString() }) }),
        el('div', { text: t('export.previewCrs', { crs: crs ? (lang() === 'en' ? crs.en : crs.zh) : t('export.wgs84') }) }),
        p.encoding ? el('div', { text: t('export.previewEncoding', { encoding: t(`export.encoding.${p.encoding}`) }) }) : null,
        el('div', { text: t('export.previewFields', { n: written.length, fields: written.join(', ') }) }),
      );
      $('export-run').disabled = totals.numberMatched === 0;
    } catch (e) {
      if (seq !== previewSeq) return;
      preview.textContent = t('export.previewFailed', { detail: e.message });
    }
  }, 150);

  function changed() {
    note();
    updatePreview();
  }

  function run() {
    const collectionId = selectedCollection();
    if (!collectionId) return;
    const p = params();
    const a = el('a', { href: exportUrl(collectionId, p), download: '' });
    document.body.append(a);
    a.click();
    a.remove();
    setStatus('export.started', { name: `${collectionId} · ${p.format}` });
  }

  document.querySelectorAll('input[name=export-what]').forEach((r) => r.addEventListener('change', render));
  layerSelect.addEventListener('change', render);
  [formatSelect, crsSelect, encodingSelect, csvSelect, inView].forEach((c) => c.addEventListener('change', changed));
  // The map's extent is part of the export only while that box is ticked.
  map.on('moveend', () => { if (inView.checked) updatePreview(); });
  $('export-run').addEventListener('click', run);
  onLangChange(render);
  render();
  return { refresh: changed };
}
