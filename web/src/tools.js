import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import { getArea, getLength } from 'ol/sphere.js';
import { toLonLat } from 'ol/proj.js';
import { unByKey } from 'ol/Observable.js';
import { onLangChange, t } from './i18n.js';
import { gaussKrugerFor, toGaussKruger } from './projections.js';
import { drawStyle } from './styles.js';
import { composeMapCanvas } from './mapImage.js';

const SQM_PER_MU = 666.67;

export function formatLength(m) {
  return m >= 1000 ? `${(m / 1000).toFixed(3)} km` : `${m.toFixed(1)} m`;
}

export function formatArea(m2) {
  return t('measure.area', {
    m2: Math.round(m2).toLocaleString(),
    ha: (m2 / 10000).toLocaleString(undefined, { maximumFractionDigits: 4 }),
    mu: (m2 / SQM_PER_MU).toLocaleString(undefined, { maximumFractionDigits: 2 }),
  });
}

/** Distance and area on the ellipsoid (ol/sphere), shown live while drawing. */
export function createMeasure(map, readout) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: drawStyle, zIndex: 50 }));
  let draw = null;
  let listener = null;
  let last = null;

  function text(geometry) {
    if (geometry.getType() === 'Polygon') return formatArea(getArea(geometry));
    return t('measure.length', { v: formatLength(getLength(geometry)) });
  }

  function show(geometry) {
    last = geometry;
    readout.textContent = text(geometry);
    readout.hidden = false;
  }

  function start(type) {
    stop();
    source.clear();
    draw = new Draw({ source, type, style: drawStyle });
    map.set('busyTool', 'measure');
    draw.on('drawstart', (e) => {
      listener = e.feature.getGeometry().on('change', (ev) => show(ev.target));
    });
    draw.on('drawend', (e) => {
      show(e.feature.getGeometry());
      if (listener) unByKey(listener);
    });
    map.addInteraction(draw);
  }

  function stop() {
    if (draw) map.removeInteraction(draw);
    draw = null;
    if (map.get('busyTool') === 'measure') map.set('busyTool', null);
  }

  function clear() {
    stop();
    source.clear();
    last = null;
    readout.hidden = true;
  }

  onLangChange(() => { if (last) show(last); });
  return { start, stop, clear };
}

/** Cursor position in lon/lat and in the 3° Gauss–Krüger zone it falls in. */
export function createCoordinates(map, lonLatEl, gkEl) {
  let lastCoordinate = null;
  function render() {
    if (!lastCoordinate) { lonLatEl.textContent = ''; gkEl.textContent = ''; return; }
    const [lon, lat] = toLonLat(lastCoordinate);
    lonLatEl.textContent = t('coords.lonlat', { lon: lon.toFixed(6), lat: lat.toFixed(6) });
    const zone = gaussKrugerFor(lon);
    if (!zone) { gkEl.textContent = ''; return; }
    const [e, n] = toGaussKruger(lastCoordinate, zone.epsg);
    gkEl.textContent = t('coords.gk', { zone: zone.zone, cm: zone.cm, epsg: zone.epsg, n: n.toFixed(2), e: e.toFixed(2) });
  }
  map.on('pointermove', (e) => { if (!e.dragging) { lastCoordinate = e.coordinate; render(); } });
  map.getViewport().addEventListener('mouseleave', () => { lastCoordinate = null; render(); });
  onLangChange(render);
}

/** The map as the screen shows it, downloaded as a PNG. */
export function saveMapPng(map, onError) {
  map.once('rendercomplete', () => {
    const out = composeMapCanvas(map);
    try {
      out.toBlob((blob) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'liudong-map.png';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      }, 'image/png');
    } catch {
      onError(); // a basemap without CORS headers taints the canvas
    }
  });
  map.renderSync();
}
