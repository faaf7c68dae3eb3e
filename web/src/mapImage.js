import View from 'ol/View.js';
import { getPointResolution } from 'ol/proj.js';

// The map as an image: what the PNG export, the print layout and the parcel sheet put on paper.

const INCH_M = 0.0254;

/**
 * Draws every visible canvas layer into one canvas, as the map shows it. {@code ratio} is how
 * many output pixels a CSS pixel of the map becomes (the screen's device pixel ratio for a PNG of
 * what is on screen, 1 for a print image rendered at its own size).
 */
export function composeMapCanvas(map, ratio = window.devicePixelRatio || 1, background = '#f4f3ee') {
  const size = map.getSize();
  const out = document.createElement('canvas');
  out.width = Math.round(size[0] * ratio);
  out.height = Math.round(size[1] * ratio);
  const ctx = out.getContext('2d');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer').forEach((canvas) => {
    if (canvas.width === 0) return;
    const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const m = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    // The canvas's CSS transform maps its pixels to CSS pixels; scale that to output pixels.
    const matrix = m ? m[1].split(',').map(Number) : [size[0] / canvas.width, 0, 0, size[1] / canvas.height, 0, 0];
    ctx.setTransform(...matrix.map((v) => v * ratio));
    const bg = canvas.parentNode.style.backgroundColor;
    if (bg) { ctx.fillStyle = bg; ctx.fillRect(0, 0, canvas.width, canvas.height); }
    ctx.drawImage(canvas, 0, 0);
  });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  return out;
}

/** Ground metres of one map unit (EPSG:3857) at a point: Web Mercator stretches away from the equator. */
export function groundMetresPerUnit(center) {
  return getPointResolution('EPSG:3857', 1, center, 'm');
}

/** The view resolution (map units per pixel) at which an image of {@code dpi} shows scale 1:{@code scale}. */
export function resolutionForScale(scale, dpi, center) {
  return (scale * INCH_M / dpi) / groundMetresPerUnit(center);
}

/** The scale denominator that resolution gives on paper at {@code dpi}. */
export function scaleForResolution(resolution, dpi, center) {
  return resolution * groundMetresPerUnit(center) * dpi / INCH_M;
}

/** A scale denominator rounded to two significant figures (1:9 873 → 1:9 900), as scales are printed. */
export function roundScale(scale) {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(scale)) - 1);
  return Math.max(1, Math.round(scale / magnitude) * magnitude);
}

function rendered(map, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    map.once('rendercomplete', () => { clearTimeout(timer); resolve(true); });
    map.render();
  });
}

/**
 * Renders the map into an image of {@code width}×{@code height} pixels centred on {@code center}
 * at {@code resolution} (map units per pixel), with the layers in {@code hide} left out, and puts
 * the map back as it was. The rendering uses a view of its own, so the page's view (and the
 * permalink that follows it) does not move, and no zoom limit of the page rounds the scale.
 *
 * @returns {Promise<{canvas: HTMLCanvasElement, extent: number[], complete: boolean}>} complete is
 *          false when some tiles had not arrived after {@code timeoutMs}
 */
export async function renderMapImage(map, { width, height, center, resolution, hide = [], timeoutMs = 60000 }) {
  const target = map.getTargetElement();
  const pageView = map.getView();
  const savedStyle = target.getAttribute('style');
  const hidden = hide.filter((layer) => layer.getVisible());
  hidden.forEach((layer) => layer.setVisible(false));
  const printView = new View({ center, resolution, constrainResolution: false, maxZoom: 28, minZoom: 0 });
  target.classList.add('rendering-image');
  target.style.width = `${width}px`;
  target.style.height = `${height}px`;
  map.setView(printView);
  map.updateSize();
  try {
    const complete = await rendered(map, timeoutMs);
    map.renderSync();
    return { canvas: composeMapCanvas(map, 1), extent: printView.calculateExtent([width, height]), complete };
  } finally {
    if (savedStyle === null) target.removeAttribute('style'); else target.setAttribute('style', savedStyle);
    target.classList.remove('rendering-image');
    hidden.forEach((layer) => layer.setVisible(true));
    map.setView(pageView);
    map.updateSize();
  }
}

/** A canvas as a PNG data URL, or null when a basemap without CORS headers tainted it. */
export function canvasToDataUrl(canvas) {
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}
