import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { fetchCollections, fetchConfig, fetchItem } from './api.js';
import { applyTranslations, lang, onLangChange, pick, setLang, t } from './i18n.js';
import './projections.js';
import { buildLayers, readFeature } from './layers.js';
import { createLayerPanel, debounce } from './layerpanel.js';
import { createBasemaps } from './basemaps.js';
import { createIdentify } from './identify.js';
import { createSearch } from './search.js';
import { createParcelQuery } from './query.js';
import { createExport } from './exporter.js';
import { createCoordinates, createMeasure, saveMapPng } from './tools.js';
import { createPrint } from './print.js';
import { openParcelSheet } from './parcelSheet.js';
import { createLocate } from './locate.js';
import { createCompare } from './compare.js';
import { readPermalink, writePermalink } from './permalink.js';
import { highlightStyle, setLandUseClasses } from './styles.js';
import { createIndicatorPanel } from './indicators.js';

const $ = (id) => document.getElementById(id);
// Which layer answers a click first when features overlap: the smallest thing wins.
const PRIORITY = { projects: 0, parcels: 1, imported: 2, clusters: 3, parks: 4, zones: 5, structure: 6 };
const LIUDONG = [109.52, 24.38];

// The status line keeps its message as a key, so that it follows a language switch.
let status = { key: '', params: {}, isError: false };
function setStatus(key, params = {}, isError = false) {
  status = { key, params, isError };
  renderStatus();
}
function renderStatus() {
  const box = $('status-message');
  box.textContent = status.key ? t(status.key, status.params) : '';
  box.classList.toggle('error', status.isError);
}
onLangChange(renderStatus);

function setupTabs() {
  document.querySelectorAll('.tabs .tab').forEach((tab) => {
    tab.addEventListener('click', () => {
      document.querySelectorAll('.tabs .tab').forEach((x) => x.classList.toggle('active', x === tab));
      document.querySelectorAll('.tab-panel').forEach((p) => { p.hidden = p.dataset.panel !== tab.dataset.tab; });
    });
  });
}

function setupLanguage() {
  const button = $('lang-switch');
  const label = () => {
    button.textContent = lang() === 'zh' ? 'English' : '中文';
    button.lang = lang() === 'zh' ? 'en' : 'zh-CN';
  };
  button.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(label);
  label();
}

async function start() {
  const link = readPermalink();
  if (link.lang === 'en') setLang('en');
  applyTranslations();
  setupTabs();
  setupLanguage();
  createIndicatorPanel({ container: $('panel-indicators') });
  setStatus('status.loading');

  const [config, collections] = await Promise.all([
    fetchConfig(),
    fetchCollections().catch(() => { setStatus('status.noCatalogue', {}, true); return []; }),
  ]);
  const landUseClasses = config.landUseClasses || [];
  setLandUseClasses(landUseClasses);

  const basemaps = createBasemaps(config);
  const map = new Map({
    target: 'map',
    layers: [basemaps.group],
    view: new View({ center: fromLonLat(link.view?.center || LIUDONG), zoom: link.view?.zoom ?? 12, maxZoom: 20, minZoom: 5 }),
    controls: defaultControls({ attributionOptions: { collapsible: true } })
      .extend([new ScaleLine({ bar: true, steps: 4, text: true, minWidth: 140 })]),
  });

  const failed = (id, e) => setStatus('status.loadFailed', { name: `${id} (${e.message})` }, true);
  const { entries, ready } = buildLayers(collections, failed);
  entries.forEach((e) => map.addLayer(e.layer));
  // Map labels are drawn in the page's language.
  onLangChange(() => entries.forEach((e) => e.layer.changed()));
  if (link.layers) entries.forEach((e) => e.layer.setVisible(link.layers.includes(e.key)));

  const highlight = new VectorSource();
  map.addLayer(new VectorLayer({ source: highlight, style: highlightStyle, zIndex: 45 }));

  const sync = debounce(() => updatePermalink(), 250);
  const panel = createLayerPanel({ container: $('layer-tree'), legend: $('legend'), entries, landUseClasses, onChange: sync });

  const identify = createIdentify({
    panel: $('identify'), title: $('identify-title'), body: $('identify-body'), closeButton: $('identify-close'),
    landUseClasses,
    onZoom: ({ feature }) => zoomTo(feature),
    onClose: () => highlight.clear(),
    actions: ({ entry, properties }) => {
      if (entry.role !== 'land_parcel' || properties.id === undefined || properties.id === null) return [];
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tool';
      b.id = 'identify-sheet';
      b.textContent = t('sheet.button');
      b.addEventListener('click', () => parcelSheet(entry, properties.id));
      return [b];
    },
  });

  // 地块图则 of a parcel, in the print preview.
  async function parcelSheet(entry, id) {
    setStatus('print.working');
    try {
      const zones = entries.filter((e) => e.kind === 'zone');
      const district = createEmpty();
      zones.forEach((e) => { if (e.source.getFeatures().length) extend(district, e.source.getExtent()); });
      const names = {};  // area id → name (the sheet names the zone or cluster, not its code)
      entries.filter((e) => e.kind).forEach((e) => e.source.getFeatures().forEach((f) => { names[f.getId()] = pick(f.getProperties(), 'name'); }));
      await openParcelSheet({
        map, entry, id, landUseClasses, areaName: (areaId) => names[areaId], highlight: highlightFeature,
        districtExtent: isEmpty(district) ? null : district, producer: config.producer,
      });
      setStatus('status.ready');
    } catch (e) {
      setStatus('status.failed', { detail: e.message }, true);
    }
  }

  function zoomTo(feature) {
    const geometry = feature?.getGeometry?.();
    if (!geometry) return;
    map.getView().fit(geometry.getExtent(), { padding: [80, 80, 80, 80], maxZoom: 17, duration: 300 });
  }

  function highlightFeature(feature) {
    highlight.clear();
    if (feature instanceof Feature && feature.getGeometry()) {
      highlight.addFeature(feature.clone());
    }
  }

  // The parcel query runs on the shipped parcel layer; other layers of the parcels group (a
  // planner's own, imported) are browsed and exported like any layer.
  const parcels = entries.find((e) => e.key === 'land-parcels') || entries.find((e) => e.role === 'land_parcel');

  // Parcels drawn from tiles carry only what the tile holds; their full record comes from the API.
  async function showParcel(entry, id, fallbackProps, others = []) {
    identify.show(entry, fallbackProps, null, others);
    if (id === undefined || id === null) return;
    try {
      const item = await fetchItem(entry.collectionId, id);
      const feature = readFeature(item);
      identify.show(entry, { id: item.id, ...item.properties }, feature, others);
      highlightFeature(feature);
    } catch { /* the tile's properties stay on show */ }
  }

  map.on('singleclick', (e) => {
    if (map.get('busyTool')) return;
    const hits = [];
    map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      const entry = entries.find((x) => x.layer === layer);
      if (entry && !hits.some((h) => h.entry === entry && h.feature.getId() === feature.getId())) {
        hits.push({ entry, feature, properties: { id: feature.getId(), ...feature.getProperties() } });
      }
    }, { hitTolerance: 5 });
    hits.sort((a, b) => (PRIORITY[a.entry.group] ?? 9) - (PRIORITY[b.entry.group] ?? 9));
    if (!hits.length) { identify.hide(); return; }
    const [top, ...others] = hits;
    if (top.entry.role === 'land_parcel') {
      showParcel(top.entry, top.feature.getId() ?? top.properties.id, top.properties, others);
    } else {
      identify.show(top.entry, top.properties, top.feature, others);
      highlightFeature(top.feature);
    }
  });
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    map.getTargetElement().style.cursor = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => entries.some((x) => x.layer === l) })
      ? 'pointer' : '';
  });

  createSearch({
    input: $('search-input'), list: $('search-results'), entries,
    parcelsCollectionId: parcels?.collectionId,
    onChoose: (entry, feature) => {
      entry.layer.setVisible(true);
      panel.render();
      zoomTo(feature);
      if (entry.role === 'land_parcel') {
        identify.show(entry, { id: feature.getId(), ...feature.getProperties() }, feature);
        highlightFeature(feature);
        showParcel(entry, feature.getId(), { id: feature.getId(), ...feature.getProperties() });
      } else {
        identify.show(entry, { id: feature.getId(), ...feature.getProperties() }, feature);
        highlightFeature(feature);
      }
    },
  });

  const areaFeatures = () => entries.filter((e) => e.kind).flatMap((e) => e.source.getFeatures());
  let exporter = null;
  const query = createParcelQuery({
    map, parcelsCollectionId: parcels?.collectionId, landUseClasses, areaFeatures,
    onQueryChange: () => { exporter?.refresh(); sync(); },
    identify: (feature) => {
      identify.show(parcels, { id: feature.getId(), ...feature.getProperties() }, feature);
      showParcel(parcels, feature.getId(), { id: feature.getId(), ...feature.getProperties() });
    },
  });
  exporter = createExport({ entries, parcelsCollectionId: parcels?.collectionId, currentFilter: () => query.filter(), setStatus });

  // ------------------------------------------------------------ tools
  const measure = createMeasure(map, $('measure-readout'));
  $('tool-measure-line').addEventListener('click', () => measure.start('LineString'));
  $('tool-measure-area').addEventListener('click', () => measure.start('Polygon'));
  $('tool-clear').addEventListener('click', () => { measure.clear(); highlight.clear(); });
  createCoordinates(map, $('coords-lonlat'), $('coords-gk'));
  $('tool-png').addEventListener('click', () => saveMapPng(map, () => setStatus('tool.pngTainted', {}, true)));
  const locate = createLocate({ button: $('tool-locate'), map, setStatus });
  const compare = createCompare({
    button: $('tool-compare'), map, entries, collections, basemaps, basemapNames: basemaps.names,
    onChange: () => { panel.render(); sync(); },
  });
  const print = createPrint({
    button: $('tool-print'), map, entries, landUseClasses, basemapLayer: basemaps.group, producer: config.producer, setStatus,
  });
  $('tool-permalink').addEventListener('click', async () => {
    const url = updatePermalink();
    try {
      await navigator.clipboard.writeText(url);
      setStatus('tool.permalinkCopied');
    } catch {
      setStatus('tool.permalinkShown');
    }
  });

  const basemapSelect = $('basemap-select');
  if (link.basemap) basemaps.set(link.basemap);
  basemaps.decorate(basemapSelect);
  basemapSelect.addEventListener('change', () => {
    if (!basemaps.set(basemapSelect.value)) basemapSelect.value = basemaps.current();
    sync();
  });
  onLangChange(() => { basemaps.decorate(basemapSelect); sync(); });

  function updatePermalink() {
    const view = map.getView();
    return writePermalink({
      zoom: view.getZoom(), center: toLonLat(view.getCenter()),
      layers: entries.filter((e) => e.layer.getVisible()).map((e) => e.key),
      basemap: basemaps.current(), lang: lang(), query: query.current(), extra: compare.toParams(),
    });
  }
  map.on('moveend', sync);

  await ready;
  query.refreshChoices();
  if (!link.view) {
    const extent = createEmpty();
    entries.filter((e) => e.kind)
      .forEach((e) => { if (e.source.getFeatures().length) extend(extent, e.source.getExtent()); });
    if (!isEmpty(extent)) map.getView().fit(extent, { padding: [30, 30, 30, 30] });
  }
  if (link.query) {
    document.querySelector('.tabs .tab[data-tab=query]').click();
    query.restore(link.query);
  }
  compare.restore(link.params);
  if (!status.isError) setStatus('status.ready');
  document.body.dataset.ready = 'true';

  // For the browser tests and for anyone poking at the map from the console.
  window.planview = { map, entries, query, identify, toLonLat, print, locate, compare };
}

start().catch((e) => {
  setStatus('status.failed', { detail: e.message }, true);
  document.body.dataset.ready = 'error';
});
