// Layer versions for editors: each import or rollback of a layer, a comparison with the current data, and rollback.
import { fetchCollections, getJson } from './api.js';
import { h, openDialog } from './dialog.js';
import { t } from './i18n.js';
import { send } from './session.js';

export function openVersions() {
  const layer = h('select', { id: 'versions-layer' });
  const message = h('p', { class: 'hint', role: 'status', id: 'versions-message' });
  const body = h('tbody');

  async function load() {
    const id = layer.value;
    const { versions } = await getJson(`/collections/${encodeURIComponent(id)}/versions`);
    if (layer.value !== id) return;  // another layer was chosen meanwhile: its own load draws the table
    body.replaceChildren(...versions.slice().reverse().map((v) => h('tr', { 'data-version': v.version },
      h('td', { class: 'num', text: v.version }),
      h('td', { text: t(`versions.action.${v.action}`) + (v.restoredFrom ? ` ← ${v.restoredFrom}` : '') }),
      h('td', { text: v.createdBy }), h('td', { text: v.createdAt ? v.createdAt.replace('T', ' ').slice(0, 16) : '' }),
      h('td', { text: v.fileName ?? '' }), h('td', { class: 'num', text: v.featureCount }),
      h('td', { title: v.checksum, text: v.checksum.slice(0, 8) }),
      h('td', {}, v.current ? h('strong', { text: t('versions.current') }) : !v.rowsKept ? t('versions.dropped') : [
        h('button', { type: 'button', class: 'compare', text: t('versions.compare'), onclick: () => compare(id, v.version) }),
        h('button', { type: 'button', class: 'rollback', text: t('versions.rollback'), onclick: () => rollback(id, v.version) })]))));
  }

  async function compare(id, version) {
    const diff = await getJson(`/collections/${encodeURIComponent(id)}/diff?from=${version}`);
    message.textContent = t('versions.diff', { from: version, ...diff.summary, area: diff.summary.areaChangeM2.toLocaleString() });
  }

  async function rollback(id, version) {
    const title = layer.selectedOptions[0]?.textContent || id;
    if (!window.confirm(t('versions.confirmRollback', { layer: title, v: version }))) return;
    try {
      const now = await send('POST', `/collections/${encodeURIComponent(id)}/versions/${version}/rollback`);
      message.textContent = t('versions.rolledBack', { v: now.version, from: version });
      await load();
    } catch (e) {
      message.textContent = e.message;
    }
  }

  fetchCollections().then((collections) => {
    layer.replaceChildren(...collections.map((c) => h('option', { value: c.id, text: `${c.title} (${c.id})` })));
    const imported = collections.find((c) => c.id === 'land-parcels') || collections[0];
    if (imported) layer.value = imported.id;
    load();
  });
  layer.addEventListener('change', () => { message.textContent = ''; load(); });
  const head = ['versions.version', 'versions.action', 'versions.by', 'versions.when', 'versions.file', 'versions.count', 'versions.checksum', ''];
  openDialog('versions.title', h('div', { class: 'gov-body' },
    h('label', { class: 'gov-filters' }, t('versions.layer'), layer), message,
    h('table', { class: 'results', id: 'versions-table' }, h('thead', {}, h('tr', {}, head.map((k) => h('th', { text: k ? t(k) : '' })))), body)),
  { wide: true });
}
