// Who is signed in, and the writes the page sends on their behalf (with the session's CSRF token).
import { ApiError } from './api.js';

let state = { signedIn: false, name: null, role: null, csrfToken: null, anonymousRead: true };
const ROLES = ['viewer', 'editor', 'admin'];

export function session() {
  return state;
}

/** True when the signed-in account has at least this role. */
export function hasRole(role) {
  return state.signedIn && ROLES.indexOf(state.role) >= ROLES.indexOf(role);
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body?.detail || body?.title || response.statusText);
  return body;
}

export async function refreshSession() {
  const response = await fetch('/auth/session', { headers: { Accept: 'application/json', 'X-Planview-Page': '1' } });
  state = await answer(response);
  return state;
}

/** A write: JSON body, the CSRF token, and the header that spares the browser's Basic dialog. */
export async function send(method, url, body) {
  const headers = { Accept: 'application/json', 'X-Planview-Page': '1' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return answer(response);
}

export async function signIn(name, password) {
  state = await send('POST', '/auth/login', { name, password });
  return state;
}

export async function signOut() {
  await send('POST', '/auth/logout', {});
  state = { ...state, signedIn: false, name: null, role: null, csrfToken: null };
}
