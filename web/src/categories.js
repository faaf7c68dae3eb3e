import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { getJson } from './api.js';
import { withAlpha } from './styles.js';
import { addTranslations } from './i18n.js';
import './categories.css';

addTranslations({
  zh: {
    'classify.label': '分类设色',
    'classify.hint': '按所选属性的类别着色（最多 12 类，其余归为“其他”）',
    'classify.single': '单一颜色',
    'classify.other': '其他（{n} 类）',
    'classify.empty': '（空值）',
    'classify.failed': '无法读取类别：{detail}',
  },
  en: {
    'classify.label': 'Colour by',
    'classify.hint': 'Colour the features by the categories of a property (up to 12; the rest as “other”)',
    'classify.single': 'one colour',
    'classify.other': 'other ({n} categories)',
    'classify.empty': '(empty)',
    'classify.failed': 'Cannot read the categories: {detail}',
  },
});

// An imported layer drawn by the categories of one of its properties (分类设色): the categories
// and their counts are the server's (`/statistics?groupBy=`), the largest first; each of the first
// twelve gets a colour of a fixed palette, the rest are drawn together as 其他.

export const MAX_CATEGORIES = 12;
// Twelve colours that stay apart on a map and on paper (ColorBrewer's Paired, reordered so that
// the first few — the largest categories — differ most).
export const PALETTE = ['#1F78B4', '#E31A1C', '#33A02C', '#FF7F00', '#6A3D9A', '#B15928',
  '#A6CEE3', '#FB9A99', '#B2DF8A', '#FDBF6F', '#CAB2D6', '#FFFF99'];
export const OTHER_COLOUR = '#9E9E9E';
export const EMPTY = '';   // the key of features whose property is empty

/** The text a category's value is known by in the style (null and '' alike are "empty"). */
export function categoryKey(value) {
  return value === null || value === undefined ? EMPTY : String(value);
}

/**
 * @return {property, items: [{key, value, colour, count}], other: {colour, count, values} | null, total}
 */
export async function loadCategories(collectionId, property) {
  const stats = await getJson(`/collections/${encodeURIComponent(collectionId)}/statistics?groupBy=${encodeURIComponent(property)}`);
  return categoriesOf(property, stats.groups || [], stats.total?.count ?? 0);
}

export function categoriesOf(property, groups, total) {
  const counted = groups.map((g) => ({ value: g.properties?.[property] ?? null, count: g.count }))
    // Largest first; equal counts by value, so that the same data always gets the same colours.
    .sort((a, b) => b.count - a.count || categoryKey(a.value).localeCompare(categoryKey(b.value), 'zh-CN'));
  const items = counted.slice(0, MAX_CATEGORIES).map((c, i) => ({ ...c, key: categoryKey(c.value), colour: PALETTE[i] }));
  const rest = counted.slice(MAX_CATEGORIES);
  const other = rest.length
    ? { colour: OTHER_COLOUR, count: rest.reduce((n, c) => n + c.count, 0), values: rest.length } : null;
  return { property, items, other, total };
}

/** The OpenLayers style of a categorised layer: fill for polygons, stroke for lines, a dot for points. */
export function categoryStyle(categories) {
  const colours = new Map(categories.items.map((c) => [c.key, c.colour]));
  const styles = new Map();
  return (feature) => {
    const colour = colours.get(categoryKey(feature.get(categories.property))) ?? OTHER_COLOUR;
    let style = styles.get(colour);
    if (!style) {
      style = new Style({
        fill: new Fill({ color: withAlpha(colour, 0.55) }),
        stroke: new Stroke({ color: colour, width: 1.5 }),
        image: new Circle({ radius: 6, declutterMode: 'none', fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }),
      });
      styles.set(colour, style);
    }
    return style;
  };
}

/** Draws the layer by its categories, or (null) again in its own single style. */
export function applyCategories(entry, categories) {
  entry.categories = categories;
  entry.layer.setStyle(categories ? categoryStyle(categories) : entry.defaultStyle);
}
