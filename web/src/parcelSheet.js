import { getCenter, getHeight, getWidth } from 'ol/extent.js';
import { toLonLat } from 'ol/proj.js';
import { addTranslations, pick, t } from './i18n.js';
import { fetchItem } from './api.js';
import { el } from './dom.js';
import { readFeature } from './layers.js';
import { gaussKrugerFor } from './projections.js';
import { canvasToDataUrl, renderMapImage, resolutionForScale, roundScale, scaleForResolution } from './mapImage.js';
import { northArrowSvg, scaleBarSvg, scaleText } from './printSheet.js';
import { logPrint, showPreview } from './print.js';

// 地块图则: one parcel on one A4 sheet — the parcel on the map, its boundary points (J1…Jn) in the
// CGCS2000 3° Gauss–Krüger zone it lies in, as PostGIS transforms them (the server's answer for
// crs=EPSG:4524/4525), its indicators, and a location inset.

addTranslations({
  zh: {
    'sheet.button': '地块图则',
    'sheet.title': '地块图则 {code}',
    'sheet.points': '界址点坐标（CGCS2000 3°带高斯-克吕格第 {zone} 带，{epsg}，单位：米）',
    'sheet.point': '点号',
    'sheet.ring': '圈号',
    'sheet.x': 'X（北）',
    'sheet.y': 'Y（东，含带号）',
    'sheet.edge': '边长',
    'sheet.indicators': '地块指标',
    'sheet.location': '区位',
    'sheet.crs': '界址点坐标由服务器以 PostGIS ST_Transform 换算；圈号 1 为外圈，2 起为内圈（洞）。',
    'sheet.noGeometry': '该地块没有几何图形',
  },
  en: {
    'sheet.button': 'Parcel sheet',
    'sheet.title': 'Parcel sheet {code}',
    'sheet.points': 'Boundary points (CGCS2000 3° Gauss–Krüger zone {zone}, {epsg}, metres)',
    'sheet.point': 'Point',
    'sheet.ring': 'Ring',
    'sheet.x': 'X (north)',
    'sheet.y': 'Y (east, with zone)',
    'sheet.edge': 'Edge',
    'sheet.indicators': 'Indicators',
    'sheet.location': 'Location',
    'sheet.crs': 'Boundary points are transformed by the server (PostGIS ST_Transform); ring 1 is the outer ring, 2 and up are holes.',
    'sheet.noGeometry': 'The parcel has no geometry',
  },
});

const A4_PORTRAIT = [210, 297];
const MAP_MM = [118, 118];
const INSET_MM = [64, 52];
const DPI = 200;

/** Boundary points of a GeoJSON (Multi)Polygon in a northing-first CRS: J1…Jn, ring by ring, closing points left out. */
export function boundaryPoints(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
        ? ring.slice(0, -1) : ring;
      open.forEach(([x, y], i) => {
        const [nx, ny] = open[(i + 1) % open.length];
        points.push({ name: `J${points.length + 1}`, ring: r + 1, x, y, edge: Math.hypot(nx - x, ny - y) });
      });
    });
  }
  return points;
}

function mm(n) {
  return Math.round((n / 25.4) * DPI);
}

function pointTable(points) {
  const table = el('table', { class: 'sheet-points' });
  table.append(el('thead', {}, el('tr', {}, ...['sheet.point', 'sheet.ring', 'sheet.x', 'sheet.y', 'sheet.edge']
    .map((k) => el('th', { text: t(k) })))));
  const body = el('tbody');
  for (const p of points) {
    body.append(el('tr', { 'data-point': p.name }, el('td', { text: p.name }), el('td', { text: String(p.ring) }),
      el('td', { class: 'num', text: p.x.toFixed(3) }), el('td', { class: 'num', text: p.y.toFixed(3) }),
      el('td', { class: 'num', text: p.edge.toFixed(2) })));
  }
  table.append(body);
  return table;
}

function indicatorTable(p, landUseClasses, areaName) {
  const use = landUseClasses.find((c) => String(c.code) === String(p.land_use_code));
  const rows = [
    [t('attr.parcel_code'), p.parcel_code ?? p.id],
    [t('attr.land_use_name'), `${p.land_use_code ?? ''} ${use ? pick(use, 'name') : p.land_use_name ?? ''}`.trim()],
    [t('attr.area_m2'), p.area_m2 != null ? Number(p.area_m2).toLocaleString(undefined, { maximumFractionDigits: 1 }) : '—'],
    [t('attr.area_ha'), p.area_ha != null ? Number(p.area_ha).toFixed(4) : '—'],
    [t('attr.area_mu'), p.area_mu != null ? Number(p.area_mu).toFixed(2) : '—'],
    [t('attr.plot_ratio'), p.plot_ratio != null ? Number(p.plot_ratio).toFixed(2) : '—'],
    [t('attr.status'), p.status ?? '—'],
    [t('attr.area_id'), areaName(p.area_id) || areaName(p.zone_id) || '—'],
  ];
  const table = el('table', { class: 'sheet-indicators' });
  for (const [k, v] of rows) table.append(el('tr', {}, el('th', { text: k }), el('td', { text: String(v) })));
  return table;
}

/**
 * Makes the sheet of parcel {@code id} of {@code entry}. {@code highlight(feature)} draws the
 * parcel on the map before it is photographed; {@code districtExtent} frames the inset.
 */
export async function makeParcelSheet({ map, entry, id, landUseClasses, areaName, highlight, districtExtent, producer }) {
  const item = await fetchItem(entry.collectionId, id);
  if (!item.geometry) throw new Error(t('sheet.noGeometry'));
  const feature = readFeature(item);
  const extent = feature.getGeometry().getExtent();
  const zone = gaussKrugerFor(toLonLat(getCenter(extent))[0]);
  const gk = await fetchItem(entry.collectionId, id, zone.epsg.replace('EPSG:', ''));
  const points = boundaryPoints(gk.geometry);
  highlight(feature);

  const center = getCenter(extent);
  const px = [mm(MAP_MM[0]), mm(MAP_MM[1])];
  const fitted = Math.max(getWidth(extent) / (px[0] * 0.7), getHeight(extent) / (px[1] * 0.7));
  const scale = roundScale(scaleForResolution(fitted, DPI, center));
  const main = await renderMapImage(map, { width: px[0], height: px[1], center, resolution: resolutionForScale(scale, DPI, center) });
  const insetPx = [mm(INSET_MM[0]), mm(INSET_MM[1])];
  const insetExtent = districtExtent || extent;
  const insetRes = Math.max(getWidth(insetExtent) / insetPx[0], getHeight(insetExtent) / insetPx[1]) * 1.05;
  const insetCenter = getCenter(insetExtent);
  const inset = await renderMapImage(map, { width: insetPx[0], height: insetPx[1], center: insetCenter, resolution: insetRes });
  const marker = [(center[0] - inset.extent[0]) / insetRes, (inset.extent[3] - center[1]) / insetRes];

  const p = item.properties || {};
  const sheet = el('div', { class: 'print-sheet parcel-sheet portrait' });
  sheet.style.width = `${A4_PORTRAIT[0]}mm`;
  sheet.style.height = `${A4_PORTRAIT[1]}mm`;
  sheet.dataset.parcel = String(item.id);
  sheet.dataset.epsg = zone.epsg;
  sheet.dataset.scale = String(scale);
  sheet.append(el('header', { class: 'print-head' }, el('h1', { class: 'print-title', text: t('sheet.title', { code: p.parcel_code ?? item.id }) }),
    el('p', { class: 'print-subtitle', text: entry.title() })));

  const top = el('div', { class: 'sheet-top' });
  const figure = el('figure', { class: 'print-map' });
  figure.style.width = `${MAP_MM[0]}mm`;
  figure.style.height = `${MAP_MM[1]}mm`;
  figure.append(el('img', { src: canvasToDataUrl(main.canvas) || '', alt: p.parcel_code ?? '' }));
  const north = el('div', { class: 'print-north' });
  north.innerHTML = northArrowSvg();
  figure.append(north);
  const right = el('div', { class: 'sheet-right' });
  const insetFigure = el('figure', { class: 'print-map sheet-inset' });
  insetFigure.style.width = `${INSET_MM[0]}mm`;
  insetFigure.style.height = `${INSET_MM[1]}mm`;
  insetFigure.append(el('img', { src: canvasToDataUrl(inset.canvas) || '', alt: t('sheet.location') }));
  const markerBox = el('div', { class: 'print-grid-wrap' });
  markerBox.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${insetPx[0]} ${insetPx[1]}" preserveAspectRatio="none">`
    + `<circle cx="${marker[0].toFixed(1)}" cy="${marker[1].toFixed(1)}" r="${(DPI / 20).toFixed(1)}" fill="none" stroke="#E4002B" stroke-width="${DPI / 60}"/></svg>`;
  insetFigure.append(markerBox);
  const scaleBox = el('div', { class: 'print-scale' }, el('p', { class: 'print-scale-text', text: t('print.scaleLine', { scale: scaleText(scale) }) }));
  const bar = el('div');
  bar.innerHTML = scaleBarSvg(scale, 35);
  scaleBox.append(bar);
  right.append(el('h3', { text: t('sheet.location') }), insetFigure, el('h3', { text: t('sheet.indicators') }),
    indicatorTable(p, landUseClasses, areaName), scaleBox);
  top.append(figure, right);
  sheet.append(top);

  sheet.append(el('h3', { class: 'sheet-points-title', text: t('sheet.points', { zone: zone.zone, epsg: zone.epsg }) }), pointTable(points));
  const cautions = [entry.caveat(), t('sheet.crs')].filter(Boolean);
  const foot = el('footer', { class: 'print-foot' });
  for (const c of cautions) foot.append(el('p', { text: c }));
  foot.append(el('p', {}, el('strong', { text: t('print.producer') }), document.createTextNode(producer || t('app.title'))));
  const d = new Date();
  foot.append(el('p', {}, el('strong', { text: t('print.date') }),
    document.createTextNode(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)));
  sheet.append(foot);
  return { sheet, paperMm: A4_PORTRAIT, points };
}

/** The sheet, shown in the print preview. */
export async function openParcelSheet(options) {
  const { sheet, paperMm } = await makeParcelSheet(options);
  showPreview(sheet, paperMm);
  logPrint({ kind: 'parcel', paper: 'A4-portrait', scale: Number(sheet.dataset.scale), layers: [options.entry.key],
    parcel: String(options.id) });
  return sheet;
}
