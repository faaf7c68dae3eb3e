import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { getHeight, getWidth, intersects } from 'ol/extent.js';
import { debounce } from './dom.js';
import { onLangChange } from './i18n.js';
import { areaLabelStyle } from './styles.js';

// Which name wins where two would overlap: the three zones, then the seven clusters, then the
// four parks. One layer holds them all, above the projects' labels and the place names, because
// OpenLayers gives way to the higher layer and, within a layer, to the feature drawn first.
const PRIORITY = { zone: 0, cluster: 1, park: 2 };
const SAMPLES = 28;

/**
 * A point inside `geometry` as far as possible from its edge and from the `obstacles` (the
 * smaller areas inside a zone), so that a zone's name does not sit on a cluster's: the best of a
 * grid of samples. Falls back to the geometry's own interior point.
 */
export function labelPoint(geometry, obstacles = []) {
  const extent = geometry.getExtent();
  const dx = getWidth(extent) / SAMPLES;
  const dy = getHeight(extent) / SAMPLES;
  let best = null;
  let bestScore = -1;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const p = [extent[0] + (i + 0.5) * dx, extent[1] + (j + 0.5) * dy];
      if (!geometry.intersectsCoordinate(p) || obstacles.some((o) => o.intersectsCoordinate(p))) continue;
      const score = Math.min(distance(p, geometry), ...obstacles.map((o) => distance(p, o)));
      if (score > bestScore) { best = p; bestScore = score; }
    }
  }
  if (best) return best;
  const interior = geometry.getType() === 'MultiPolygon' ? geometry.getInteriorPoints().getPoint(0) : geometry.getInteriorPoint?.();
  return interior ? interior.getCoordinates().slice(0, 2) : [(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2];
}

function distance(p, geometry) {
  const q = geometry.getClosestPoint(p);
  return Math.hypot(q[0] - p[0], q[1] - p[1]);
}

/**
 * The names of the planning areas (zones, parks, clusters) as one decluttered label layer. A
 * label follows its area: hidden with its layer or with the feature's own box in the panel.
 */
export function createAreaLabels(map, entries) {
  const areaEntries = entries.filter((e) => e.kind);
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    zIndex: 35,
    declutter: true,
    renderOrder: (a, b) => a.get('priority') - b.get('priority'),
    style: (label) => {
      const { entry, area } = label.get('of');
      if (!entry.layer.getVisible() || entry.layer.get('hiddenFeatures').has(area.getId())) return null;
      return areaLabelStyle(entry.kind, area, entry.layer.getOpacity());
    },
  });
  layer.set('role', 'labels');
  map.addLayer(layer);

  function rebuild() {
    source.clear();
    const all = areaEntries.flatMap((entry) => entry.source.getFeatures().map((area) => ({ entry, area })));
    for (const { entry, area } of all) {
      const geometry = area.getGeometry();
      if (!geometry) continue;
      // A zone's name keeps off the parks and clusters it holds; theirs only off their own edges.
      const obstacles = entry.kind === 'zone'
        ? all.filter((o) => o.entry.kind !== 'zone').map((o) => o.area.getGeometry()).filter((g) => g && intersects(g.getExtent(), geometry.getExtent()))
        : [];
      const label = new Feature({ geometry: new Point(labelPoint(geometry, obstacles)) });
      label.set('of', { entry, area });
      label.set('priority', PRIORITY[entry.kind] ?? 9);
      label.set('kind', entry.kind);
      label.set('name_zh', area.get('name_zh'));
      source.addFeature(label);
    }
  }

  const later = debounce(rebuild, 50);
  for (const entry of areaEntries) {
    entry.source.on('addfeature', later);
    entry.layer.on(['change:visible', 'change:opacity', 'change'], () => layer.changed());
  }
  onLangChange(() => layer.changed());
  rebuild();
  return { layer, rebuild, labels: () => source.getFeatures() };
}
