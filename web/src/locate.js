import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat, transform } from 'ol/proj.js';
import { addTranslations, onLangChange, t } from './i18n.js';
import './projections.js';
import './locate.css';

// 定位: go to a coordinate typed as longitude/latitude (decimal or 度分秒) or as CGCS2000 3°
// Gauss–Krüger X/Y, the zone taken from the number in front of the easting (37455000 → zone 37).

addTranslations({
  zh: {
    'tool.locate': '定位',
    'tool.locateHint': '输入经纬度（小数或度分秒）或高斯-克吕格 X/Y 坐标，地图定位并标注',
    'locate.placeholder': '如 109.52, 24.38 或 X=2698000 Y=37455000',
    'locate.go': '定位',
    'locate.clear': '清除标注',
    'locate.lonlat': '经度 {lon}°，纬度 {lat}°',
    'locate.gk': 'CGCS2000 3°带第 {zone} 带（{epsg}）X {x}，Y {y}',
    'locate.error.empty': '请输入坐标',
    'locate.error.unread': '无法识别“{text}”：请输入经纬度（如 109.52, 24.38 或 109°31′12″E 24°22′48″N）或 X/Y（如 X=2698000 Y=37455000）',
    'locate.error.noZone': 'Y 坐标 {y} 前没有带号：3° 带的 Y 写作带号加东坐标，如 37455000（第 37 带）',
    'locate.error.zone': '第 {zone} 带不在本系统支持的范围（柳州为第 36、37 带）',
    'locate.error.range': '坐标超出范围：经度应在 −180…180，纬度在 −90…90',
  },
  en: {
    'tool.locate': 'Locate',
    'tool.locateHint': 'Type longitude/latitude (decimal or degrees-minutes-seconds) or Gauss–Krüger X/Y; the map goes there and marks it',
    'locate.placeholder': 'e.g. 109.52, 24.38 or X=2698000 Y=37455000',
    'locate.go': 'Go',
    'locate.clear': 'Clear marker',
    'locate.lonlat': 'Lon {lon}°, lat {lat}°',
    'locate.gk': 'CGCS2000 3° zone {zone} ({epsg}) X {x}, Y {y}',
    'locate.error.empty': 'Type a coordinate',
    'locate.error.unread': 'Cannot read “{text}”: give longitude/latitude (e.g. 109.52, 24.38 or 109°31′12″E 24°22′48″N) or X/Y (e.g. X=2698000 Y=37455000)',
    'locate.error.noZone': 'Y {y} has no zone number in front: a 3° zone Y is the zone number and the easting, e.g. 37455000 (zone 37)',
    'locate.error.zone': 'Zone {zone} is not one this viewer supports (Liuzhou lies in zones 36 and 37)',
    'locate.error.range': 'Out of range: longitude −180…180, latitude −90…90',
  },
});

const ZONE_CRS = { 36: 'EPSG:4524', 37: 'EPSG:4525' };
const NUMBER = '[-+]?\\d+(?:\\.\\d+)?';

/** An error whose message key and parameters the page shows in its language. */
class LocateError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

/** Degrees from 度分秒 text such as 109°31'12.5"E, 109度31分12秒 or E109 31 12; null when it is not one. */
function dms(text) {
  const s = text.trim().toUpperCase();
  const m = new RegExp(`^([NSEW])?\\s*(${NUMBER})\\s*(?:°|度|\\s)\\s*(?:(${NUMBER})\\s*(?:['′’]|分|\\s)\\s*)?(?:(${NUMBER})\\s*(?:["″”]|''|秒)?\\s*)?([NSEW])?$`).exec(s);
  if (!m || (!m[3] && !m[4] && !/[°度]/.test(s))) return null;
  const hemisphere = m[1] || m[5] || '';
  const value = Number(m[2]) + Number(m[3] || 0) / 60 + Number(m[4] || 0) / 3600;
  return { value: hemisphere === 'S' || hemisphere === 'W' ? -value : value, axis: /[NS]/.test(hemisphere) ? 'lat' : /[EW]/.test(hemisphere) ? 'lon' : null };
}

/**
 * Reads a typed position. Returns {lon, lat, crs, x?, y?, zone?}; throws a LocateError naming what
 * is wrong. Gauss–Krüger: X is the northing, Y the easting with the zone number in front.
 */
export function parseLocation(input) {
  const text = (input || '').trim();
  if (!text) throw new LocateError('locate.error.empty');
  // X=… Y=… in either order, or two plain numbers of which one is a 3° zone easting.
  const labelled = /X\s*[=:：]\s*([-+]?\d+(?:\.\d+)?)[\s,，;；]+Y\s*[=:：]\s*([-+]?\d+(?:\.\d+)?)|Y\s*[=:：]\s*([-+]?\d+(?:\.\d+)?)[\s,，;；]+X\s*[=:：]\s*([-+]?\d+(?:\.\d+)?)/i.exec(text);
  const numbers = text.split(/[\s,，;；]+/).filter(Boolean);
  let x = null;
  let y = null;
  if (labelled) {
    x = Number(labelled[1] ?? labelled[4]);
    y = Number(labelled[2] ?? labelled[3]);
  } else if (numbers.length === 2 && numbers.every((n) => /^[-+]?\d+(\.\d+)?$/.test(n)) && numbers.some((n) => Math.abs(Number(n)) > 1000)) {
    const [a, b] = numbers.map(Number);
    // The easting carries the zone number (tens of millions); the northing of Liuzhou is under ten million.
    [x, y] = a >= 1e7 ? [b, a] : [a, b];
  }
  if (x !== null) {
    if (y < 1e7) throw new LocateError('locate.error.noZone', { y });
    const zone = Math.floor(y / 1e6);
    const crs = ZONE_CRS[zone];
    if (!crs) throw new LocateError('locate.error.zone', { zone });
    const [lon, lat] = transform([y, x], crs, 'EPSG:4326');
    return { lon, lat, crs, x, y, zone };
  }
  // Longitude/latitude: decimal degrees or 度分秒, either order (an N/S/E/W letter or the values decide).
  const parts = text.split(/[,，;；]|\s{2,}|(?<=[NSEWnsew″"秒])\s+/).map((p) => p.trim()).filter(Boolean);
  const pieces = parts.length === 2 ? parts : numbers.length === 2 ? numbers : null;
  if (!pieces) throw new LocateError('locate.error.unread', { text });
  const read = pieces.map((p) => (/^[-+]?\d+(\.\d+)?$/.test(p) ? { value: Number(p), axis: null } : dms(p)));
  if (read.some((r) => r === null || !Number.isFinite(r.value))) throw new LocateError('locate.error.unread', { text });
  let [first, second] = read;
  if (first.axis === 'lat' || second.axis === 'lon' || (!first.axis && !second.axis && Math.abs(first.value) <= 90 && Math.abs(second.value) > 90)) {
    [first, second] = [second, first];
  }
  const lon = first.value;
  const lat = second.value;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new LocateError('locate.error.range');
  return { lon, lat, crs: 'EPSG:4490' };
}

const markerStyle = (label) => new Style({
  image: new Circle({ radius: 8, fill: new Fill({ color: 'rgba(228,0,43,0.25)' }), stroke: new Stroke({ color: '#E4002B', width: 3 }) }),
  text: new Text({
    text: label, offsetY: -20, font: '12px "Noto Sans CJK SC", sans-serif',
    fill: new Fill({ color: '#7a0018' }), stroke: new Stroke({ color: '#fff', width: 3 }),
  }),
});

/** The 定位 box: typed coordinate → the map goes there, with a marker and its coordinates. */
export function createLocate({ button, map, setStatus }) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, zIndex: 60 }));
  const box = document.createElement('form');
  box.id = 'locate-box';
  box.className = 'locate-box';
  box.hidden = true;
  const input = Object.assign(document.createElement('input'), { id: 'locate-input', type: 'text', autocomplete: 'off' });
  const go = Object.assign(document.createElement('button'), { id: 'locate-go', type: 'submit', className: 'primary' });
  const clear = Object.assign(document.createElement('button'), { id: 'locate-clear', type: 'button' });
  const message = Object.assign(document.createElement('p'), { id: 'locate-message', className: 'hint' });
  box.append(input, go, clear, message);
  button.insertAdjacentElement('afterend', box);
  let last = null;

  function label(found) {
    const lonlat = t('locate.lonlat', { lon: found.lon.toFixed(6), lat: found.lat.toFixed(6) });
    if (found.zone) return `${t('locate.gk', { zone: found.zone, epsg: found.crs, x: found.x, y: found.y })}\n${lonlat}`;
    return lonlat;
  }

  function words() {
    input.placeholder = t('locate.placeholder');
    go.textContent = t('locate.go');
    clear.textContent = t('locate.clear');
    source.getFeatures().forEach((f) => f.setStyle(markerStyle(label(f.get('found')))));
    if (last?.error) message.textContent = t(last.error.key, last.error.params);
  }

  function locate(text) {
    try {
      const found = parseLocation(text);
      const marker = new Feature({ geometry: new Point(fromLonLat([found.lon, found.lat])), found });
      marker.setId('located');
      marker.setStyle(markerStyle(label(found)));
      source.clear();
      source.addFeature(marker);
      map.getView().animate({ center: fromLonLat([found.lon, found.lat]), zoom: Math.max(map.getView().getZoom(), 16), duration: 400 });
      message.textContent = label(found).replace('\n', '；');
      message.classList.remove('error');
      last = { found };
      return found;
    } catch (e) {
      if (!(e instanceof LocateError)) throw e;
      last = { error: e };
      message.textContent = t(e.key, e.params);
      message.classList.add('error');
      setStatus(e.key, e.params, true);
      return null;
    }
  }

  button.addEventListener('click', () => {
    box.hidden = !box.hidden;
    if (!box.hidden) input.focus();
  });
  box.addEventListener('submit', (e) => { e.preventDefault(); locate(input.value); });
  clear.addEventListener('click', () => { source.clear(); message.textContent = ''; last = null; });
  onLangChange(words);
  words();
  return { locate, source };
}
