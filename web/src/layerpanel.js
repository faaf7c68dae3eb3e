import { has, lang, onLangChange, pick, t } from './i18n.js';
import { AREA_KIND_COLOUR, landUseColour } from './styles.js';
import { debounce, el } from './dom.js';
import { fetchQueryables } from './api.js';
import { styleOf } from './catalogue.js';
import { EMPTY, applyCategories, loadCategories } from './categories.js';


/** The layer tree (groups → layers → features of the area groups) with toggles and opacity. */
export function createLayerPanel({ container, legend, entries, landUseClasses, onChange, onTable }) {
  function render() {
    container.replaceChildren();
    const groups = [...new Set(entries.map((e) => e.group))];
    for (const groupId of groups) {
      const members = entries.filter((e) => e.group === groupId);
      const box = el('details', { class: 'layer-group', open: true, 'data-group': groupId },
        el('summary', { text: groupTitle(members[0].groupInfo) }));
      for (const entry of members) box.append(layerRow(entry));
      container.append(box);
    }
    renderLegend();
  }

  function groupTitle(g) {
    if (has(`group.${g.id}`)) return t(`group.${g.id}`);
    return (lang() === 'en' ? g.title_en : g.title_zh) || g.title_zh || g.id;
  }

  function layerRow(entry) {
    const toggle = el('input', { type: 'checkbox', class: 'layer-toggle', checked: entry.layer.getVisible(), 'data-layer': entry.key });
    toggle.addEventListener('change', () => { entry.layer.setVisible(toggle.checked); onChange(); });
    const opacity = el('input', {
      type: 'range', class: 'layer-opacity', min: 0, max: 100, step: 5,
      value: Math.round(entry.layer.getOpacity() * 100), title: t('layer.opacity'), 'data-layer': entry.key,
    });
    opacity.setAttribute('aria-label', t('layer.opacity'));
    opacity.addEventListener('input', () => { entry.layer.setOpacity(opacity.value / 100); onChange(); });
    // Every layer has its attribute table (属性表), docked under the map.
    const table = el('button', { type: 'button', class: 'layer-table', text: t('table.open'), title: t('table.openHint'), 'data-layer': entry.key });
    table.addEventListener('click', () => onTable?.(entry));
    const row = el('div', { class: 'layer', 'data-layer': entry.key },
      el('label', { class: 'layer-name' }, toggle, el('span', { text: ` ${entry.title()}` })),
      opacity, table);
    if (entry.caveat()) row.append(el('div', { class: 'layer-caveat', text: entry.caveat() }));
    if (entry.kind) row.append(featureList(entry));
    if (entry.group === 'imported') row.append(styleControl(entry));
    return row;
  }

  // An imported layer's style: one colour (its catalogue style), or a colour per category of a
  // property the planner picks; the categories and their counts come from the server.
  function styleControl(entry) {
    const select = el('select', { class: 'layer-classify', 'data-layer': entry.key, title: t('classify.hint') });
    select.setAttribute('aria-label', t('classify.label'));
    const fill = () => {
      const chosen = entry.categories?.property ?? '';
      const options = (entry.classifiable || []).map((p) => el('option', { value: p.name, text: p.title === p.name ? p.name : `${p.title}（${p.name}）` }));
      select.replaceChildren(el('option', { value: '', text: t('classify.single') }), ...options);
      select.value = chosen;
    };
    fill();
    if (!entry.classifiable) {
      fetchQueryables(entry.collectionId).then((schema) => {
        entry.classifiable = Object.entries(schema?.properties || {})
          .filter(([, s]) => s.type === 'string' || s.type === 'integer' || s.type === 'boolean')
          .map(([name, s]) => ({ name, title: s.title || name }));
        fill();
      });
    }
    select.addEventListener('change', async () => {
      const property = select.value;
      select.disabled = true;
      try {
        applyCategories(entry, property ? await loadCategories(entry.collectionId, property) : null);
        status.textContent = '';
      } catch (e) {
        select.value = entry.categories?.property ?? '';
        status.textContent = t('classify.failed', { detail: e.message });
      } finally {
        select.disabled = false;
      }
      renderLegend();
      onChange();
    });
    const status = el('div', { class: 'layer-caveat', 'data-layer': entry.key });
    return el('div', { class: 'layer-style' }, el('label', {}, el('span', { text: `${t('classify.label')} ` }), select), status);
  }

  // Individual zones / parks / clusters can be switched off on their own.
  function featureList(entry) {
    const list = el('ul', { class: 'layer-items' });
    const hidden = entry.layer.get('hiddenFeatures');
    const features = entry.source.getFeatures().slice().sort((a, b) => String(a.getId()).localeCompare(String(b.getId())));
    for (const f of features) {
      const box = el('input', { type: 'checkbox', checked: !hidden.has(f.getId()), 'data-feature': f.getId() });
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(f.getId()); else hidden.add(f.getId());
        entry.layer.changed();
      });
      list.append(el('li', {}, el('label', {}, box, el('span', { text: ` ${pick(f.getProperties(), 'name')}` }))));
    }
    return list;
  }

  function renderLegend() {
    legend.replaceChildren();
    legend.append(el('h4', { text: t('legend.areas') }));
    for (const kind of ['zone', 'park', 'cluster']) {
      const sw = el('span', { class: 'swatch outline' });
      sw.style.borderColor = AREA_KIND_COLOUR[kind];
      legend.append(el('div', { class: 'legend-item' }, sw, el('span', { text: t(`legend.${kind}`) })));
    }
    legend.append(el('div', { class: 'legend-note', text: t('legend.schematic') }));
    legend.append(el('h4', { text: t('legend.projects') }));
    legend.append(el('div', { class: 'legend-item' }, el('span', { class: 'swatch star' }), el('span', { text: t('legend.projectApprox') })));
    legend.append(el('div', { class: 'legend-item' }, el('span', { class: 'swatch star hollow' }), el('span', { text: t('legend.projectSchematic') })));
    legend.append(el('h4', { text: t('legend.landUse') }));
    for (const c of legendClasses()) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = landUseColour(c.code);
      legend.append(el('div', { class: 'legend-item', 'data-code': c.code }, sw, el('span', { text: `${c.code} ${pick(c, 'name')}` })));
    }
    legend.append(el('div', { class: 'legend-note synthetic', text: t('legend.synthetic') }));
    for (const entry of entries.filter((e) => e.categories)) legend.append(categoryLegend(entry));
    // Imported layers in one colour: their catalogue style.
    const single = entries.filter((e) => e.group === 'imported' && !e.categories);
    if (single.length) {
      legend.append(el('h4', { text: t('group.imported') }));
      for (const entry of single) {
        const style = styleOf(entry.collection);
        const sw = el('span', { class: 'swatch' });
        sw.style.background = style.fill || 'transparent';
        sw.style.borderColor = style.stroke || '#666666';
        legend.append(el('div', { class: 'legend-item', 'data-layer': entry.key }, sw, el('span', { text: entry.title() })));
      }
    }
  }

  /** Colours imported layers by the categories a permalink names ({layer: property}); unknown names are ignored. */
  async function restoreCategories(chosen) {
    await Promise.all(Object.entries(chosen).map(async ([key, property]) => {
      const entry = entries.find((e) => e.key === key && e.group === 'imported');
      if (!entry || !property) return;
      try {
        applyCategories(entry, await loadCategories(entry.collectionId, property));
      } catch { /* a property the layer no longer has: the layer keeps its own style */ }
    }));
    render();
  }

  /** A categorised layer's legend: each category with its colour and how many features it has. */
  function categoryLegend(entry) {
    const { property, items, other } = entry.categories;
    const box = el('div', { class: 'legend-categories', 'data-layer': entry.key, 'data-property': property },
      el('h4', { text: `${entry.title()} · ${property}` }));
    const item = (colour, label, count, value) => {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = colour;
      return el('div', { class: 'legend-item', 'data-value': value, 'data-count': String(count) },
        sw, el('span', { class: 'legend-label', text: label }), el('span', { class: 'legend-count', text: count.toLocaleString() }));
    };
    for (const c of items) box.append(item(c.colour, c.key === EMPTY ? t('classify.empty') : c.key, c.count, c.key));
    if (other) box.append(item(other.colour, t('classify.other', { n: other.values }), other.count, '__other__'));
    return box;
  }

  function legendClasses() {
    const used = landUseClasses.filter((c) => c.used);
    const classes = used.length ? used : landUseClasses.filter((c) => String(c.code).length === 4);
    return classes.length ? classes : landUseClasses;
  }

  // Features of the area layers arrive after the panel is first drawn.
  for (const entry of entries) {
    if (entry.kind) entry.source.on('addfeature', debounce(render, 50));
  }
  onLangChange(render);
  render();
  return {
    render, restoreCategories,
    /** The categorised layers as the permalink keeps them: layer:property,… */
    categoriesParam: () => entries.filter((e) => e.categories).map((e) => `${e.key}:${e.categories.property}`).join(','),
  };
}
