// A modal dialog (the platform's <dialog>) and a small element builder for the account views.
import { t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** Opens a modal with a title and content; returns { dialog, close }. The close button and Esc close it. */
export function openDialog(titleKey, content, { wide = false, closable = true } = {}) {
  const dialog = h('dialog', { class: `gov-dialog${wide ? ' wide' : ''}` });
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.append(h('header', {}, h('h2', { text: t(titleKey) }),
    closable ? h('button', { type: 'button', class: 'close', title: t('account.close'), onclick: close, text: '×' }) : null), content);
  if (!closable) dialog.addEventListener('cancel', (e) => e.preventDefault());
  else dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}
