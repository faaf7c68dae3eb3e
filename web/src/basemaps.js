import TileLayer from 'ol/layer/Tile.js';
import LayerGroup from 'ol/layer/Group.js';
import XYZ from 'ol/source/XYZ.js';
import OSM from 'ol/source/OSM.js';
import { t } from './i18n.js';

// 天地图 serves Web-Mercator ("_w") tiles on CGCS2000, so they line up with the data without any
// offset correction; each base layer comes with its annotation layer (cva / cia).
function tianditu(layer, key) {
  return new TileLayer({
    source: new XYZ({
      url: `https://t{0-7}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}`
        + `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
      crossOrigin: 'anonymous',
      maxZoom: 18,
      attributions: '© 天地图 Tianditu',
    }),
  });
}

/**
 * The basemaps offered (none, OpenStreetMap, 天地图 with a key). `onTiles({name, loaded, failed})`
 * hears how the current one's tiles fare, so that a basemap that cannot load is reported.
 */
export function createBasemaps(config, onTiles = () => {}) {
  const key = config?.tianditu?.enabled ? config.tianditu.key : null;
  const options = {
    none: null,
    osm: () => new TileLayer({ source: new OSM({ crossOrigin: 'anonymous' }) }),
    'tdt-vec': key ? () => new LayerGroup({ layers: [tianditu('vec', key), tianditu('cva', key)] }) : null,
    'tdt-img': key ? () => new LayerGroup({ layers: [tianditu('img', key), tianditu('cia', key)] }) : null,
  };
  const group = new LayerGroup({ zIndex: 0 });
  let current = 'none';

  function set(name) {
    const make = options[name];
    if (name !== 'none' && !make) return false;
    group.getLayers().clear();
    current = name;
    if (make) group.getLayers().push(watched(make(), name));
    return true;
  }

  function watched(layer, name) {
    const layers = layer instanceof LayerGroup ? layer.getLayers().getArray() : [layer];
    const count = { name, loaded: 0, failed: 0 };
    for (const l of layers) {
      l.getSource().on('tileloadend', () => { count.loaded++; if (current === name) onTiles({ ...count }); });
      l.getSource().on('tileloaderror', () => { count.failed++; if (current === name) onTiles({ ...count }); });
    }
    return layer;
  }

  function decorate(select) {
    for (const opt of select.options) {
      const unavailable = opt.value.startsWith('tdt') && !key;
      opt.disabled = unavailable;
      opt.title = unavailable ? t('basemap.tdtMissing') : '';
    }
    select.value = current;
  }

  // A fresh layer of a basemap, for a second view of the map (compare); null for none or unavailable.
  function make(name) {
    return options[name] ? options[name]() : null;
  }

  function available(name) {
    return name === 'none' || Boolean(options[name]);
  }

  return { group, set, decorate, make, available, names: Object.keys(options), current: () => current };
}
