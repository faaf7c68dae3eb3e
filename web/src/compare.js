import Map from 'ol/Map.js';
import LayerGroup from 'ol/layer/Group.js';
import { getRenderPixel } from 'ol/render.js';
import { unByKey } from 'ol/Observable.js';
import { addTranslations, onLangChange, t } from './i18n.js';
import { buildLayers } from './layers.js';
import './compare.css';

// 对比分析: a swipe (卷帘) over one map, or two maps side by side sharing one view, each side with
// its own layers and basemap. The state lives in the permalink (cmp, cmpL, cmpR, cmpBL, cmpBR, cmpX).

addTranslations({
  zh: {
    'tool.compare': '对比',
    'tool.compareHint': '卷帘或并排对比两组图层、两种底图',
    'compare.title': '对比分析',
    'compare.mode': '方式',
    'compare.off': '关闭',
    'compare.swipe': '卷帘',
    'compare.side': '并排',
    'compare.left': '左侧',
    'compare.right': '右侧',
    'compare.layer': '图层',
    'compare.basemap': '底图',
    'compare.handle': '拖动卷帘分界线',
  },
  en: {
    'tool.compare': 'Compare',
    'tool.compareHint': 'Swipe or side-by-side comparison of two sets of layers or two basemaps',
    'compare.title': 'Compare',
    'compare.mode': 'Mode',
    'compare.off': 'Off',
    'compare.swipe': 'Swipe',
    'compare.side': 'Side by side',
    'compare.left': 'Left',
    'compare.right': 'Right',
    'compare.layer': 'Layer',
    'compare.basemap': 'Basemap',
    'compare.handle': 'Drag the swipe divider',
  },
});

const MODES = ['off', 'swipe', 'side'];

/** Every leaf layer of a layer or group (events fire on leaves, not on groups). */
function leaves(layer) {
  if (layer instanceof LayerGroup) return layer.getLayers().getArray().flatMap(leaves);
  return [layer];
}

/**
 * The compare tool. {@code basemaps} is the page's basemap control (its {@code make(name)} gives
 * a fresh basemap layer); {@code collections} the catalogue, from which the right-hand map of the
 * side-by-side view builds layers of its own (an OpenLayers layer belongs to one map).
 */
export function createCompare({ button, map, entries, collections, basemaps, basemapNames, onChange }) {
  const state = { mode: 'off', left: new Set(), right: new Set(), leftBasemap: 'none', rightBasemap: 'none', x: 0.5 };
  let clipKeys = [];
  let rightBasemapLayer = null;
  let rightMap = null;
  const wrap = map.getTargetElement().parentElement;
  const handle = document.createElement('div');
  handle.className = 'swipe-handle';
  handle.hidden = true;
  handle.tabIndex = 0;
  wrap.append(handle);

  // ------------------------------------------------------------------ panel
  const panel = document.createElement('div');
  panel.id = 'compare-panel';
  panel.className = 'compare-panel';
  panel.hidden = true;
  button.insertAdjacentElement('afterend', panel);
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden && state.mode === 'off') {
      // Start from what is on: every visible layer on both sides, the page's basemap left and right.
      state.left = new Set(entries.filter((e) => e.layer.getVisible()).map((e) => e.key));
      state.right = new Set(state.left);
      state.leftBasemap = basemaps.current();
      state.rightBasemap = basemaps.current();
    }
    renderPanel();
  });

  function basemapSelect(side) {
    const select = document.createElement('select');
    select.id = `compare-basemap-${side}`;
    for (const name of basemapNames) {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = t(`basemap.${name === 'none' ? 'none' : name === 'osm' ? 'osm' : name === 'tdt-vec' ? 'tdtVec' : 'tdtImg'}`);
      o.disabled = !basemaps.available(name);
      select.append(o);
    }
    select.value = side === 'left' ? state.leftBasemap : state.rightBasemap;
    select.addEventListener('change', () => {
      if (side === 'left') state.leftBasemap = select.value; else state.rightBasemap = select.value;
      apply();
    });
    return select;
  }

  function renderPanel() {
    panel.replaceChildren();
    const h = document.createElement('h3');
    h.textContent = t('compare.title');
    const modes = document.createElement('div');
    modes.className = 'compare-modes';
    for (const m of MODES) {
      const label = document.createElement('label');
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'compare-mode', value: m, checked: state.mode === m });
      radio.id = `compare-mode-${m}`;
      radio.addEventListener('change', () => { state.mode = m; apply(); });
      label.append(radio, document.createTextNode(t(`compare.${m}`)));
      modes.append(label);
    }
    const table = document.createElement('table');
    table.className = 'compare-layers';
    const head = table.insertRow();
    for (const k of ['compare.layer', 'compare.left', 'compare.right']) {
      const th = document.createElement('th');
      th.textContent = t(k);
      head.append(th);
    }
    const baseRow = table.insertRow();
    baseRow.insertCell().textContent = t('compare.basemap');
    baseRow.insertCell().append(basemapSelect('left'));
    baseRow.insertCell().append(basemapSelect('right'));
    for (const entry of entries) {
      const row = table.insertRow();
      row.dataset.key = entry.key;
      row.insertCell().textContent = entry.title();
      for (const side of ['left', 'right']) {
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: state[side].has(entry.key) });
        box.dataset.side = side;
        box.addEventListener('change', () => {
          if (box.checked) state[side].add(entry.key); else state[side].delete(entry.key);
          apply();
        });
        row.insertCell().append(box);
      }
    }
    panel.append(h, modes, table);
  }

  // ------------------------------------------------------------------ swipe
  function clip(layer, side) {
    const pre = layer.on('prerender', (event) => {
      const ctx = event.context;
      const [w, hgt] = map.getSize();
      const x = state.x * w;
      const [x0, x1] = side === 'left' ? [0, x] : [x, w];
      const tl = getRenderPixel(event, [x0, 0]);
      const tr = getRenderPixel(event, [x1, 0]);
      const bl = getRenderPixel(event, [x0, hgt]);
      const br = getRenderPixel(event, [x1, hgt]);
      ctx.save();
      ctx.beginPath();
      ctx.moveTo(tl[0], tl[1]);
      ctx.lineTo(bl[0], bl[1]);
      ctx.lineTo(br[0], br[1]);
      ctx.lineTo(tr[0], tr[1]);
      ctx.closePath();
      ctx.clip();
    });
    const post = layer.on('postrender', (event) => event.context.restore());
    clipKeys.push(pre, post);
  }

  function placeHandle() {
    handle.style.left = `${state.x * 100}%`;
  }

  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const move = (ev) => {
      const box = wrap.getBoundingClientRect();
      state.x = Math.min(0.98, Math.max(0.02, (ev.clientX - box.left) / box.width));
      placeHandle();
      map.render();
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      onChange();
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    state.x = Math.min(0.98, Math.max(0.02, state.x + (e.key === 'ArrowLeft' ? -0.02 : 0.02)));
    placeHandle();
    map.render();
    onChange();
  });

  // ------------------------------------------------------------------ applying the state
  function teardown() {
    unByKey(clipKeys);
    clipKeys = [];
    if (rightBasemapLayer) { map.removeLayer(rightBasemapLayer); rightBasemapLayer = null; }
    if (rightMap) {
      rightMap.setTarget(null);
      rightMap.getTargetElement?.()?.remove();
      document.getElementById('map-right')?.remove();
      rightMap = null;
    }
    wrap.classList.remove('side-by-side');
    handle.hidden = true;
  }

  function apply() {
    teardown();
    if (state.mode === 'off') {
      map.updateSize();
      map.render();
      onChange();
      return;
    }
    basemaps.set(state.leftBasemap);
    if (state.mode === 'swipe') {
      for (const entry of entries) {
        const left = state.left.has(entry.key);
        const right = state.right.has(entry.key);
        entry.layer.setVisible(left || right);
        if (left !== right) leaves(entry.layer).forEach((l) => clip(l, left ? 'left' : 'right'));
      }
      if (state.rightBasemap !== state.leftBasemap) {
        leaves(basemaps.group).forEach((l) => clip(l, 'left'));
        rightBasemapLayer = basemaps.make(state.rightBasemap);
        if (rightBasemapLayer) {
          rightBasemapLayer.setZIndex(0);
          map.addLayer(rightBasemapLayer);
          leaves(rightBasemapLayer).forEach((l) => clip(l, 'right'));
        }
      }
      handle.hidden = false;
      placeHandle();
    } else {
      for (const entry of entries) entry.layer.setVisible(state.left.has(entry.key));
      const target = document.createElement('div');
      target.id = 'map-right';
      target.className = 'map map-right';
      wrap.append(target);
      wrap.classList.add('side-by-side');
      const { entries: rightEntries } = buildLayers(collections, () => {});
      const layers = rightEntries.map((e) => { e.layer.setVisible(state.right.has(e.key)); return e.layer; });
      const base = basemaps.make(state.rightBasemap);
      rightMap = new Map({ target, view: map.getView(), layers: base ? [base, ...layers] : layers, controls: [] });
      rightMap.set('compareEntries', rightEntries);
    }
    map.updateSize();
    map.render();
    onChange();
  }

  // ------------------------------------------------------------------ permalink
  function toParams() {
    if (state.mode === 'off') return {};
    return {
      cmp: state.mode, cmpL: [...state.left].join(','), cmpR: [...state.right].join(','),
      cmpBL: state.leftBasemap, cmpBR: state.rightBasemap, cmpX: state.x.toFixed(3),
    };
  }

  function restore(params) {
    const mode = params.get('cmp');
    if (!MODES.includes(mode) || mode === 'off') return;
    const known = new Set(entries.map((e) => e.key));
    const keys = (name) => new Set((params.get(name) || '').split(',').filter((k) => known.has(k)));
    state.mode = mode;
    state.left = keys('cmpL');
    state.right = keys('cmpR');
    state.leftBasemap = basemapNames.includes(params.get('cmpBL')) ? params.get('cmpBL') : 'none';
    state.rightBasemap = basemapNames.includes(params.get('cmpBR')) ? params.get('cmpBR') : 'none';
    const x = Number(params.get('cmpX'));
    state.x = Number.isFinite(x) && x > 0 && x < 1 ? x : 0.5;
    apply();
  }

  onLangChange(() => { if (!panel.hidden) renderPanel(); handle.title = t('compare.handle'); });
  handle.title = t('compare.handle');
  return { state, apply, restore, toParams, rightMap: () => rightMap };
}
