import { exportUrl, fetchItem, fetchQueryables, getJson, itemsUrl } from './api.js';
import { readFeature } from './layers.js';
import { el } from './dom.js';
import { addTranslations, has, onLangChange, t } from './i18n.js';
import { formatFixed } from './queryTable.js';
import { columnKind, tableFilter } from './tableFilter.js';
import './attributeTable.css';

// 属性表: the attribute table of any layer, docked under the map. Its columns are the layer's
// queryables; the filter row becomes one CQL2 text filter; sort, paging (limit + the `next` link),
// the count and the totals are the server's; export sends the same filter, never a list of ids.

addTranslations({
  zh: {
    'table.open': '属性表',
    'table.openHint': '打开此图层的属性表（筛选、排序、统计、导出）',
    'table.title': '属性表：{layer}',
    'table.close': '关闭属性表',
    'table.apply': '筛选',
    'table.clear': '清除筛选',
    'table.eq': '等于',
    'table.like': '包含',
    'table.min': '最小',
    'table.max': '最大',
    'table.any': '全部',
    'table.yes': '是',
    'table.no': '否',
    'table.loading': '正在读取…',
    'table.failed': '读取失败：{detail}',
    'table.page': '第 {from}–{to} 条，共 {count} 条',
    'table.empty': '没有符合条件的要素',
    'table.totals': '合计：{count} 个要素',
    'table.totalsArea': '合计：{count} 个要素，面积 {ha} 公顷（{mu} 亩）',
    'table.export': '导出筛选结果',
    'table.exportHint': '按当前筛选条件导出（与表中相同的要素）',
    'table.pinned': '（地图上选中，不在本页）',
    'table.noColumns': '此图层没有可筛选的属性',
    'table.prev': '上一页',
    'table.next': '下一页',
  },
  en: {
    'table.open': 'Table',
    'table.openHint': 'Open this layer\'s attribute table (filter, sort, totals, export)',
    'table.title': 'Attribute table: {layer}',
    'table.close': 'Close the table',
    'table.apply': 'Filter',
    'table.clear': 'Clear',
    'table.eq': 'equals',
    'table.like': 'contains',
    'table.min': 'min',
    'table.max': 'max',
    'table.any': 'any',
    'table.yes': 'yes',
    'table.no': 'no',
    'table.loading': 'Loading…',
    'table.failed': 'Could not read: {detail}',
    'table.page': '{from}–{to} of {count}',
    'table.empty': 'No feature matches',
    'table.totals': 'Total: {count} features',
    'table.totalsArea': 'Total: {count} features, {ha} ha ({mu} mu)',
    'table.export': 'Export the filtered features',
    'table.exportHint': 'Exports by the current filter (the same features as the table)',
    'table.pinned': '(selected on the map, not on this page)',
    'table.noColumns': 'This layer has no properties to filter on',
    'table.prev': 'Previous',
    'table.next': 'Next',
  },
});

const PAGE_SIZE = 25;
const EXPORT_FORMATS = ['gpkg', 'shapefile', 'geojson', 'csv', 'kml'];

/**
 * @param box        the dock under the map
 * @param onSelect   (entry, feature) a row was chosen: the map highlights and zooms to it
 * @param onResize   the dock opened or closed: the map's size changed
 */
export function createAttributeTable({ box, onSelect, onResize }) {
  let entry = null;
  let columns = [];          // [{name, kind, title}]
  let values = {};           // the filter row's inputs by column
  let sortby = '';
  let filter = '';
  let pageUrls = [];         // the URLs of the pages seen so far: [0] the first, last the current
  let shown = { features: [], matched: 0, offset: 0, next: null };
  let seq = 0;
  let totalsSeq = 0;
  let selectedId = null;

  const title = el('h3', { class: 'attr-title' });
  const closeButton = el('button', { type: 'button', class: 'close', id: 'attr-close', text: '×' });
  const table = el('table', { class: 'results attr-results', id: 'attr-table-grid' });
  const thead = el('thead');
  const tbody = el('tbody');
  table.append(thead, tbody);
  const applyButton = el('button', { type: 'button', class: 'primary', id: 'attr-apply' });
  const clearButton = el('button', { type: 'button', id: 'attr-clear' });
  const cql = el('code', { class: 'cql', id: 'attr-cql' });
  const count = el('span', { id: 'attr-page' });
  const prev = el('button', { type: 'button', id: 'attr-prev' });
  const next = el('button', { type: 'button', id: 'attr-next' });
  const totals = el('span', { class: 'attr-totals', id: 'attr-totals' });
  const formatSelect = el('select', { id: 'attr-export-format' });
  const exportLink = el('a', { class: 'button', id: 'attr-export', download: '' });
  const message = el('div', { class: 'hint', id: 'attr-message' });
  box.replaceChildren(
    el('header', { class: 'attr-head' }, title, el('span', { class: 'attr-actions' }, applyButton, clearButton), closeButton),
    el('div', { class: 'table-wrap attr-wrap' }, table),
    message,
    el('footer', { class: 'attr-foot' },
      el('span', { class: 'pager' }, prev, count, next), totals,
      el('span', { class: 'attr-export' }, formatSelect, exportLink)),
    cql);

  function labels() {
    title.textContent = entry ? t('table.title', { layer: entry.title() }) : '';
    closeButton.title = t('table.close');
    applyButton.textContent = t('table.apply');
    clearButton.textContent = t('table.clear');
    prev.textContent = t('table.prev');
    next.textContent = t('table.next');
    exportLink.textContent = t('table.export');
    exportLink.title = t('table.exportHint');
    const format = formatSelect.value || 'gpkg';
    formatSelect.replaceChildren(...EXPORT_FORMATS.map((f) => el('option', { value: f, text: t(`format.${f}`) })));
    formatSelect.value = format;
  }

  function columnTitle(name, schema) {
    if (has(`attr.${name}`)) return t(`attr.${name}`);
    return schema.title || name;
  }

  function renderHead() {
    const names = el('tr', {}, el('th', { text: 'id' }));
    const filters = el('tr', { class: 'attr-filters' }, el('th'));
    for (const c of columns) {
      const th = el('th', { text: c.title, 'data-sort': c.name, title: c.name });
      if (c.kind === 'number') th.classList.add('num');
      names.append(th);
      filters.append(el('th', {}, filterCell(c)));
    }
    for (const th of names.querySelectorAll('th[data-sort]')) {
      th.classList.toggle('sorted-asc', sortby === th.dataset.sort);
      th.classList.toggle('sorted-desc', sortby === `-${th.dataset.sort}`);
      th.addEventListener('click', () => {
        const key = th.dataset.sort;
        sortby = sortby === key ? `-${key}` : key;
        renderHead();
        load();
      });
    }
    thead.replaceChildren(names, filters);
  }

  function filterCell(c) {
    const v = values[c.name] || (values[c.name] = {});
    const input = (attrs, key) => {
      const i = el('input', { ...attrs, value: v[key] ?? '', 'data-column': c.name, 'data-part': key });
      i.addEventListener('input', () => { v[key] = i.value; });
      i.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
      return i;
    };
    if (c.kind === 'text') {
      const op = el('select', { 'data-column': c.name, 'data-part': 'op' },
        el('option', { value: 'eq', text: t('table.eq') }), el('option', { value: 'like', text: t('table.like') }));
      op.value = v.op || 'eq';
      op.addEventListener('change', () => { v.op = op.value; });
      return el('span', { class: 'attr-filter' }, op, input({ type: 'text' }, 'text'));
    }
    if (c.kind === 'number') {
      return el('span', { class: 'attr-filter' }, input({ type: 'number', step: 'any', placeholder: t('table.min') }, 'min'),
        input({ type: 'number', step: 'any', placeholder: t('table.max') }, 'max'));
    }
    if (c.kind === 'date' || c.kind === 'datetime') {
      return el('span', { class: 'attr-filter' }, input({ type: 'date', title: t('table.min') }, 'min'),
        input({ type: 'date', title: t('table.max') }, 'max'));
    }
    const b = el('select', { 'data-column': c.name, 'data-part': 'bool' }, el('option', { value: '', text: t('table.any') }),
      el('option', { value: 'true', text: t('table.yes') }), el('option', { value: 'false', text: t('table.no') }));
    b.value = v.bool || '';
    b.addEventListener('change', () => { v.bool = b.value; });
    return b;
  }

  function cell(value, c) {
    if (value === null || value === undefined) return el('td');
    if (typeof value === 'object') return el('td', { text: JSON.stringify(value), class: 'attr-json' });
    if (c?.kind === 'number' && typeof value === 'number') {
      return el('td', { class: 'num', text: Number.isInteger(value) ? String(value) : formatFixed(value, 2) });
    }
    // The stored value as it is (what a filter on it must say), not a translation of it.
    return el('td', { text: String(value) });
  }

  function row(feature, pinned = false) {
    const p = feature.properties || {};
    const tr = el('tr', { 'data-id': String(feature.id ?? '') }, cell(feature.id));
    if (pinned) tr.firstChild.append(el('span', { class: 'hint', text: ` ${t('table.pinned')}` }));
    for (const c of columns) tr.append(cell(p[c.name], c));
    tr.classList.toggle('pinned', pinned);
    tr.addEventListener('click', () => choose(feature, tr));
    return tr;
  }

  function choose(feature, tr) {
    selectedId = String(feature.id);
    mark(tr);
    if (feature.geometry) onSelect(entry, readFeature(feature));
  }

  function mark(tr) {
    tbody.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
    if (tr) {
      tr.classList.add('selected');
      tr.scrollIntoView({ block: 'nearest' });
    }
  }

  function renderBody() {
    const { features, matched, offset } = shown;
    tbody.replaceChildren(...features.map((f) => row(f)));
    if (selectedId !== null) mark(tbody.querySelector(`tr[data-id="${CSS.escape(selectedId)}"]`));
    count.textContent = matched ? t('table.page', { from: offset + 1, to: offset + features.length, count: matched.toLocaleString() })
      : t('table.empty');
    count.dataset.matched = String(matched);
    prev.disabled = pageUrls.length <= 1;
    next.disabled = !shown.next;
  }

  async function fetchPage(url, offset) {
    const mine = ++seq;
    message.textContent = t('table.loading');
    box.dataset.loading = 'true';
    try {
      const page = await getJson(url);
      if (mine !== seq) return;
      const nextLink = (page.links || []).find((l) => l.rel === 'next');
      shown = {
        features: page.features || [],
        matched: page.numberMatched ?? page.features?.length ?? 0,
        offset,
        next: nextLink && page.features?.length ? nextLink.href : null,
      };
      message.textContent = '';
      renderBody();
    } catch (e) {
      if (mine !== seq) return;
      message.textContent = t('table.failed', { detail: e.message });
    } finally {
      if (mine === seq) box.dataset.loading = 'false';
    }
  }

  function params() {
    const p = {};
    if (filter) { p.filter = filter; p['filter-lang'] = 'cql2-text'; }
    return p;
  }

  /** The first page of the current filter and sort, the totals, and the export link. */
  function load() {
    if (!entry) return Promise.resolve();
    const first = itemsUrl(entry.collectionId, { limit: PAGE_SIZE, sortby, ...params() });
    pageUrls = [first];
    cql.textContent = filter;
    updateExport();
    return Promise.all([fetchPage(first, 0), loadTotals()]);
  }

  async function loadTotals() {
    const mine = ++totalsSeq;
    totals.textContent = '';
    totals.dataset.count = '';
    const query = new URLSearchParams(params());
    try {
      const stats = await getJson(`/collections/${encodeURIComponent(entry.collectionId)}/statistics?${query}`);
      if (mine !== totalsSeq) return;
      const total = stats.total || {};
      totals.dataset.count = String(total.count ?? stats.numberMatched);
      if (stats.areas !== 'none' && total.area_ha !== undefined) {
        totals.dataset.areaHa = String(total.area_ha);
        totals.dataset.areaMu = String(total.area_mu);
        totals.textContent = t('table.totalsArea', {
          count: Number(total.count).toLocaleString(), ha: formatFixed(total.area_ha, 2), mu: formatFixed(total.area_mu, 1),
        });
      } else {
        delete totals.dataset.areaHa;
        delete totals.dataset.areaMu;
        totals.textContent = t('table.totals', { count: Number(total.count).toLocaleString() });
      }
    } catch (e) {
      totals.textContent = t('table.failed', { detail: e.message });
    }
  }

  function updateExport() {
    exportLink.href = exportUrl(entry.collectionId, { format: formatSelect.value, ...params() });
  }

  function apply() {
    try {
      filter = tableFilter(columns, values);
    } catch (e) {
      message.textContent = t('table.failed', { detail: e.message });
      return Promise.resolve();
    }
    return load();
  }

  async function open(e) {
    entry = e;
    values = {};
    sortby = '';
    filter = '';
    selectedId = null;
    box.hidden = false;
    box.dataset.collection = e.collectionId;
    document.body.classList.add('table-open');
    onResize();
    labels();
    thead.replaceChildren();
    tbody.replaceChildren();
    const schema = await fetchQueryables(e.collectionId);
    if (entry !== e) return;
    columns = Object.entries(schema?.properties || {})
      .map(([name, s]) => ({ name, kind: columnKind(s), title: columnTitle(name, s) }))
      .filter((c) => c.kind && c.name !== 'id');
    message.textContent = columns.length ? '' : t('table.noColumns');
    renderHead();
    await load();
  }

  function close() {
    entry = null;
    seq += 1;
    totalsSeq += 1;
    box.hidden = true;
    delete box.dataset.collection;
    document.body.classList.remove('table-open');
    onResize();
  }

  /** A feature clicked on the map: its row is marked, or shown on top when it is not on this page. */
  async function select(id) {
    if (!entry || id === undefined || id === null) return;
    selectedId = String(id);
    tbody.querySelectorAll('tr.pinned').forEach((r) => r.remove());
    const tr = tbody.querySelector(`tr[data-id="${CSS.escape(selectedId)}"]`);
    if (tr) { mark(tr); return; }
    const e = entry;
    try {
      const feature = await fetchItem(e.collectionId, id);
      if (entry !== e || selectedId !== String(id)) return;
      const pinned = row(feature, true);
      tbody.prepend(pinned);
      mark(pinned);
    } catch (err) {
      message.textContent = t('table.failed', { detail: err.message });
    }
  }

  applyButton.addEventListener('click', () => apply());
  clearButton.addEventListener('click', () => { values = {}; renderHead(); apply(); });
  closeButton.addEventListener('click', close);
  formatSelect.addEventListener('change', () => { if (entry) updateExport(); });
  next.addEventListener('click', () => {
    if (!shown.next) return;
    pageUrls.push(shown.next);
    fetchPage(shown.next, shown.offset + shown.features.length);
  });
  prev.addEventListener('click', () => {
    if (pageUrls.length <= 1) return;
    pageUrls.pop();
    fetchPage(pageUrls[pageUrls.length - 1], Math.max(0, shown.offset - PAGE_SIZE));
  });
  onLangChange(() => { if (entry) { labels(); renderHead(); renderBody(); } });

  return {
    open, close, select, apply,
    entry: () => entry,
    filter: () => filter,
    sortby: () => sortby,
    exportHref: () => exportLink.href,
  };
}
