import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import MVT from 'ol/format/MVT.js';
import { fetchAllItems, tilesUrlTemplate } from './api.js';
import { areaStyle, backgroundStyle, parcelStyle, projectStyle } from './styles.js';

// Which catalogue collection plays which part on the map. The ids follow the database tables;
// a catalogue `group` member, when the server gives one, wins over the id.
const ROLE_IDS = {
  planning_area: ['planning_area', 'planning_areas', 'areas'],
  project: ['project', 'projects'],
  land_parcel: ['land_parcel', 'land_parcels', 'parcels', 'parcel'],
  spatial_structure: ['spatial_structure'],
  district: ['district', 'districts'],
  river: ['river', 'rivers'],
  road: ['road', 'roads'],
  locality: ['locality', 'localities'],
};

export const GROUPS = [
  { id: 'zones', titleKey: 'group.zones' },
  { id: 'parks', titleKey: 'group.parks' },
  { id: 'clusters', titleKey: 'group.clusters' },
  { id: 'projects', titleKey: 'group.projects' },
  { id: 'parcels', titleKey: 'group.parcels' },
  { id: 'background', titleKey: 'group.background' },
];

export function resolveCollections(collections) {
  const byRole = {};
  for (const [role, ids] of Object.entries(ROLE_IDS)) {
    const hit = collections.find((c) => ids.includes(c.id));
    if (hit) byRole[role] = hit;
  }
  return byRole;
}

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
    declutter: false,
    style: (feature, resolution) => (hidden.has(feature.getId()) ? null : style(feature, resolution)),
  });
  layer.set('hiddenFeatures', hidden);
  return layer;
}

function asStyleFunction(style) {
  return typeof style === 'function' ? style : () => style;
}

/**
 * Builds the map's thematic layers from the catalogue. Returns entries
 * {key, group, labelKey, collectionId, layer, source, kind}; missing collections are skipped.
 */
export async function buildLayers(collections, onError) {
  const roles = resolveCollections(collections);
  const entries = [];
  const loads = [];

  // Background first (lowest).
  const background = ['district', 'river', 'road', 'locality', 'spatial_structure'];
  let z = 1;
  for (const role of background) {
    const c = roles[role];
    if (!c) continue;
    const source = new VectorSource();
    const layer = vectorLayer(source, asStyleFunction(backgroundStyle(role)), z++);
    layer.setVisible(role !== 'spatial_structure');
    entries.push({ key: role, group: 'background', labelKey: `layer.${role}`, collection: c, collectionId: c.id, layer, source, role });
    loads.push(load(c.id, source, onError));
  }

  const parcels = roles.land_parcel;
  if (parcels) {
    const source = new VectorTileSource({
      format: new MVT({ idProperty: 'id' }),
      url: tilesUrlTemplate(parcels.id),
      maxZoom: 18,
    });
    const layer = new VectorTileLayer({ source, style: parcelStyle, zIndex: 10, minZoom: 11, renderMode: 'hybrid' });
    entries.push({ key: 'land_parcel', group: 'parcels', labelKey: 'layer.land_parcel', collection: parcels, collectionId: parcels.id, layer, source, role: 'land_parcel' });
  }

  const areas = roles.planning_area;
  if (areas) {
    const kinds = [['cluster', 'clusters', 20], ['park', 'parks', 21], ['zone', 'zones', 22]];
    const sources = {};
    for (const [kind, group, zIndex] of kinds) {
      const source = new VectorSource();
      sources[kind] = source;
      const layer = vectorLayer(source, areaStyle(kind), zIndex);
      entries.push({ key: group, group, labelKey: `layer.${group}`, collection: areas, collectionId: areas.id, layer, source, role: 'planning_area', kind });
    }
    loads.push(fetchAllItems(areas.id)
      .then((fc) => {
        for (const f of readFeatures(fc)) (sources[f.get('kind')] || sources.zone).addFeature(f);
      })
      .catch((e) => onError(areas.id, e)));
  }

  const projects = roles.project;
  if (projects) {
    const source = new VectorSource();
    const layer = vectorLayer(source, projectStyle, 30);
    entries.push({ key: 'project', group: 'projects', labelKey: 'layer.project', collection: projects, collectionId: projects.id, layer, source, role: 'project' });
    loads.push(load(projects.id, source, onError));
  }
  return { entries, roles, ready: Promise.all(loads) };
}

function load(collectionId, source, onError) {
  return fetchAllItems(collectionId)
    .then((fc) => source.addFeatures(readFeatures(fc)))
    .catch((e) => onError(collectionId, e));
}
