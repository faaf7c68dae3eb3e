import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import { toLonLat } from 'ol/proj.js';
import { el } from './dom.js';
import { pick, t, tValue } from './i18n.js';
import { readFeature } from './layers.js';
import { drawStyle, landUseColour } from './styles.js';

const STATUSES = ['已出让', '已储备', '规划'];

/**
 * The parcel query's form: land use, status, area range, zone/park/cluster and a polygon drawn on
 * the map. It reads and writes a query object {landUse, status, areaMin, areaMax, area, polygon};
 * running it is the caller's job.
 */
export function createQueryForm({ map, landUseClasses, areaFeatures, onSubmit, onReset }) {
  const $ = (id) => document.getElementById(id);
  const form = $('query-form');
  const drawn = new VectorSource();
  map.addLayer(new VectorLayer({ source: drawn, style: drawStyle, zIndex: 41 }));
  let polygon = null;
  let draw = null;

  function renderChoices() {
    const lu = $('q-landuse');
    const checked = new Set(read().landUse);
    lu.replaceChildren();
    const used = landUseClasses.filter((c) => c.used);
    for (const c of used.length ? used : landUseClasses.filter((x) => String(x.code).length === 4)) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = landUseColour(c.code);
      lu.append(el('label', {}, el('input', { type: 'checkbox', name: 'landuse', value: c.code, checked: checked.has(c.code) }),
        sw, el('span', { text: `${c.code} ${pick(c, 'name')}` })));
    }
    const st = $('q-status');
    const checkedStatus = new Set(read().status);
    st.replaceChildren();
    for (const s of STATUSES) {
      st.append(el('label', {}, el('input', { type: 'checkbox', name: 'status', value: s, checked: checkedStatus.has(s) }),
        el('span', { text: tValue(s) })));
    }
    const sel = $('q-area');
    const value = sel.value;
    sel.replaceChildren(el('option', { value: '', text: t('query.any') }));
    for (const kind of ['zone', 'park', 'cluster']) {
      const features = areaFeatures().filter((f) => f.get('kind') === kind);
      if (!features.length) continue;
      const group = el('optgroup', { label: t(`legend.${kind}`) });
      for (const f of features) group.append(el('option', { value: `${kind}:${f.getId()}`, text: pick(f.getProperties(), 'name') }));
      sel.append(group);
    }
    sel.value = value;
  }

  function read() {
    return {
      landUse: [...form.querySelectorAll('input[name=landuse]:checked')].map((i) => i.value),
      status: [...form.querySelectorAll('input[name=status]:checked')].map((i) => i.value),
      areaMin: $('q-area-min').value,
      areaMax: $('q-area-max').value,
      area: $('q-area').value,
      polygon,
      polygonMode: $('q-polygon-mode').value,
    };
  }

  function write(q) {
    renderChoices();
    form.querySelectorAll('input[name=landuse]').forEach((i) => { i.checked = (q.landUse || []).includes(i.value); });
    form.querySelectorAll('input[name=status]').forEach((i) => { i.checked = (q.status || []).includes(i.value); });
    $('q-area-min').value = q.areaMin ?? '';
    $('q-area-max').value = q.areaMax ?? '';
    $('q-area').value = q.area || '';
    $('q-polygon-mode').value = q.polygonMode || 'intersects';
    setPolygon(q.polygon || null);
  }

  function setPolygon(ring) {
    polygon = ring && ring.length >= 3 ? ring : null;
    drawn.clear();
    if (polygon) {
      drawn.addFeature(readFeature({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [polygon] }, properties: {} }));
    }
    $('q-draw-state').textContent = polygon ? t('query.drawn') : '';
  }

  function startDrawing() {
    stopDrawing();
    draw = new Draw({ source: drawn, type: 'Polygon', style: drawStyle });
    map.set('busyTool', 'query-draw');
    drawn.clear();
    $('q-draw-state').textContent = t('query.drawing');
    draw.on('drawend', (e) => {
      const ring = e.feature.getGeometry().getCoordinates()[0].map((c) => toLonLat(c));
      setPolygon(ring);
      // The double click that ends the polygon must not also identify a parcel: the map's
      // single-click comes a moment later, so the tool stays busy a little longer.
      setTimeout(stopDrawing, 500);
    });
    map.addInteraction(draw);
  }

  function stopDrawing() {
    if (draw) { map.removeInteraction(draw); draw = null; }
    if (map.get('busyTool') === 'query-draw') map.set('busyTool', null);
  }

  $('q-draw').addEventListener('click', startDrawing);
  $('q-draw-clear').addEventListener('click', () => { stopDrawing(); setPolygon(null); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit(read());
  });
  $('q-reset').addEventListener('click', () => {
    write({});
    onReset();
  });

  /**
   * The query in a few Chinese words for a file name (工业用地, 工业用地+商业用地_已出让, …), as the
   * export's file is titled in Chinese too; cut short past 40 characters.
   */
  function describe(q) {
    if (!q) return '';
    const names = (q.landUse || []).map((code) => landUseClasses.find((c) => String(c.code) === String(code))?.name_zh || code);
    const area = q.area ? areaFeatures().find((f) => `${f.get('kind')}:${f.getId()}` === q.area)?.get('name_zh') : null;
    const range = q.areaMin || q.areaMax ? `${q.areaMin || 0}-${q.areaMax || ''}公顷` : null;
    const parts = [names.join('+'), (q.status || []).join('+'), area, range, q.polygon ? '自绘范围' : null].filter(Boolean);
    const text = parts.join('_');
    return text.length > 40 ? `${text.slice(0, 39)}等` : text;
  }

  return {
    read, write, renderChoices, describe,
    polygon: () => polygon,
    /** Labels in the page's language again, keeping what is ticked and drawn. */
    relabel: () => { renderChoices(); setPolygon(polygon); },
  };
}
