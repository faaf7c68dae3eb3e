import { pick, t } from './i18n.js';
import { caveatOf, styleOf, titleOf } from './catalogue.js';
import { AREA_KIND_COLOUR, PROJECT_COLOUR, landUseColour } from './styles.js';

// What a printed map's legend and notes say: the layers drawn, the land-use classes actually in
// the printed extent, the caveats of what is schematic or synthetic, and the documents the
// drawn features come from.

const BACKGROUND_SWATCH = {
  district: { type: 'line', colour: '#666666', dashed: true },
  river: { type: 'fill', colour: '#8CBEE6', stroke: '#4A90C8' },
  road: { type: 'line', colour: '#B0A090' },
  locality: { type: 'fill', colour: '#EDEBE2', stroke: '#8A8A7A', dashed: true },
};

function visible(entry) {
  return entry.layer.getVisible();
}

/** Features of a layer drawn inside the extent (vector tiles: those of the last rendering). */
function featuresIn(entry, extent) {
  if (entry.layer.getFeaturesInExtent) return entry.layer.getFeaturesInExtent(extent);
  return entry.source.getFeaturesInExtent ? entry.source.getFeaturesInExtent(extent) : [];
}

/** Land-use classes of the parcels drawn inside the extent, in code order, with their colours. */
export function landUseInExtent(entries, extent, landUseClasses) {
  const codes = new Set();
  for (const entry of entries) {
    if (entry.role !== 'land_parcel' || !visible(entry)) continue;
    for (const f of featuresIn(entry, extent)) {
      if (f.get('land_use_code')) codes.add(String(f.get('land_use_code')));
    }
  }
  return [...codes].sort().map((code) => {
    const known = landUseClasses.find((c) => String(c.code) === code);
    return { code, label: known ? `${code} ${pick(known, 'name')}` : code, colour: landUseColour(code) };
  });
}

/**
 * The legend of a printed map: sections of {heading, items: [{swatch, label}]} for the layers
 * that are on and have something inside the extent.
 */
export function legendSections(entries, extent, landUseClasses) {
  const sections = [];
  const areas = [];
  for (const entry of entries.filter((e) => e.kind && visible(e) && featuresIn(e, extent).length)) {
    areas.push({ swatch: { type: 'fill', colour: AREA_KIND_COLOUR[entry.kind], dashed: true }, label: entry.title() });
  }
  if (areas.length) sections.push({ heading: t('legend.areas'), items: areas, note: t('legend.schematic') });

  const projects = entries.find((e) => e.role === 'project' && visible(e));
  if (projects && featuresIn(projects, extent).length) {
    sections.push({
      heading: t('legend.projects'),
      items: [
        { swatch: { type: 'star', colour: PROJECT_COLOUR }, label: t('legend.projectApprox') },
        { swatch: { type: 'star', colour: '#FFFFFF', stroke: '#7A2E12' }, label: t('legend.projectSchematic') },
      ],
    });
  }

  const uses = landUseInExtent(entries, extent, landUseClasses);
  if (uses.length) {
    sections.push({
      heading: t('legend.landUse'),
      items: uses.map((u) => ({ swatch: { type: 'fill', colour: u.colour }, label: u.label })),
      note: entries.some((e) => e.role === 'land_parcel' && visible(e) && e.collection?.group === 'parcels') ? t('legend.synthetic') : '',
    });
  }

  // A layer drawn by categories (分类设色) gets a section of its own: each category, its colour, its count.
  for (const entry of entries.filter((e) => visible(e) && e.categories)) {
    const { property, items, other } = entry.categories;
    const legendItems = items.map((c) => ({
      swatch: { type: 'fill', colour: c.colour }, label: `${c.key === '' ? t('classify.empty') : c.key}（${c.count}）`,
    }));
    if (other) legendItems.push({ swatch: { type: 'fill', colour: other.colour }, label: `${t('classify.other', { n: other.values })}（${other.count}）` });
    sections.push({ heading: `${entry.title()} · ${property}`, items: legendItems });
  }

  const others = [];
  for (const entry of entries.filter((e) => visible(e) && !e.kind && !e.categories && e.role !== 'project' && e.role !== 'land_parcel')) {
    const swatch = BACKGROUND_SWATCH[entry.role] || styleSwatch(styleOf(entry.collection));
    others.push({ swatch, label: entry.title() });
  }
  if (others.length) sections.push({ heading: t('print.otherLayers'), items: others });
  return sections;
}

/** A legend swatch from a catalogue style (an imported layer's fill and stroke). */
export function styleSwatch(style = {}) {
  if (style.fill) return { type: 'fill', colour: style.fill, stroke: style.stroke };
  return { type: 'line', colour: style.stroke || '#666666', dashed: Array.isArray(style.lineDash) };
}

/** A swatch as inline SVG, so that it stays vector on paper. */
export function swatchSvg(swatch, size = 14) {
  const s = size;
  const stroke = swatch.stroke || swatch.colour;
  const dash = swatch.dashed ? ' stroke-dasharray="3 2"' : '';
  let shape;
  if (swatch.type === 'line') {
    shape = `<line x1="1" y1="${s / 2}" x2="${s - 1}" y2="${s / 2}" stroke="${swatch.colour}" stroke-width="2.5"${dash}/>`;
  } else if (swatch.type === 'star') {
    const pts = [];
    for (let i = 0; i < 10; i += 1) {
      const r = i % 2 === 0 ? s / 2 - 1 : s / 4.5;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push(`${(s / 2 + r * Math.cos(a)).toFixed(2)},${(s / 2 + r * Math.sin(a)).toFixed(2)}`);
    }
    shape = `<polygon points="${pts.join(' ')}" fill="${swatch.colour}" stroke="${swatch.stroke || '#7A2E12'}" stroke-width="1"/>`;
  } else {
    shape = `<rect x="1" y="1" width="${s - 2}" height="${s - 2}" fill="${swatch.colour}" stroke="${stroke}" stroke-width="1"${dash}/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">${shape}</svg>`;
}

/** The caveats of the layers drawn: what is schematic, approximate or synthetic, said on the sheet. */
export function caveats(entries) {
  const texts = new Set();
  for (const entry of entries.filter(visible)) {
    const c = caveatOf(entry.collection);
    if (c) texts.add(c);
  }
  return [...texts];
}

/** The documents the drawn features cite, as 《title》（date）, once each, in file order. */
export function sourceDocuments(entries, extent) {
  const docs = new Map();
  for (const entry of entries.filter((e) => visible(e) && !e.layer.getFeaturesInExtent)) {
    for (const f of featuresIn(entry, extent)) {
      let sources = f.get('sources');
      if (typeof sources === 'string') {
        try { sources = JSON.parse(sources); } catch { sources = []; }
      }
      for (const s of Array.isArray(sources) ? sources : []) {
        if (!s?.file || docs.has(s.file)) continue;
        const title = s.title ? (s.title.startsWith('《') ? s.title : `《${s.title}》`) : s.file;
        docs.set(s.file, s.date ? `${title}（${s.date}）` : title);
      }
    }
  }
  return [...docs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text);
}

/** Titles of the layers on, for the sheet's note of what it shows. */
export function layerTitles(entries) {
  return entries.filter(visible).map((e) => titleOf(e.collection));
}
