import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import MVT from 'ol/format/MVT.js';
import { fetchAllItems, tilesUrlTemplate } from './api.js';
import { caveatOf, groupOf, styleOf, tileMinZoom, tileUrlOf, titleOf } from './catalogue.js';
import { areaStyle, backgroundStyle, genericStyle, parcelStyle, projectStyle } from './styles.js';

// The layer-panel groups in the order planners read the layout; a group the catalogue adds
// (imported layers …) follows them.
export const GROUP_ORDER = ['zones', 'parks', 'clusters', 'projects', 'parcels', 'structure', 'context', 'imported'];
const AREA_KIND = { zones: 'zone', parks: 'park', clusters: 'cluster' };
// Map stacking: context at the bottom, projects on top.
const Z = { context: 1, structure: 5, parcels: 10, imported: 12, clusters: 20, parks: 21, zones: 22, projects: 30 };

const OFF_AT_START = new Set(['projects-all']);

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

export function readFeatures(featureCollection) {
  return geojson.readFeatures(featureCollection);
}

export function readFeature(feature) {
  return geojson.readFeature(feature);
}

/** A vector layer whose features can be hidden one by one from the layer panel. */
function vectorLayer(source, style, zIndex) {
  const hidden = new Set();
  const layer = new VectorLayer({
    source,
    zIndex,
    // Labels that would overlap are left out (stars stay: their declutterMode is 'none').
    declutter: true,
    style: (feature, resolution) => (hidden.has(feature.getId()) ? null : style(feature, resolution)),
  });
  layer.set('hiddenFeatures', hidden);
  return layer;
}

function roleOf(group, id) {
  if (AREA_KIND[group]) return 'planning_area';
  if (group === 'projects') return 'project';
  if (group === 'parcels') return 'land_parcel';
  if (group === 'structure') return 'spatial_structure';
  return id.replace(/s$/, '').replace(/ie$/, 'y');   // districts → district, localities → locality
}

/**
 * The map's thematic layers, one per catalogue collection: parcels (and imported layers, which
 * may be large) from vector tiles, the small planning layers as GeoJSON.
 * Entries: {key, group, collection, collectionId, layer, source, role, kind}.
 */
export function buildLayers(collections, onError) {
  const entries = [];
  const loads = [];
  for (const c of collections) {
    const group = groupOf(c);
    const role = roleOf(group.id, c.id);
    const kind = AREA_KIND[group.id];
    // Roads run over the parcels, as on a plan; the rest of the background lies under them.
    const zIndex = role === 'road' ? Z.parcels + 1 : Z[group.id] ?? 15;
    const entry = {
      key: c.id, group: group.id, groupInfo: group, collection: c, collectionId: c.id, role, kind,
      title: () => titleOf(c), caveat: () => caveatOf(c),
    };
    if (group.id === 'parcels' || group.id === 'imported') {
      // Tiles past z16 would add requests, not detail (4096 units a tile is 15 cm there): overzoom.
      // 256-pixel tiles, as the server's WebMercatorQuad defines them: with OpenLayers' default of
      // 512 the map asked for the tiles of one zoom less, and drew the parcels' overview grid
      // (below z14) up to map zoom 15.
      entry.source = new VectorTileSource({
        format: new MVT({ idProperty: 'id' }), url: tileUrlOf(c, tilesUrlTemplate(c.id)), maxZoom: 16, tileSize: 256,
      });
      const style = group.id === 'parcels' ? parcelStyle : genericStyle(styleOf(c));
      // What an imported layer goes back to when its categories (分类设色, categories.js) are dropped.
      entry.defaultStyle = style;
      entry.layer = new VectorTileLayer({
        source: entry.source, style, zIndex, minZoom: Math.max(0, tileMinZoom(c) - 0.01), renderMode: 'hybrid',
      });
    } else {
      entry.source = new VectorSource();
      let style;
      if (kind) style = areaStyle(kind, styleOf(c));
      else if (role === 'project') style = projectStyle(styleOf(c));
      else style = backgroundStyle(role, styleOf(c));
      entry.layer = vectorLayer(entry.source, style, zIndex);
      const source = entry.source;
      loads.push(fetchAllItems(c.id)
        .then((fc) => source.addFeatures(readFeatures(fc)))
        .catch((e) => onError(c.id, e)));
    }
    // Off at start, there when wanted: the spatial structure overlaps the zones; projects-all repeats
    // the Liudong projects and adds the ones the texts do not place in Liudong (scope).
    entry.layer.setVisible(group.id !== 'structure' && !OFF_AT_START.has(c.id));
    entries.push(entry);
  }
  entries.sort((a, b) => rank(a) - rank(b) || (a.collection.sortOrder ?? 0) - (b.collection.sortOrder ?? 0));
  return { entries, ready: Promise.all(loads) };
}

function rank(entry) {
  const i = GROUP_ORDER.indexOf(entry.group);
  return i < 0 ? GROUP_ORDER.length + (entry.groupInfo.sort ?? 0) / 10000 : i;
}
