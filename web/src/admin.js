// The admin view: the audit trail (filter, page, CSV), the users, and which layers are internal.
import { fetchCollections, getJson } from './api.js';
import { h, openDialog } from './dialog.js';
import { pick, t } from './i18n.js';
import { send } from './session.js';

const ACTIONS = ['login', 'login_failed', 'logout', 'import', 'replace', 'rollback', 'export', 'read', 'user_create', 'user_role',
  'user_password', 'user_active', 'collection_access', 'token_issue', 'token_revoke'];
const PAGE = 50;

function auditTab() {
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const user = h('input', { name: 'user', size: 12 });
  const collection = h('input', { name: 'collection', size: 14 });
  const action = h('select', { name: 'action' }, h('option', { value: '', text: t('audit.any') }),
    ACTIONS.map((a) => h('option', { value: a, text: t(`audit.action.${a}`) })));
  const count = h('span', { class: 'hint', id: 'audit-count' });
  const csv = h('a', { class: 'button', id: 'audit-csv', download: 'audit.csv', text: t('audit.csv') });
  const body = h('tbody');
  const prev = h('button', { type: 'button', text: '‹' });
  const next = h('button', { type: 'button', text: '›' });
  let offset = 0;

  const query = () => {
    const q = new URLSearchParams();
    for (const [k, input] of Object.entries({ from, to, user, collection, action })) if (input.value) q.set(k, input.value.trim());
    return q;
  };
  async function load() {
    const q = query();
    csv.href = `/admin/audit?${new URLSearchParams([...q, ['f', 'csv']])}`;
    q.set('limit', PAGE);
    q.set('offset', offset);
    const page = await getJson(`/admin/audit?${q}`);
    count.textContent = t('audit.count', { n: page.numberMatched });
    prev.disabled = offset === 0;
    next.disabled = offset + PAGE >= page.numberMatched;
    body.replaceChildren(...page.events.map((e) => h('tr', {},
      h('td', { text: e.time.replace('T', ' ').slice(0, 19) }), h('td', { text: e.user ?? '—' }),
      h('td', { text: e.role ? t(`account.role.${e.role}`) : '' }), h('td', { text: e.address ?? '' }),
      h('td', { text: t(`audit.action.${e.action}`) }), h('td', { text: e.collection ?? '' }),
      h('td', { class: 'params', text: JSON.stringify(e.parameters) }), h('td', { class: 'num', text: e.resultSize ?? '' }),
      h('td', { class: `outcome ${e.outcome}`, text: t(`audit.outcome.${e.outcome}`) }))));
  }
  const form = h('form', { class: 'gov-filters' },
    h('label', {}, t('audit.from'), from), h('label', {}, t('audit.to'), to), h('label', {}, t('audit.user'), user),
    h('label', {}, t('audit.action'), action), h('label', {}, t('audit.collection'), collection),
    h('button', { type: 'submit', class: 'primary', text: t('audit.search') }), csv, count);
  form.addEventListener('submit', (e) => { e.preventDefault(); offset = 0; load(); });
  prev.addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  next.addEventListener('click', () => { offset += PAGE; load(); });
  load();
  const head = ['audit.time', 'audit.user', 'audit.role', 'audit.address', 'audit.action', 'audit.collection', 'audit.parameters',
    'audit.size', 'audit.outcome'];
  return h('div', { class: 'gov-tab', id: 'admin-audit' }, form,
    h('div', { class: 'table-wrap' }, h('table', { class: 'results', id: 'audit-table' },
      h('thead', {}, h('tr', {}, head.map((k) => h('th', { text: t(k) })))), body)),
    h('div', { class: 'pager' }, prev, next));
}

function usersTab() {
  const body = h('tbody');
  const message = h('p', { class: 'hint', role: 'status' });
  const act = (fn) => async () => {
    try { await fn(); await load(); } catch (e) { message.textContent = e.message; }
  };
  async function load() {
    const { users } = await getJson('/admin/users');
    body.replaceChildren(...users.map((u) => {
      const role = h('select', {}, ['viewer', 'editor', 'admin'].map((r) => h('option', { value: r, text: t(`account.role.${r}`), selected: r === u.role })));
      role.addEventListener('change', act(() => send('PUT', `/admin/users/${encodeURIComponent(u.name)}/role`, { role: role.value })));
      return h('tr', {}, h('td', { text: u.name }), h('td', {}, role), h('td', { text: u.active ? '✓' : '—' }),
        h('td', {},
          h('button', { type: 'button', text: t('users.reset'), onclick: act(async () => {
            const password = window.prompt(t('users.newPassword', { name: u.name }));
            if (password) await send('PUT', `/admin/users/${encodeURIComponent(u.name)}/password`, { password });
          }) }),
          h('button', { type: 'button', text: t(u.active ? 'users.disable' : 'users.enable'),
            onclick: act(() => send('PUT', `/admin/users/${encodeURIComponent(u.name)}/active`, { active: !u.active })) })));
    }));
  }
  const name = h('input', { name: 'name', required: true, size: 14 });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 10, autocomplete: 'new-password' });
  const role = h('select', { name: 'role' }, ['viewer', 'editor', 'admin'].map((r) => h('option', { value: r, text: t(`account.role.${r}`) })));
  const add = h('form', { class: 'gov-filters', id: 'user-add' }, h('label', {}, t('account.name'), name),
    h('label', {}, t('account.password'), password), h('label', {}, t('users.role'), role),
    h('button', { type: 'submit', class: 'primary', text: t('users.add') }));
  add.addEventListener('submit', (e) => {
    e.preventDefault();
    act(async () => {
      await send('POST', '/admin/users', { name: name.value.trim(), role: role.value, password: password.value });
      message.textContent = t('users.created', { name: name.value.trim() });
      add.reset();
    })();
  });
  load();
  return h('div', { class: 'gov-tab', id: 'admin-users' }, add, message,
    h('table', { class: 'results' }, h('thead', {}, h('tr', {}, ['account.name', 'users.role', 'users.active', ''].map((k) => h('th', { text: k ? t(k) : '' })))), body));
}

function accessTab() {
  const body = h('tbody');
  const message = h('p', { class: 'hint', text: t('access.hint') });
  fetchCollections().then((collections) => body.replaceChildren(...collections.map((c) => {
    const select = h('select', { 'data-collection': c.id }, ['public', 'internal'].map((a) => h('option', { value: a, text: t(`access.${a}`), selected: a === (c.access || 'public') })));
    select.addEventListener('change', async () => {
      try { await send('PUT', `/collections/${encodeURIComponent(c.id)}/access`, { access: select.value }); } catch (e) { message.textContent = e.message; }
    });
    return h('tr', {}, h('td', { text: c.title || pick(c, 'title') }), h('td', { text: c.id }), h('td', {}, select));
  })));
  return h('div', { class: 'gov-tab', id: 'admin-access' }, message, h('table', { class: 'results' }, body));
}

export function openAdmin() {
  const tabs = [['admin.audit', auditTab], ['admin.users', usersTab], ['admin.access', accessTab]];
  const holder = h('div', { class: 'gov-body' });
  const bar = h('nav', { class: 'tabs' });
  const show = (i) => {
    [...bar.children].forEach((b, j) => b.classList.toggle('active', i === j));
    holder.replaceChildren(tabs[i][1]());
  };
  tabs.forEach(([key], i) => bar.append(h('button', { type: 'button', class: 'tab', text: t(key), onclick: () => show(i) })));
  openDialog('admin.title', h('div', {}, bar, holder), { wide: true });
  show(0);
}
