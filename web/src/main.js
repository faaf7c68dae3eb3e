import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { fetchCollections, fetchConfig, fetchItem } from './api.js';
import { applyTranslations, lang, onLangChange, pick, setLang, t } from './i18n.js';
import './projections.js';
import { buildLayers, readFeature } from './layers.js';
import { createLayerPanel } from './layerpanel.js';
import { createAreaLabels } from './labels.js';
import { createOverviewNote } from './overviewNote.js';
import { debounce } from './dom.js';
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
import { createReveal, setupSmallScreen } from './screen.js';
import { createStatisticsPanel } from './statistics.js';
import { createRedlinePanel } from './redline.js';
import { createIndicatorPanel } from './indicators.js';
import { startAccount } from './account.js';
import { createAttributeTable } from './attributeTable.js';

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
  // A parameter may be a function, so that a name in it follows a language switch too.
  const params = Object.fromEntries(Object.entries(status.params).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
  box.textContent = status.key ? t(status.key, params) : '';
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
  const screen = setupSmallScreen();
  createIndicatorPanel({ container: $('panel-indicators') });
  setStatus('status.loading');
  await startAccount($('account-area'));  // signs in first when the server serves no anonymous visitors

  const [config, collections] = await Promise.all([
    fetchConfig(),
    fetchCollections().catch(() => { setStatus('status.noCatalogue', {}, true); return []; }),
  ]);
  const landUseClasses = config.landUseClasses || [];
  setLandUseClasses(landUseClasses);

  // A basemap that cannot be loaded (no internet, a wrong key) says so instead of a blank map.
  const basemaps = createBasemaps(config, ({ name, loaded, failed }) => {
    const label = () => t(`basemap.${name.replace(/-(\w)/g, (_, c) => c.toUpperCase())}`);
    if (failed && !loaded) setStatus('basemap.failed', { name: label }, true);
    else if (failed) setStatus('basemap.partial', { name: label, failed }, true);
  });
  const map = new Map({
    target: 'map',
    layers: [basemaps.group],
    view: new View({ center: fromLonLat(link.view?.center || LIUDONG), zoom: link.view?.zoom ?? 12, maxZoom: 20, minZoom: 5 }),
    // OpenLayers' own default makes the wheel and drag wait for the map to have the focus (the
    // map div has a tabindex, for the keyboard): the planner's first click then both focused the
    // map and opened an info panel. The page does not scroll, so the wheel can always zoom.
    interactions: defaultInteractions({ onFocusOnly: false }),
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
  // 属性表 of any layer: a row shows its feature on the map, a click on the map marks its row.
  const attributeTable = createAttributeTable({
    box: $('attr-table'),
    onSelect: (entry, feature) => {
      if (!entry.layer.getVisible()) { entry.layer.setVisible(true); panel.render(); sync(); }
      highlightFeature(feature);
      zoomTo(feature);
    },
    onResize: () => map.updateSize(),
  });
  const panel = createLayerPanel({
    container: $('layer-tree'), legend: $('legend'), entries, landUseClasses, onChange: sync,
    onTable: (entry) => { screen.showMap(); attributeTable.open(entry); },
  });

  const identify = createIdentify({
    panel: $('identify'), title: $('identify-title'), body: $('identify-body'), closeButton: $('identify-close'),
    landUseClasses,
    findArea: (id) => {
      for (const entry of entries.filter((e) => e.kind)) {
        const feature = entry.source.getFeatureById(id);
        if (feature) return { entry, feature };
      }
      return null;
    },
    onOpenArea: ({ entry, feature }) => {
      identify.show(entry, { id: feature.getId(), ...feature.getProperties() }, feature);
      highlightFeature(feature);
      zoomTo(feature);
    },
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

  // The info panel must not cover what it describes: views keep clear of it.
  const reveal = createReveal(map, $('identify'));
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
    map.getView().fit(geometry.getExtent(), { padding: reveal.padding(), maxZoom: 17, duration: 300 });
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
  createAreaLabels(map, entries);
  createOverviewNote({ map, entry: parcels, box: $('overview-note') });

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
    // A click that only closed the search list (or the tools menu) is not a question about the map.
    if (dismissingClick) { dismissingClick = false; return; }
    const hits = [];
    map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      const entry = entries.find((x) => x.layer === layer);
      if (entry && !hits.some((h) => h.entry === entry && h.feature.getId() === feature.getId())) {
        hits.push({ entry, feature, properties: { id: feature.getId(), ...feature.getProperties() } });
      }
    }, { hitTolerance: 5 });
    hits.sort((a, b) => (PRIORITY[a.entry.group] ?? 9) - (PRIORITY[b.entry.group] ?? 9));
    if (!hits.length) { identify.hide(); return; }
    const tableHit = hits.find((h) => h.entry === attributeTable.entry());
    if (tableHit) attributeTable.select(tableHit.feature.getId() ?? tableHit.properties.id);
    const [top, ...others] = hits;
    if (top.entry.role === 'land_parcel') {
      showParcel(top.entry, top.feature.getId() ?? top.properties.id, top.properties, others);
    } else {
      identify.show(top.entry, top.properties, top.feature, others);
      highlightFeature(top.feature);
    }
    reveal.keepVisible(top.feature);
  });
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    map.getTargetElement().style.cursor = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => entries.some((x) => x.layer === l) })
      ? 'pointer' : '';
  });

  let dismissingClick = false;
  map.getViewport().addEventListener('pointerdown', () => {
    dismissingClick = !$('search-results').hidden || $('topbar-tools').classList.contains('open');
  }, true);

  createSearch({
    input: $('search-input'), list: $('search-results'), entries,
    parcelsCollectionId: parcels?.collectionId,
    onChoose: (entry, feature) => {
      entry.layer.setVisible(true);
      panel.render();
      identify.show(entry, { id: feature.getId(), ...feature.getProperties() }, feature);
      highlightFeature(feature);
      if (entry.role === 'land_parcel') showParcel(entry, feature.getId(), { id: feature.getId(), ...feature.getProperties() });
      zoomTo(feature);
    },
  });

  const areaFeatures = () => entries.filter((e) => e.kind).flatMap((e) => e.source.getFeatures());
  let exporter = null;
  let statistics = null;
  const query = createParcelQuery({
    map, parcelsCollectionId: parcels?.collectionId, landUseClasses, areaFeatures, fitPadding: () => reveal.padding(),
    onQueryChange: () => { exporter?.refresh(); statistics?.queryChanged(); sync(); },
    identify: (feature) => {
      screen.showMap();
      identify.show(parcels, { id: feature.getId(), ...feature.getProperties() }, feature);
      showParcel(parcels, feature.getId(), { id: feature.getId(), ...feature.getProperties() });
    },
  });
  exporter = createExport({
    map, entries, parcelsCollectionId: parcels?.collectionId, currentFilter: () => query.filter(), currentLabel: () => query.label(), setStatus,
  });
  statistics = createStatisticsPanel({ container: $('panel-statistics'), parcelsCollectionId: parcels?.collectionId, landUseClasses,
    areaFeatures, query, onChange: () => sync() });
  const redline = createRedlinePanel({ container: $('panel-redline'), map, setStatus });
  document.querySelector('.tabs .tab[data-tab=statistics]').addEventListener('click', () => statistics.show());

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
    if (status.key.startsWith('basemap.')) setStatus('status.ready');
    sync();
  });
  onLangChange(() => { basemaps.decorate(basemapSelect); sync(); });

  function updatePermalink() {
    const view = map.getView();
    return writePermalink({
      zoom: view.getZoom(), center: toLonLat(view.getCenter()),
      layers: entries.filter((e) => e.layer.getVisible()).map((e) => e.key),
      basemap: basemaps.current(), lang: lang(), query: query.current(),
      extra: { ...compare.toParams(), ...(panel.categoriesParam() ? { cat: panel.categoriesParam() } : {}) },
      stats: document.querySelector('.tabs .tab[data-tab=statistics]').classList.contains('active') ? statistics.state() : null,
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
  if (link.stats) {
    statistics.restore(link.stats);
    document.querySelector('.tabs .tab[data-tab=statistics]').click();
  }
  compare.restore(link.params);
  // Imported layers coloured by category: cat=<layer>:<property>,…
  if (link.params.get('cat')) {
    const chosen = {};
    for (const part of link.params.get('cat').split(',')) {
      const i = part.indexOf(':');
      if (i > 0) chosen[part.slice(0, i)] = part.slice(i + 1);
    }
    await panel.restoreCategories(chosen);
  }
  if (!status.isError) setStatus('status.ready');
  document.body.dataset.ready = 'true';

  // For the browser tests and for anyone poking at the map from the console.
  window.planview = { map, entries, query, identify, measure, toLonLat, statistics, redline, print, locate, compare, attributeTable };
}

start().catch((e) => {
  setStatus('status.failed', { detail: e.message }, true);
  document.body.dataset.ready = 'error';
});
