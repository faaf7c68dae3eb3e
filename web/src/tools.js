import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import { getArea, getLength } from 'ol/sphere.js';
import { toLonLat } from 'ol/proj.js';
import { unByKey } from 'ol/Observable.js';
import { onLangChange, t } from './i18n.js';
import { gaussKrugerFor, toGaussKruger } from './projections.js';
import { measuredStyle, measuringStyle } from './styles.js';
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

/**
 * Distance and area on the ellipsoid (ol/sphere), shown live while drawing. Every measurement
 * stays on the map with its figure beside it until 清除, drawn dark on a white casing so that it
 * reads over any land-use colour (the orange of commercial land included).
 */
export function createMeasure(map, readout) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: measuredStyle, zIndex: 50 }));
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
    draw = new Draw({ source, type, style: measuringStyle });
    map.set('busyTool', 'measure');
    draw.on('drawstart', (e) => {
      listener = e.feature.getGeometry().on('change', (ev) => show(ev.target));
    });
    draw.on('drawend', (e) => {
      show(e.feature.getGeometry());
      e.feature.set('measure', text(e.feature.getGeometry()));
      if (listener) unByKey(listener);
      // The double click that ends a measurement must not identify what lies under it.
      setTimeout(stop, 500);
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

  onLangChange(() => {
    source.getFeatures().forEach((f) => f.set('measure', text(f.getGeometry())));
    if (last) show(last);
  });
  return { start, stop, clear, count: () => source.getFeatures().length };
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

const CAVEAT_BAND = { background: '#fff4cc', ink: '#6b4f00', fontPx: 12, linePx: 16, padPx: 6 };

/** Text broken into lines no wider than `width` (character by character: Chinese has no spaces). */
function wrapText(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The map as the screen shows it, with the data caveat (schematic layout, synthetic parcels) in a
 * band underneath — a saved image travels without the page around it — downloaded as a PNG.
 */
export function saveMapPng(map, onError) {
  map.once('rendercomplete', () => {
    const ratio = window.devicePixelRatio || 1;
    const picture = composeMapCanvas(map, ratio);
    const out = document.createElement('canvas');
    out.width = picture.width;
    const mapHeight = picture.height;
    const font = `${Math.round(CAVEAT_BAND.fontPx * ratio)}px sans-serif`;
    const pad = Math.round(CAVEAT_BAND.padPx * ratio);
    const lineHeight = Math.round(CAVEAT_BAND.linePx * ratio);
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = font;
    const lines = wrapText(measure, `${t('caveat.title')}${t('caveat.text')}`, out.width - 2 * pad);
    out.height = mapHeight + lines.length * lineHeight + 2 * pad;
    const ctx = out.getContext('2d');
    ctx.drawImage(picture, 0, 0);
    ctx.fillStyle = CAVEAT_BAND.background;
    ctx.fillRect(0, mapHeight, out.width, out.height - mapHeight);
    ctx.fillStyle = CAVEAT_BAND.ink;
    ctx.font = font;
    ctx.textBaseline = 'top';
    lines.forEach((line, i) => ctx.fillText(line, pad, mapHeight + pad + i * lineHeight));
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
