// The account corner of the top bar: sign in and out, the role, and the admin and versions views.
import './account-messages.js';
import './account.css';
import { h, openDialog } from './dialog.js';
import { onLangChange, t } from './i18n.js';
import { hasRole, refreshSession, send, session, signIn, signOut } from './session.js';
import { openAdmin } from './admin.js';
import { openVersions } from './versions.js';

/** A sign-in form; resolves when signed in (or when closed, if closable). */
function signInDialog({ required }) {
  return new Promise((resolve) => {
    const name = h('input', { name: 'name', autocomplete: 'username', required: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const error = h('p', { class: 'gov-error', role: 'alert' });
    const form = h('form', { class: 'gov-form' },
      required ? h('p', { text: t('account.required') }) : null,
      h('label', {}, h('span', { text: t('account.name') }), name),
      h('label', {}, h('span', { text: t('account.password') }), password),
      error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: t('account.submit') })));
    const { close } = openDialog('account.signIn', form, { closable: !required });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        await signIn(name.value.trim(), password.value);
        close();
        resolve(true);
      } catch (err) {
        error.textContent = t('account.failed', { detail: err.message });
        password.value = '';
      }
    });
    name.focus();
  });
}

function passwordDialog() {
  const current = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const error = h('p', { class: 'gov-error', role: 'alert' });
  const form = h('form', { class: 'gov-form' },
    h('label', {}, h('span', { text: t('account.currentPassword') }), current),
    h('label', {}, h('span', { text: t('account.newPassword') }), next), error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: t('account.changePassword') })));
  const { close } = openDialog('account.changePassword', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send('POST', '/auth/password', { current: current.value, password: next.value });
      close();
      window.alert(t('account.passwordChanged'));
      window.location.reload();
    } catch (err) {
      error.textContent = err.message;
    }
  });
}

function render(area) {
  const s = session();
  area.replaceChildren();
  if (!s.signedIn) {
    area.append(h('button', { type: 'button', class: 'tool', id: 'account-sign-in', text: t('account.signIn'),
      onclick: async () => { if (await signInDialog({ required: false })) window.location.reload(); } }));
    return;
  }
  area.append(h('span', { class: 'gov-who', id: 'account-who' }, `${s.name} · `, h('em', { text: t(`account.role.${s.role}`) })));
  if (hasRole('editor')) area.append(h('button', { type: 'button', class: 'tool', id: 'account-versions', text: t('account.versions'), onclick: openVersions }));
  if (hasRole('admin')) area.append(h('button', { type: 'button', class: 'tool', id: 'account-admin', text: t('account.admin'), onclick: openAdmin }));
  if (s.name && !s.name.startsWith('editor-')) {
    area.append(h('button', { type: 'button', class: 'tool', text: t('account.changePassword'), onclick: passwordDialog }));
  }
  area.append(h('button', { type: 'button', class: 'tool', id: 'account-sign-out', text: t('account.signOut'),
    onclick: async () => { await signOut(); window.location.reload(); } }));
}

/**
 * Reads who is signed in and draws the corner. When the server serves no anonymous visitors, waits
 * for a sign-in before the map asks for its layers.
 */
export async function startAccount(area) {
  let s = await refreshSession().catch(() => session());
  if (!s.signedIn && !s.anonymousRead) {
    await signInDialog({ required: true });
    s = await refreshSession();
  }
  render(area);
  onLangChange(() => render(area));
  return s;
}
