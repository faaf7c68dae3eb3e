// The 统计 panel: the 用地平衡表 (land-use balance) of the district, a zone / park / cluster, the
// current parcel query or a drawn polygon, with a donut in the national land-use colours; land
// supply per zone or cluster stacked by status; projects by category, status or year. Every figure
// comes from GET /collections/{id}/statistics (PostGIS); the table downloads as that endpoint's CSV.
import { addTranslations, onLangChange, pick, t, tValue } from './i18n.js';
import { analysisStrings } from './analysis-i18n.js';
import { echarts, saveChartPng } from './charts.js';
import { landUseColour } from './styles.js';

addTranslations(analysisStrings);

const KIND_COLLECTION = { zone: 'planning-zones', park: 'service-parks', cluster: 'industrial-clusters' };
const STATUS_COLOURS = { 已出让: '#c0504d', 已储备: '#f0a830', 规划: '#4f81bd' };
const fmt = (n, d) => Number(n).toLocaleString(undefined, { minimumFractionDigits: d, maximumFractionDigits: d });

function statisticsUrl(collectionId, params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, String(v)); });
  return `/collections/${encodeURIComponent(collectionId)}/statistics?${q}`;
}

async function fetchStatistics(collectionId, params) {
  const r = await fetch(statisticsUrl(collectionId, params), { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body?.detail || `HTTP ${r.status}`);
  return body;
}

/** Count and area of a parcel query with its polygon, areas clipped to the polygon (issue 21, point 2). */
export function clippedTotals(collectionId, filter, ring) {
  return fetchStatistics(collectionId, { filter: filter || undefined, polygon: polygonWkt(ring), mode: 'clip' });
}

export function polygonWkt(ring) {
  const [x0, y0] = ring[0];
  const [xn, yn] = ring[ring.length - 1];
  const closed = x0 === xn && y0 === yn ? ring : [...ring, ring[0]];
  return `POLYGON((${closed.map(([x, y]) => `${x.toFixed(7)} ${y.toFixed(7)}`).join(',')}))`;
}

export function createStatisticsPanel({ container, parcelsCollectionId, landUseClasses, areaFeatures, query, onChange }) {
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => { if (k === 'text') e.textContent = v; else if (v !== undefined) e.setAttribute(k, v); });
    children.flat().forEach((c) => c !== null && c !== undefined && e.append(c));
    return e;
  };
  const scope = el('select', { id: 'stats-scope' });
  const note = el('p', { class: 'hint', id: 'stats-note' });
  const table = el('table', { class: 'results', id: 'stats-table' });
  const donut = el('div', { class: 'chart', id: 'stats-donut' });
  const bySelect = el('select', { id: 'stats-by' });
  const bars = el('div', { class: 'chart', id: 'stats-bars' });
  const projectSelect = el('select', { id: 'stats-project-by' });
  const projectBars = el('div', { class: 'chart small', id: 'stats-projects' });
  const csv = el('a', { class: 'button', id: 'stats-csv' });
  const png = el('button', { type: 'button', id: 'stats-png' });
  const pngBars = el('button', { type: 'button', id: 'stats-png-bars' });
  const h = (key) => el('h3', { 'data-i18n': key, text: t(key) });
  container.replaceChildren(
    el('label', { class: 'block' }, el('span', { 'data-i18n': 'stats.scope', text: t('stats.scope') }), scope),
    h('stats.balance'), note, el('div', { class: 'table-wrap' }, table), donut,
    el('div', { class: 'actions' }, csv, png),
    h('stats.byStatus'), bySelect, bars, el('div', { class: 'actions' }, pngBars),
    h('stats.projects'), projectSelect, projectBars,
  );
  const charts = { donut: echarts.init(donut), bars: echarts.init(bars), projects: echarts.init(projectBars) };
  let current = 'district';
  let seq = 0;

  function renderChoices() {
    const value = scope.value || current;
    scope.replaceChildren(el('option', { value: 'district', text: t('stats.district') }),
      el('option', { value: 'query', text: t('stats.queryScope') }), el('option', { value: 'drawn', text: t('stats.drawnScope') }));
    for (const kind of ['zone', 'park', 'cluster']) {
      const group = el('optgroup', { label: t(`legend.${kind}`) });
      areaFeatures().filter((f) => f.get('kind') === kind)
        .forEach((f) => group.append(el('option', { value: `${KIND_COLLECTION[kind]}/${f.getId()}`, text: pick(f.getProperties(), 'name') })));
      if (group.children.length) scope.append(group);
    }
    scope.value = value;
    bySelect.replaceChildren(el('option', { value: 'zone_id', text: t('stats.byZone') }), el('option', { value: 'area_id', text: t('stats.byCluster') }));
    projectSelect.replaceChildren(el('option', { value: 'category', text: t('stats.byCategory') }),
      el('option', { value: 'status', text: t('stats.byStatusP') }), el('option', { value: 'status_year', text: t('stats.byYear') }));
    png.textContent = t('stats.png');
    pngBars.textContent = t('stats.png');
    csv.textContent = t('stats.csv');
  }

  /** The statistics parameters of the chosen scope (the query's filter, a polygon, or nothing). */
  function scopeParams() {
    if (current === 'district') return {};
    if (current === 'query') {
      const q = query.current();
      const p = { filter: query.filter() || undefined };
      if (q?.polygon?.length >= 3) { p.polygon = polygonWkt(q.polygon); p.mode = q.polygonMode || 'clip'; }
      return p;
    }
    if (current === 'drawn') {
      const ring = query.drawnPolygon();
      if (!ring) throw new Error(t('stats.noPolygon'));
      return { polygon: polygonWkt(ring) };
    }
    return { polygon: current };
  }

  async function renderBalance() {
    const mySeq = ++seq;
    note.textContent = t('stats.loading');
    let params;
    try {
      params = { groupBy: 'land_use_code', ...scopeParams() };
    } catch (e) {
      note.textContent = e.message;
      table.replaceChildren();
      charts.donut.clear();
      return;
    }
    csv.href = statisticsUrl(parcelsCollectionId, { ...params, f: 'csv' });
    try {
      const s = await fetchStatistics(parcelsCollectionId, params);
      if (mySeq !== seq) return;
      note.textContent = s.areas === 'clipped' ? t('stats.clipped') : t('stats.whole');
      container.dataset.areas = s.areas;
      const name = (code) => { const c = landUseClasses.find((x) => String(x.code) === String(code)); return c ? pick(c, 'name') : code; };
      const rows = [...s.groups].sort((a, b) => b.area_ha - a.area_ha);
      const th = (k, cls) => el('th', { class: cls, text: t(k) });
      table.replaceChildren(el('thead', {}, el('tr', {}, th('stats.code'), th('stats.name'), th('stats.count', 'num'), th('stats.ha', 'num'),
        th('stats.mu', 'num'), th('stats.share', 'num'))),
      el('tbody', {}, ...rows.map((g) => el('tr', { 'data-code': g.properties.land_use_code },
        el('td', { text: g.properties.land_use_code }), el('td', { text: name(g.properties.land_use_code) }),
        el('td', { class: 'num', text: g.count.toLocaleString() }), el('td', { class: 'num', text: fmt(g.area_ha, 2) }),
        el('td', { class: 'num', text: fmt(g.area_mu, 1) }), el('td', { class: 'num', text: `${(g.share * 100).toFixed(1)}%` })))),
      el('tfoot', {}, el('tr', { class: 'total' }, el('td', { text: t('stats.total') }), el('td'),
        el('td', { class: 'num', text: s.total.count.toLocaleString() }), el('td', { class: 'num', id: 'stats-total-ha', text: fmt(s.total.area_ha, 2) }),
        el('td', { class: 'num', text: fmt(s.total.area_mu, 1) }), el('td', { class: 'num', text: '100%' }))));
      charts.donut.setOption({
        tooltip: { trigger: 'item', formatter: (p) => `${p.name}<br>${fmt(p.value, 2)} ${t('stats.ha')} (${p.percent}%)` },
        series: [{ type: 'pie', radius: ['42%', '72%'], avoidLabelOverlap: true, label: { formatter: '{b}' },
          data: rows.map((g) => ({ name: name(g.properties.land_use_code), value: Number(g.area_ha.toFixed(4)),
            itemStyle: { color: landUseColour(g.properties.land_use_code) } })) }],
      }, true);
      onChange?.();
    } catch (e) {
      if (mySeq === seq) note.textContent = t('stats.failed', { detail: e.message });
    }
  }

  async function renderStatusBars() {
    const by = bySelect.value || 'zone_id';
    const s = await fetchStatistics(parcelsCollectionId, { groupBy: `${by},status` }).catch(() => null);
    if (!s) return;
    const names = new Map(areaFeatures().map((f) => [String(f.getId()), pick(f.getProperties(), 'name')]));
    const areas = [...new Set(s.groups.map((g) => g.properties[by]).filter((x) => x))].sort();
    charts.bars.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 110, right: 16, top: 30, bottom: 24 },
      xAxis: { type: 'value', name: t('stats.ha') },
      yAxis: { type: 'category', data: areas.map((a) => names.get(a) || a), axisLabel: { width: 100, overflow: 'truncate' } },
      series: Object.keys(STATUS_COLOURS).map((status) => ({
        name: tValue(status), type: 'bar', stack: 'status', itemStyle: { color: STATUS_COLOURS[status] },
        data: areas.map((a) => Number((s.groups.find((g) => g.properties[by] === a && g.properties.status === status)?.area_ha || 0).toFixed(2))),
      })),
    }, true);
  }

  async function renderProjects() {
    const by = projectSelect.value || 'category';
    const s = await fetchStatistics('projects', { groupBy: by }).catch(() => null);
    if (!s) return;
    const groups = s.groups.filter((g) => g.properties[by] !== null);
    charts.projects.setOption({
      tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: groups.map((g) => tValue(String(g.properties[by]))), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: groups.map((g) => g.count), itemStyle: { color: '#1f4e79' } }],
    }, true);
  }

  scope.addEventListener('change', () => { current = scope.value; renderBalance(); });
  bySelect.addEventListener('change', renderStatusBars);
  projectSelect.addEventListener('change', renderProjects);
  png.addEventListener('click', () => saveChartPng(charts.donut, t('stats.balance')));
  pngBars.addEventListener('click', () => saveChartPng(charts.bars, t('stats.byStatus')));
  onLangChange(() => { renderChoices(); renderBalance(); renderStatusBars(); renderProjects(); });
  let shown = false;
  return {
    /** Called when the tab opens (charts need a visible box to size themselves). */
    show() {
      renderChoices();
      Object.values(charts).forEach((c) => c.resize());
      if (!shown) { shown = true; renderStatusBars(); renderProjects(); }
      renderBalance();
    },
    /** The parcel query changed: a balance of the query follows it. */
    queryChanged() { if (shown && (current === 'query' || current === 'drawn')) renderBalance(); },
    state: () => current,
    restore(value) { if (value) { current = value; scope.value = value; } },
    charts,
  };
}
