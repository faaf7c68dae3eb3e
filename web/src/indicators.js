// The 指标 panel: the plan indicators of /indicators as cards by theme. A card opens to a chart of
// actuals against targets, the figures as the texts state them (each opens its quote and the
// document's title), the progress with the rule it follows, and any disagreement between texts.
import './indicators.css';
import { addTranslations, lang, onLangChange, pick, t } from './i18n.js';
import { indicatorStrings } from './indicators-i18n.js';

addTranslations(indicatorStrings);

const THEMES = ['population', 'economy', 'land', 'green', 'infrastructure', 'investment', 'projects', 'innovation', 'society'];

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k === 'text') e.textContent = v;
    else e[k] = v;
  });
  children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
};

const percent = (x) => `${(x * 100).toFixed(1)}%`;

export function createIndicatorPanel({ container }) {
  let data = null;
  let scope = 'liudong';
  let warningsOnly = false;
  const open = new Set();
  const charts = new Map();
  const quoteOf = new Map(); // indicator id → value id whose quote is shown

  const byValue = () => {
    const m = new Map();
    data.indicators.forEach((ind) => ind.values.forEach((v) => m.set(v.id, { ind, v })));
    return m;
  };
  const periodLabel = (v) => (lang() === 'en' ? v.period_en : v.period_zh);
  const kindLabel = (v) => t(`ind.kind.${v.kind}`);

  async function load() {
    container.replaceChildren(el('p', { class: 'hint', text: t('ind.loading') }));
    try {
      const r = await fetch('/indicators', { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      data = await r.json();
      render();
    } catch (e) {
      container.replaceChildren(el('p', { class: 'error', text: t('ind.failed', { detail: e.message }) }));
    }
  }

  function render() {
    if (!data) return;
    charts.forEach((c) => c.dispose());
    charts.clear();
    const shown = data.indicators.filter((i) => (scope === 'all' || i.scope === scope) && (!warningsOnly || i.warning));
    const values = shown.reduce((n, i) => n + i.values.length, 0);
    const controls = el('div', { class: 'ind-controls' },
      el('label', {}, `${t('ind.scope')} `, scopeSelect()),
      el('label', {}, warningsToggle(), ` ${t('ind.warningsOnly')}`),
      el('a', { href: `/indicators?f=csv${scope === 'all' ? '' : `&scope=${scope}`}`, class: 'ind-csv', download: '', text: t('ind.csv') }));
    const summary = el('p', { class: 'ind-summary', text: t('ind.summary', {
      count: shown.length, values,
      warnings: shown.filter((i) => i.warning).length,
      conflicts: shown.reduce((n, i) => n + i.conflicts.length, 0),
    }) });
    const themes = THEMES.map((theme) => {
      const cards = shown.filter((i) => i.theme === theme).map(card);
      return cards.length ? el('section', { class: 'ind-theme', 'data-theme': theme },
        el('h3', { text: t(`ind.theme.${theme}`) }), cards) : null;
    }).filter(Boolean);
    container.replaceChildren(
      el('h2', { class: 'ind-title', text: t('ind.title') }),
      el('p', { class: 'hint', text: t('ind.intro') }),
      controls, summary, targets2025(), ...themes);
    open.forEach((id) => drawChart(id));
  }

  function scopeSelect() {
    const s = el('select', { class: 'ind-scope' },
      ['liudong', 'city', 'all'].map((v) => el('option', { value: v, selected: v === scope, text: t(`ind.scope.${v}`) })));
    s.addEventListener('change', () => { scope = s.value; render(); });
    return s;
  }

  function warningsToggle() {
    const c = el('input', { type: 'checkbox', class: 'ind-warnings-only', checked: warningsOnly });
    c.addEventListener('change', () => { warningsOnly = c.checked; render(); });
    return c;
  }

  // "How far is Liudong from its 2025 targets?" — each 2025 target, and what the texts let us say.
  function targets2025() {
    const rows = data.indicators
      .filter((i) => i.scope === 'liudong')
      .flatMap((i) => i.values.filter((v) => v.kind === 'target' && v.period_end.startsWith('2025')).map((v) => ({ i, v })));
    const seen = new Set();
    const items = rows.filter(({ i }) => !seen.has(i.id) && seen.add(i.id)).map(({ i, v }) => {
      const prog = i.progress.find((p) => p.target_id === v.id);
      const status = prog ? el('span', { class: `ind-status ${prog.warning ? 'warn' : 'ok'}`, text: progressText(i, prog) })
        : el('span', { class: 'ind-status none', text: t('ind.t2025.none') });
      const name = el('button', { type: 'button', class: 'link ind-goto', text: pick(i, 'name') });
      name.addEventListener('click', () => reveal(i.id));
      return el('li', { 'data-indicator': i.id }, name, ' ', numberButton(i, v), ' — ', status);
    });
    return el('section', { class: 'ind-2025' }, el('h3', { text: t('ind.t2025') }), el('ul', {}, items));
  }

  function reveal(id) {
    if (!container.querySelector(`.ind-card[data-indicator="${id}"]`)) { scope = 'all'; warningsOnly = false; render(); }
    const card = container.querySelector(`.ind-card[data-indicator="${id}"]`);
    if (!open.has(id)) toggle(id);
    card.scrollIntoView({ block: 'start' });
  }

  function card(ind) {
    const actuals = ind.values.filter((v) => v.kind === 'actual');
    const latest = actuals[actuals.length - 1];
    const head = el('button', { type: 'button', class: 'ind-head', 'aria-expanded': String(open.has(ind.id)) },
      el('span', { class: 'ind-name', text: pick(ind, 'name') }),
      ind.scope === 'city' ? el('span', { class: 'badge city', text: t('ind.badge.city') }) : null,
      ind.warning ? el('span', { class: 'badge warn', text: t('ind.badge.warning') }) : null,
      ind.conflict ? el('span', { class: 'badge conflict', text: t('ind.badge.conflict') }) : null,
      el('span', { class: 'ind-latest', text: latest ? `${periodLabel(latest)} ${latest.stated}` : t('ind.noActual') }));
    head.addEventListener('click', () => toggle(ind.id));
    const article = el('article', { class: `ind-card${ind.warning ? ' warning' : ''}${ind.conflict ? ' conflict' : ''}`,
      'data-indicator': ind.id }, head);
    if (open.has(ind.id)) article.append(body(ind));
    return article;
  }

  function body(ind) {
    const list = el('ul', { class: 'ind-values' }, ind.values.map((v) => el('li', { class: `kind-${v.kind}` },
      el('span', { class: 'ind-period', text: `${periodLabel(v)} · ${kindLabel(v)}` }), ' ', numberButton(ind, v),
      v.reported_share_stated ? el('span', { class: 'ind-share', text: `（${t('ind.reportedShare', { share: v.reported_share_stated })}）` }) : null)));
    const progress = ind.progress.map((p) => el('div', { class: `ind-progress ${p.warning ? 'warn' : 'ok'}`, 'data-status': p.status },
      el('strong', { text: `${p.warning ? '⚠ ' : ''}${t(`ind.status.${p.status}`)}` }), ' ', progressText(ind, p),
      el('div', { class: 'ind-rule', text: `${t('ind.rule')}: ${lang() === 'en' ? p.rule_en : p.rule_zh}` }),
      p.caveat_zh ? el('div', { class: 'ind-rule', text: lang() === 'en' ? p.caveat_en : p.caveat_zh }) : null));
    const byId = new Map(ind.values.map((v) => [v.id, v]));
    const conflicts = ind.conflicts.map((k) => el('div', { class: 'ind-conflict' }, t('ind.conflict', {
      period: periodLabel(byId.get(k.value_ids[0])), kind: t(`ind.kind.${k.kind}`),
      stated: k.value_ids.map((id) => byId.get(id).stated).join(' / '),
    })));
    const note = ind.note ? el('p', { class: 'hint', text: ind.note }) : null;
    const quote = el('div', { class: 'ind-quote', hidden: !quoteOf.has(ind.id) });
    if (quoteOf.has(ind.id)) fillQuote(quote, ind, quoteOf.get(ind.id));
    return el('div', { class: 'ind-body' }, el('div', { class: 'ind-chart' }), progress, conflicts, list, quote, note);
  }

  function numberButton(ind, v) {
    const b = el('button', { type: 'button', class: `ind-num kind-${v.kind}`, 'data-value-id': v.id, text: v.stated });
    if (v.qualifier) b.title = t(`ind.qualifier.${v.qualifier}`);
    b.addEventListener('click', (e) => { e.stopPropagation(); showQuote(ind.id, v.id); });
    return b;
  }

  function progressText(ind, p) {
    const all = byValue();
    const v = (id) => all.get(id)?.v || (p.actual?.id === id ? p.actual : p.base?.id === id ? p.base : p.target);
    const target = v(p.target_id);
    const actual = v(p.actual_id);
    if (p.method === 'straight_line') {
      return t('ind.progress.straight', { actualPeriod: periodLabel(actual), actual: actual.stated,
        targetPeriod: periodLabel(target), kind: kindLabel(target), target: target.stated,
        share: percent(p.share), expected: percent(p.expected_share) });
    }
    if (p.method === 'growth') {
      return t('ind.progress.growth', { actualPeriod: periodLabel(actual), actual: actual.stated,
        targetPeriod: periodLabel(target), kind: kindLabel(target), target: target.stated });
    }
    const base = v(p.base_id);
    return t('ind.progress.implied', { basePeriod: periodLabel(base), base: base.stated,
      actualPeriod: periodLabel(actual), actual: actual.stated, rate: p.actual_rate.toFixed(1), target: target.stated });
  }

  function toggle(id) {
    if (open.has(id)) open.delete(id); else open.add(id);
    const old = container.querySelector(`.ind-card[data-indicator="${id}"]`);
    const ind = data.indicators.find((i) => i.id === id);
    charts.get(id)?.dispose();
    charts.delete(id);
    old.replaceWith(card(ind));
    if (open.has(id)) drawChart(id);
  }

  // ECharts is loaded with the first chart opened, not with the map.
  async function drawChart(id) {
    const { drawIndicatorChart } = await import('./indicator-chart.js');
    const box = container.querySelector(`.ind-card[data-indicator="${id}"] .ind-chart`);
    const ind = data.indicators.find((i) => i.id === id);
    if (!box || !ind || !open.has(id)) return;
    const labelOf = (period) => periodLabel(ind.values.find((v) => v.period === period));
    charts.get(id)?.dispose();
    charts.set(id, drawIndicatorChart(box, ind, labelOf, (valueId) => showQuote(id, valueId)));
    box.dataset.drawn = 'true';
  }

  function showQuote(indicatorId, valueId) {
    const all = byValue();
    const hit = all.get(valueId);
    // a value of another indicator (the levels behind an implied rate) opens in its own card
    const ownerId = hit ? hit.ind.id : indicatorId;
    if (!open.has(ownerId)) { reveal(ownerId); }
    quoteOf.set(ownerId, valueId);
    const box = container.querySelector(`.ind-card[data-indicator="${ownerId}"] .ind-quote`);
    fillQuote(box, hit.ind, valueId);
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  function fillQuote(box, ind, valueId) {
    const v = ind.values.find((x) => x.id === valueId);
    const s = v.source;
    const title = lang() === 'en' ? s.document_title_en : s.document_title_zh;
    const part = lang() === 'en' ? s.part_en : s.part_zh;
    const close = el('button', { type: 'button', class: 'close', title: t('ind.quote.close'), text: '×' });
    close.addEventListener('click', () => { quoteOf.delete(ind.id); box.hidden = true; });
    box.replaceChildren(close,
      el('div', { class: 'ind-quote-figure', text: `${pick(ind, 'name')} · ${periodLabel(v)} · ${kindLabel(v)}: ${v.stated}` }),
      el('blockquote', { lang: 'zh-CN', text: `“${s.quote}”` }),
      el('div', { class: 'ind-quote-source' }, `${t('ind.quote.source')}: `,
        el('cite', { class: 'ind-doc-title', text: title }), part ? ` ${part}` : '',
        ` · ${t('ind.quote.line', { file: s.file, line: s.line })}`),
      ...(v.note ? [el('div', { class: 'hint', text: v.note })] : []));
  }

  onLangChange(render);
  // Loaded when the panel is first shown: the map does not wait for the indicators.
  let requested = false;
  const loadWhenShown = () => {
    if (!requested && !container.hidden) { requested = true; load(); }
  };
  new MutationObserver(loadWhenShown).observe(container, { attributes: true, attributeFilter: ['hidden'] });
  loadWhenShown();
  return { reload: load, reveal, showQuote };
}
