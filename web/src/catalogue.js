import { lang } from './i18n.js';

// Reading the server's catalogue extras (titles in both languages, the layer-panel group, the
// caveat, the default style). The names are read in snake_case or camelCase, and the group as
// an object or a bare id, so the page does not break on a spelling change of the API.

function member(c, ...names) {
  for (const n of names) if (c?.[n] !== undefined && c[n] !== null) return c[n];
  return undefined;
}

export function groupOf(c) {
  const g = member(c, 'group', 'group_id', 'groupId');
  if (g && typeof g === 'object') {
    return {
      id: g.id,
      title_zh: member(g, 'title_zh', 'titleZh'),
      title_en: member(g, 'title_en', 'titleEn'),
      sort: member(g, 'order', 'sort_order', 'sortOrder') ?? 1000,
    };
  }
  if (typeof g === 'string') return { id: g, sort: 1000 };
  return { id: guessGroup(c.id), sort: 1000 };
}

function guessGroup(id) {
  if (/zone/.test(id)) return 'zones';
  if (/park/.test(id)) return 'parks';
  if (/cluster/.test(id)) return 'clusters';
  if (/structure/.test(id)) return 'structure';
  if (/project/.test(id)) return 'projects';
  if (/parcel/.test(id)) return 'parcels';
  return 'context';
}

export function titleOf(c) {
  const zh = member(c, 'title_zh', 'titleZh') ?? c.title;
  const en = member(c, 'title_en', 'titleEn') ?? c.title;
  return lang() === 'en' ? en || zh : zh || en;
}

export function caveatOf(c) {
  const caveat = member(c, 'caveat');
  if (caveat && typeof caveat === 'object') return lang() === 'en' ? caveat.en || caveat.zh : caveat.zh || caveat.en;
  const zh = member(c, 'caveat_zh', 'caveatZh', 'caveat');
  const en = member(c, 'caveat_en', 'caveatEn');
  return lang() === 'en' ? en || zh || '' : zh || en || '';
}

export function styleOf(c) {
  return member(c, 'style', 'default_style', 'defaultStyle') || {};
}

export function tileMinZoom(c) {
  return member(c.tiles || {}, 'minZoom', 'minzoom') ?? member(c, 'tile_min_zoom', 'tileMinZoom') ?? 0;
}

/** The tile URL template, same-origin (the catalogue writes absolute URLs with the host it was asked on). */
export function tileUrlOf(c, fallback) {
  const url = c.tiles?.url;
  return typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') : fallback;
}
