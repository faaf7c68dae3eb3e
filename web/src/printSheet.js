import { transform } from 'ol/proj.js';
import { getCenter } from 'ol/extent.js';
import { toLonLat } from 'ol/proj.js';
import { gaussKrugerFor } from './projections.js';
import { lang, t } from './i18n.js';
import { groundMetresPerUnit } from './mapImage.js';
import { swatchSvg } from './printLegend.js';

// The parts of a printed sheet that are drawn, not photographed: scale bar, north arrow and the
// CGCS2000 Gauss–Krüger grid are SVG, and every word on the sheet is text — so that a PDF of the
// page keeps them sharp, selectable and searchable.

export const PAPER_MM = { A4: [210, 297], A3: [297, 420] };

/** Paper size in mm, [width, height], for a paper name and orientation. */
export function paperSize(paper, orientation) {
  const [short, long] = PAPER_MM[paper] || PAPER_MM.A4;
  return orientation === 'portrait' ? [short, long] : [long, short];
}

const NICE = [1, 2, 2.5, 5];

function niceBelow(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  let best = magnitude;
  for (const n of NICE) if (n * magnitude <= value) best = n * magnitude;
  return best;
}

function lengthText(m) {
  return m >= 1000 ? `${(m / 1000).toLocaleString()} km` : `${m.toLocaleString()} m`;
}

/** A scale text such as 1:10 000 (a thin space between thousands, as Chinese maps print it). */
export function scaleText(scale) {
  return `1:${Math.round(scale).toLocaleString('en').replace(/,/g, ' ')}`;
}

/** A four-segment scale bar about {@code targetMm} long on paper, labelled in m or km. */
export function scaleBarSvg(scale, targetMm = 40) {
  const metresPerMm = scale / 1000;
  const total = niceBelow(targetMm * metresPerMm);
  const mm = total / metresPerMm;
  const seg = mm / 4;
  const parts = [];
  for (let i = 0; i < 4; i += 1) {
    parts.push(`<rect x="${(i * seg).toFixed(2)}" y="5" width="${seg.toFixed(2)}" height="2" fill="${i % 2 ? '#fff' : '#222'}" stroke="#222" stroke-width="0.25"/>`);
  }
  const label = (x, text, anchor) => `<text x="${x.toFixed(2)}" y="3.8" font-size="2.6" text-anchor="${anchor}">${text}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="scale-bar" width="${(mm + 8).toFixed(2)}mm" height="9mm" viewBox="-4 0 ${(mm + 8).toFixed(2)} 9">`
    + parts.join('') + label(0, '0', 'middle') + label(mm / 2, lengthText(total / 2), 'middle')
    + label(mm, lengthText(total), 'middle') + '</svg>';
}

/** A north arrow (the map is drawn north up: Web Mercator, no rotation). */
export function northArrowSvg() {
  return '<svg xmlns="http://www.w3.org/2000/svg" class="north-arrow" width="12mm" height="16mm" viewBox="0 0 12 16">'
    + '<polygon points="6,1 10,12 6,9.5 2,12" fill="#222"/><polygon points="6,1 6,9.5 2,12" fill="#fff" stroke="#222" stroke-width="0.3"/>'
    + '<text x="6" y="15.6" font-size="3.6" text-anchor="middle" font-weight="bold">N</text></svg>';
}

const GRID_STEPS = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000];

/**
 * The CGCS2000 3° Gauss–Krüger grid of the zone the map's centre lies in, over a map image of
 * {@code width}×{@code height} pixels showing {@code extent} (EPSG:3857). Grid lines are drawn
 * through many points (they are not straight in Web Mercator); labels sit where lines leave the
 * frame: Y (easting, with the zone number) along the top, X (northing) along the left.
 */
export function gridSvg(extent, width, height, dpi) {
  const zone = gaussKrugerFor(toLonLat(getCenter(extent))[0]);
  if (!zone) return null;
  const res = (extent[2] - extent[0]) / width;
  const toPx = ([x, y]) => [(x - extent[0]) / res, (extent[3] - y) / res];
  const corners = [];
  for (let i = 0; i <= 4; i += 1) {
    corners.push([extent[0] + (i / 4) * (extent[2] - extent[0]), extent[1]], [extent[0] + (i / 4) * (extent[2] - extent[0]), extent[3]],
      [extent[0], extent[1] + (i / 4) * (extent[3] - extent[1])], [extent[2], extent[1] + (i / 4) * (extent[3] - extent[1])]);
  }
  const gk = corners.map((c) => transform(c, 'EPSG:3857', zone.epsg));
  const [eMin, eMax] = [Math.min(...gk.map((p) => p[0])), Math.max(...gk.map((p) => p[0]))];
  const [nMin, nMax] = [Math.min(...gk.map((p) => p[1])), Math.max(...gk.map((p) => p[1]))];
  const groundWidth = (extent[2] - extent[0]) * groundMetresPerUnit(getCenter(extent));
  const step = GRID_STEPS.find((s) => groundWidth / s <= 8) || GRID_STEPS[GRID_STEPS.length - 1];
  const font = (dpi / 72) * 7;
  const stroke = Math.max(1, dpi / 150);
  const lines = [];
  const labels = [];
  const line = (points) => `M${points.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}`;
  // Where a polyline crosses a pixel row (top edge) or column (left edge), by interpolation.
  const crossing = (points, axis, value) => {
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1][axis] - value;
      const b = points[i][axis] - value;
      if (a === 0) return points[i - 1];
      if (a * b < 0) {
        const f = a / (a - b);
        return [points[i - 1][0] + f * (points[i][0] - points[i - 1][0]), points[i - 1][1] + f * (points[i][1] - points[i - 1][1])];
      }
    }
    return null;
  };
  for (let e = Math.ceil(eMin / step) * step; e <= eMax; e += step) {
    const pts = [];
    for (let i = 0; i <= 24; i += 1) pts.push(toPx(transform([e, nMin + (i / 24) * (nMax - nMin)], zone.epsg, 'EPSG:3857')));
    lines.push(line(pts));
    const at = crossing(pts, 1, 0);
    if (at && at[0] > font * 3 && at[0] < width - font * 3) {
      labels.push(`<text x="${at[0].toFixed(1)}" y="${(font * 1.1).toFixed(1)}" text-anchor="middle">Y ${Math.round(e)}</text>`);
    }
  }
  for (let n = Math.ceil(nMin / step) * step; n <= nMax; n += step) {
    const pts = [];
    for (let i = 0; i <= 24; i += 1) pts.push(toPx(transform([eMin + (i / 24) * (eMax - eMin), n], zone.epsg, 'EPSG:3857')));
    lines.push(line(pts));
    const at = crossing(pts, 0, 0);
    if (at && at[1] > font * 2 && at[1] < height - font * 2) {
      labels.push(`<text x="${(font * 0.3).toFixed(1)}" y="${(at[1] - font * 0.3).toFixed(1)}">X ${Math.round(n)}</text>`);
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="print-grid" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">`
    + `<path d="${lines.join(' ')}" fill="none" stroke="rgba(30,30,30,0.55)" stroke-width="${stroke}"/>`
    + `<g font-size="${font.toFixed(1)}" fill="#111" stroke="#fff" stroke-width="${(font / 6).toFixed(1)}" paint-order="stroke">${labels.join('')}</g></svg>`;
  return { svg, note: t('print.gridNote', { zone: zone.zone, cm: zone.cm, epsg: zone.epsg, step }) };
}

function element(tag, className, html) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (html !== undefined) e.innerHTML = html;
  return e;
}

function text(tag, className, value) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.textContent = value;
  return e;
}

/** The legend block: headings, swatches and labels as text. */
export function legendBlock(sections) {
  const box = element('div', 'print-legend-list');
  box.append(text('h3', '', t('legend.title')));
  for (const section of sections) {
    box.append(text('h4', '', section.heading));
    for (const item of section.items) {
      const row = element('div', 'print-legend-item');
      row.append(element('span', 'print-swatch', swatchSvg(item.swatch)), text('span', '', item.label));
      box.append(row);
    }
    if (section.note) box.append(text('p', 'print-legend-note', section.note));
  }
  return box;
}

/**
 * The sheet: paper of {@code paperMm} with a title block, the map frame ({@code mapMm}) holding
 * the image and its overlays, a side or bottom panel (legend, scale, north arrow), and a footer
 * of caveats, sources, CRS, date and producer.
 */
export function buildSheet({ paperMm, orientation, title, subtitle, image, mapMm, grid, legend, scale, notes, footer }) {
  const sheet = element('div', `print-sheet ${orientation}`);
  sheet.style.width = `${paperMm[0]}mm`;
  sheet.style.height = `${paperMm[1]}mm`;
  sheet.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  const head = element('header', 'print-head');
  head.append(text('h1', 'print-title', title));
  if (subtitle) head.append(text('p', 'print-subtitle', subtitle));
  sheet.append(head);

  const body = element('div', 'print-body');
  const figure = element('figure', 'print-map');
  figure.style.width = `${mapMm[0]}mm`;
  figure.style.height = `${mapMm[1]}mm`;
  const img = document.createElement('img');
  img.src = image;
  img.alt = title;
  figure.append(img);
  if (grid) figure.append(element('div', 'print-grid-wrap', grid.svg));
  figure.append(element('div', 'print-north', northArrowSvg()));
  body.append(figure);

  const side = element('aside', 'print-side');
  // A long legend (many land-use classes) flows into two columns rather than off the sheet.
  if (legend.querySelectorAll('.print-legend-item').length > 16) side.classList.add('dense');
  side.append(legend);
  const scaleBox = element('div', 'print-scale');
  scaleBox.append(text('p', 'print-scale-text', t('print.scaleLine', { scale: scaleText(scale) })), element('div', '', scaleBarSvg(scale)));
  side.append(scaleBox);
  for (const note of notes) side.append(text('p', 'print-note', note));
  if (grid) side.append(text('p', 'print-note', grid.note));
  body.append(side);
  sheet.append(body);

  const foot = element('footer', 'print-foot');
  for (const [label, value] of footer) {
    if (!value) continue;
    const p = element('p', '');
    p.append(text('strong', '', label), document.createTextNode(value));
    foot.append(p);
  }
  sheet.append(foot);
  return sheet;
}
