import { getPointResolution } from 'ol/proj.js';
import { getWidth } from 'ol/extent.js';
import { el } from './dom.js';
import { onLangChange, t } from './i18n.js';

// The scale denominator OpenLayers' scale line shows: 0.28 mm a pixel (the OGC's standard pixel).
const METRES_PER_PIXEL_ON_SCREEN = 0.00028;

/**
 * A note on the map, while the parcel layer is drawn from its overview grid (below the zoom the
 * catalogue names), that what shows is a summary, how large its cells are, and at which zoom and
 * scale single parcels appear — with a button that goes there.
 */
export function createOverviewNote({ map, entry, box }) {
  const below = entry?.collection?.tiles?.overviewBelowZoom;
  const minZoom = entry?.collection?.tiles?.minZoom ?? 0;
  if (!entry || !below) return { update: () => {} };
  // Cell widths read off the tiles themselves (Web Mercator metres, by tile zoom): the widest
  // cell of a tile is a whole one, those at its edge are clipped.
  const cellWidth = new Map();
  entry.source.on('tileloadend', (e) => {
    const z = e.tile.getTileCoord()[0];
    if (z >= below) return;
    const widths = (e.tile.getFeatures?.() || []).filter((f) => f.get('overview')).map((f) => getWidth(f.getExtent()));
    if (widths.length) cellWidth.set(z, Math.max(cellWidth.get(z) || 0, ...widths));
    update();
  });

  function groundMetres(mercatorMetres) {
    const view = map.getView();
    return getPointResolution(view.getProjection(), mercatorMetres, view.getCenter());
  }

  function scaleAt(zoom) {
    const view = map.getView();
    return Math.round(groundMetres(view.getResolutionForZoom(zoom)) / METRES_PER_PIXEL_ON_SCREEN / 100) * 100;
  }

  function update() {
    const view = map.getView();
    const zoom = view.getZoom();
    if (zoom === undefined) return;
    // The tiles' zoom, not the view's: that is what decides whether the grid is drawn.
    const tileZ = entry.source.getTileGrid().getZForResolution(view.getResolution(), entry.source.zDirection);
    const shown = entry.layer.getVisible() && tileZ < below;
    box.hidden = !shown;
    box.dataset.zoom = String(tileZ);
    box.dataset.parcelsFromZoom = String(below);
    if (!shown) return;
    const params = {
      zoom: tileZ, below, min: minZoom,
      scale: scaleAt(below).toLocaleString(), minScale: scaleAt(minZoom).toLocaleString(),
    };
    const width = cellWidth.get(tileZ);
    const cell = width ? t('overview.cell', { m: Math.round(groundMetres(width) / 10) * 10 }) : '';
    const text = tileZ < minZoom ? t('overview.tooSmall', params) : t('overview.summary', { ...params, cell });
    const go = el('button', { type: 'button', class: 'link', text: t('overview.zoomIn', params) });
    go.addEventListener('click', () => view.animate({ zoom: below, duration: 300 }));
    box.replaceChildren(el('span', { class: 'overview-text', text }), go);
  }

  map.on('moveend', update);
  entry.layer.on('change:visible', update);
  onLangChange(update);
  update();
  return { update };
}
