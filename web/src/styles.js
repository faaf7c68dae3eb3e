import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import Point from 'ol/geom/Point.js';
import { pick } from './i18n.js';

// Colours after the Chinese territorial-planning conventions (《国土空间调查、规划、用途管制用地用海
// 分类指南》 drawings): used only when the land_use_class table does not give a colour.
const FALLBACK_BY_PREFIX = [
  ['0701', '#FFFF2D'], ['0702', '#FFF5AA'], ['0703', '#FFE4A0'], ['07', '#FFFF73'], // 居住 yellow
  ['0801', '#FF00FF'], ['0802', '#E6A0D2'], ['0803', '#FF85C9'], ['0804', '#FF7FAA'], ['08', '#FF9FD0'], // 公共服务 pink
  ['0901', '#FF0000'], ['0902', '#E84A3B'], ['09', '#F05A50'],                       // 商业 red
  ['1001', '#A8828E'], ['1002', '#B49AA4'], ['10', '#9F7A8A'],                       // 工业 brown-purple
  ['11', '#9A7BC4'],                                                                 // 仓储 purple
  ['12', '#A6A6A6'],                                                                 // 交通 grey
  ['13', '#3FA0C8'],                                                                 // 公用设施 blue
  ['1401', '#35C04B'], ['1402', '#76B96E'], ['1403', '#9ED38C'], ['14', '#4DB35E'],   // 绿地 green
  ['15', '#C8A06E'], ['16', '#B8B8A0'], ['17', '#8FCDF2'],
  ['01', '#F2EDB4'], ['02', '#D6E6A0'], ['03', '#63A85A'], ['04', '#C2DA9A'], ['06', '#E5D6B8'],
];

const landUseColours = new Map();

export function setLandUseClasses(classes) {
  landUseColours.clear();
  for (const c of classes || []) {
    if (c.code && c.colour) landUseColours.set(String(c.code), c.colour);
  }
}

export function landUseColour(code) {
  if (!code) return '#CCCCCC';
  const key = String(code);
  if (landUseColours.has(key)) return landUseColours.get(key);
  const hit = FALLBACK_BY_PREFIX.find(([prefix]) => key.startsWith(prefix));
  return hit ? hit[1] : '#CCCCCC';
}

export function withAlpha(hex, alpha) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex || '');
  if (!m) return `rgba(200,200,200,${alpha})`;
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}

// ------------------------------------------------------------------ parcels
const parcelStyles = new Map();
const parcelStroke = new Stroke({ color: 'rgba(90,70,60,0.55)', width: 0.6 });

export function parcelStyle(feature) {
  const code = feature.get('land_use_code');
  const status = feature.get('status');
  // Cells of the overview grid drawn below z14 (no status): filled edge to edge, no parcel
  // outline, so that together they read as a land-use surface, as a 用地规划图 does.
  const overview = feature.get('overview') === true;
  const key = `${code}|${status}|${overview}`;
  let style = parcelStyles.get(key);
  if (overview && !style) {
    // Opaque, and outlined in its own colour: neighbouring cells share an edge, and a translucent
    // or unstroked edge would show the antialiasing seam between them as a faint grid.
    const colour = landUseColour(code);
    style = new Style({ fill: new Fill({ color: colour }), stroke: new Stroke({ color: colour, width: 1 }) });
    parcelStyles.set(key, style);
  }
  if (!style) {
    // 规划 (only planned) parcels are drawn lighter than land already transferred or banked.
    const alpha = status === '规划' ? 0.45 : 0.8;
    style = new Style({ fill: new Fill({ color: withAlpha(landUseColour(code), alpha) }), stroke: parcelStroke });
    parcelStyles.set(key, style);
  }
  return style;
}

// ------------------------------------------------------------------ planning areas
// Parcels (their overview grid) are drawn from z10: about 153 m a pixel at the equator.
const PARCELS_FROM_RESOLUTION = 160;
export const AREA_KIND_COLOUR = { zone: '#1F6FB2', park: '#D9822B', cluster: '#7B3F9E' };

function labelText(feature, fontSize, colour) {
  return new Text({
    text: pick(feature.getProperties(), 'name'),
    font: `600 ${fontSize}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
    fill: new Fill({ color: colour }),
    stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
    overflow: true,
  });
}

function isSchematic(feature) {
  const q = feature.get('geometry_quality') || feature.get('location_quality');
  return q === 'schematic' || q === 'approximate';
}

/** Areas: the catalogue's stroke colour when it gives one; a dashed outline marks schematic extents. */
export function areaStyle(kind, catalogueStyle = {}) {
  const colour = catalogueStyle.stroke || AREA_KIND_COLOUR[kind] || '#444444';
  AREA_KIND_COLOUR[kind] = colour;
  const fill = catalogueStyle.fill || withAlpha(colour, kind === 'zone' ? 0.06 : 0.12);
  const width = kind === 'zone' ? 2.5 : 1.8;
  // Where the parcels are drawn (from z10, resolution 153 m) the areas keep only their outline,
  // so that the land-use colours stay true; the transparent fill still answers clicks.
  // Their names are drawn by the label layer (labels.js).
  const clear = new Fill({ color: 'rgba(0,0,0,0)' });
  const solid = new Fill({ color: fill });
  return (feature, resolution) => new Style({
    fill: resolution < PARCELS_FROM_RESOLUTION ? clear : solid,
    stroke: new Stroke({ color: colour, width, lineDash: isSchematic(feature) ? [8, 5] : undefined }),
  });
}

const AREA_LABEL_SIZE = { zone: 17, cluster: 13, park: 12 };

/** A planning area's name: zones large, clusters and parks smaller; long names on two lines. */
export function areaLabelStyle(kind, feature, opacity = 1) {
  const colour = AREA_KIND_COLOUR[kind] || '#444444';
  const name = String(pick(feature.getProperties(), 'name') || '');
  const text = labelText(feature, AREA_LABEL_SIZE[kind] || 12, colour);
  text.setText(name.replace(/\s*（/, '\n（').replace(/\s*\(/, '\n('));
  if (kind === 'zone') text.setFont(`700 ${AREA_LABEL_SIZE.zone}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`);
  text.getFill().setColor(withAlpha(colour, Math.max(0.35, opacity)));
  return new Style({ text });
}

// ------------------------------------------------------------------ projects
export let PROJECT_COLOUR = '#E4572E';

export function projectStyle(catalogueStyle = {}) {
  if (catalogueStyle.fill) PROJECT_COLOUR = catalogueStyle.fill;
  const colour = PROJECT_COLOUR;
  return (feature, resolution) => {
    const schematic = feature.get('location_quality') === 'schematic';
    return new Style({
      image: new RegularShape({
        // Smaller stars when zoomed out, where two hundred projects share a few kilometres.
        // At district scale the stars stay small, so that the land use under them still reads.
        points: 5, radius: resolution > 20 ? 5 : 9, radius2: resolution > 20 ? 2.2 : 4, angle: 0, declutterMode: 'none',
        fill: new Fill({ color: schematic ? 'rgba(255,255,255,0.9)' : colour }),
        stroke: new Stroke({ color: '#7A2E12', width: 1.3 }),
      }),
      // Names from z14 on: at z13 two hundred of them would bury the planning areas' names.
      text: resolution < 10 ? new Text({
        text: pick(feature.getProperties(), 'name'),
        offsetY: -16,
        font: '12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
        fill: new Fill({ color: '#5A1A0A' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
      }) : undefined,
    });
  };
}

// ------------------------------------------------------------------ background and anything else
/** A style from the catalogue's default_style {fill, stroke, strokeWidth, lineDash, pointRadius, label}. */
export function genericStyle(cs = {}, labelled = false) {
  const stroke = new Stroke({ color: cs.stroke || '#666', width: cs.strokeWidth ?? 1.5, lineDash: cs.lineDash });
  const fill = new Fill({ color: cs.fill || 'rgba(200,200,200,0.15)' });
  const base = new Style({
    stroke, fill,
    image: new Circle({ radius: cs.pointRadius ?? 5, declutterMode: 'none', fill: new Fill({ color: cs.stroke || '#666' }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }),
  });
  if (!labelled && !cs.label) return () => base;
  return (feature, resolution) => {
    if (resolution > 40) return base;
    const style = base.clone();
    style.setText(labelText(feature, 11, cs.stroke || '#555'));
    return style;
  };
}

const BACKGROUND = {
  district: { stroke: '#666666', strokeWidth: 1.5, lineDash: [10, 4, 2, 4], fill: 'rgba(240,240,235,0.2)', label: 'name_zh' },
  river: { stroke: '#4A90C8', strokeWidth: 2.5, fill: 'rgba(140,190,230,0.75)' },
  road: { stroke: '#B0A090', strokeWidth: 2 },
  locality: { stroke: '#8A8A7A', strokeWidth: 1, lineDash: [3, 3], fill: 'rgba(220,215,200,0.18)', label: 'name_zh' },
};

export function backgroundStyle(role, catalogueStyle = {}) {
  if (role === 'spatial_structure') return structureStyle;
  return genericStyle({ ...(BACKGROUND[role] || {}), ...catalogueStyle });
}

const structureColour = { axis: '#C0392B', core: '#C0392B', sub_core: '#E67E22', zone: '#16A085', node: '#8E44AD' };

function structureStyle(feature) {
  const colour = structureColour[feature.get('element')] || '#555';
  return new Style({
    stroke: new Stroke({ color: colour, width: feature.get('element') === 'axis' ? 4 : 1.5, lineDash: [12, 6] }),
    fill: new Fill({ color: withAlpha(colour, 0.08) }),
    image: new Circle({ radius: 7, declutterMode: 'none', fill: new Fill({ color: withAlpha(colour, 0.7) }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: labelText(feature, 11, colour),
  });
}

// ------------------------------------------------------------------ highlights
export const highlightStyle = new Style({
  stroke: new Stroke({ color: '#00E5FF', width: 3 }),
  fill: new Fill({ color: 'rgba(0,229,255,0.18)' }),
  image: new Circle({ radius: 11, stroke: new Stroke({ color: '#00E5FF', width: 3 }), fill: new Fill({ color: 'rgba(0,229,255,0.2)' }) }),
});

export const resultStyle = new Style({
  stroke: new Stroke({ color: '#0050FF', width: 1.6 }),
  fill: new Fill({ color: 'rgba(0,80,255,0.22)' }),
});

export const selectedStyle = new Style({
  stroke: new Stroke({ color: '#FF1493', width: 3.5 }),
  fill: new Fill({ color: 'rgba(255,20,147,0.25)' }),
  image: new Circle({ radius: 12, stroke: new Stroke({ color: '#FF1493', width: 3 }) }),
});

export const drawStyle = new Style({
  stroke: new Stroke({ color: '#FF6F00', width: 2, lineDash: [6, 4] }),
  fill: new Fill({ color: 'rgba(255,111,0,0.12)' }),
  image: new Circle({ radius: 5, fill: new Fill({ color: '#FF6F00' }) }),
});

// ------------------------------------------------------------------ measurements
// Dark ink on a white casing: visible over every land-use colour, the planning outlines and a
// basemap alike (an orange dash vanished on commercial land).
const MEASURE_INK = '#1d2731';
const measureCasing = new Stroke({ color: 'rgba(255,255,255,0.95)', width: 7 });
const measureLine = new Stroke({ color: MEASURE_INK, width: 3 });
const measureFill = new Fill({ color: 'rgba(29,39,49,0.12)' });

export const measuringStyle = [
  new Style({ stroke: measureCasing }),
  new Style({
    stroke: new Stroke({ color: MEASURE_INK, width: 2.5, lineDash: [8, 5] }), fill: measureFill,
    image: new Circle({ radius: 5, fill: new Fill({ color: MEASURE_INK }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
];

/** A finished measurement: the line or polygon, and its figure at its end (or inside it). */
export function measuredStyle(feature) {
  const geometry = feature.getGeometry();
  const at = geometry.getType() === 'Polygon' ? geometry.getInteriorPoint()
    : new Point(geometry.getLastCoordinate());
  return [
    new Style({ stroke: measureCasing }),
    new Style({ stroke: measureLine, fill: measureFill }),
    new Style({
      geometry: at,
      text: new Text({
        text: feature.get('measure') || '',
        font: '600 12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
        fill: new Fill({ color: MEASURE_INK }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 4 }),
        offsetY: -14,
        overflow: true,
      }),
    }),
  ];
}
