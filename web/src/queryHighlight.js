import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { resultStyle, selectedStyle } from './styles.js';

/**
 * The parcel query on the map: every match outlined, the chosen one highlighted and zoomed to
 * (clear of whatever `fitPadding` says stands over the map).
 */
export function createQueryHighlight(map, fitPadding = () => [80, 80, 80, 80]) {
  const results = new VectorSource();
  const selected = new VectorSource();
  map.addLayer(new VectorLayer({ source: results, style: resultStyle, zIndex: 40 }));
  map.addLayer(new VectorLayer({ source: selected, style: selectedStyle, zIndex: 42 }));

  function clear() {
    results.clear();
    selected.clear();
  }

  /** Outlines these matches (copies: the table keeps its own) and, if asked, fits the view to them. */
  function outline(features, { fit = false } = {}) {
    results.clear();
    results.addFeatures(features.map((f) => f.clone()));
    if (fit && features.length) {
      map.getView().fit(results.getExtent(), { padding: [40, 40, 40, 40], maxZoom: 16, duration: 300 });
    }
  }

  function select(feature) {
    selected.clear();
    selected.addFeature(feature.clone());
    map.getView().fit(feature.getGeometry().getExtent(), { padding: fitPadding(), maxZoom: 17, duration: 300 });
  }

  return {
    clear, outline, select,
    counts: () => ({ results: results.getFeatures().length, selected: selected.getFeatures().length }),
  };
}
