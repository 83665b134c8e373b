// Sign-in with Keycloak's nanum-web client: authorization code with PKCE, done here with Web
// Crypto. Tokens live in sessionStorage (this tab only, gone when it closes or on sign-out) and are
// refreshed before they expire.
import { t } from './i18n.js';

const KEY = 'nanum.session';
let config;
let refreshTimer;

/** What the server tells every client: the issuer, the client id, the city's time zone. */
export async function settings() {
  if (!config) {
    config = await (await fetch('api/sign-in')).json();
  }
  return config;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

export function session() {
  const raw = sessionStorage.getItem(KEY);
  return raw ? JSON.parse(raw) : null;
}

export function token() {
  return session()?.accessToken || null;
}

/** A token's claims: base64url of UTF-8 JSON (names may be Korean, so the bytes are decoded as UTF-8). */
function claimsOf(jwt) {
  const binary = atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
}

function keep(tokens) {
  const claims = claimsOf(tokens.access_token);
  // The name is in the ID token only: access tokens carry no name or email (docs/security.md).
  const id = tokens.id_token ? claimsOf(tokens.id_token) : {};
  const s = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, idToken: tokens.id_token,
    name: id.name || id.preferred_username || claims.name || claims.preferred_username || '', roles: claims.groups || [],
    expiresAt: Date.now() + tokens.expires_in * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  scheduleRefresh(s);
  return s;
}

function scheduleRefresh(s) {
  clearTimeout(refreshTimer);
  if (!s?.refreshToken) return;
  const inMs = Math.max(5_000, s.expiresAt - Date.now() - 30_000);
  refreshTimer = setTimeout(refresh, inMs);
}

async function tokenRequest(body) {
  const { issuer, clientId } = await settings();
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...body }) });
  if (!response.ok) throw Object.assign(new Error(`token ${response.status}`), { status: response.status });
  return response.json();
}

async function refresh() {
  const s = session();
  if (!s) return;
  try {
    keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: s.refreshToken }));
  } catch (error) {
    // Keycloak unreachable (a network error, or a 5xx): the access token still works until it
    // expires, so the resident stays signed in and the refresh is tried again shortly.
    const unreachable = !(error.status >= 400 && error.status < 500);
    if (unreachable && s.expiresAt - Date.now() > 10_000) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 15_000);
      return;
    }
    // The session ended (signed out elsewhere, too long idle, or expired): drawn again, signed out.
    sessionStorage.removeItem(KEY);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
}

/** Whether Keycloak answers at all within a few seconds (any answer counts; no CORS needed). */
async function reachable(url) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5_000);
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: abort.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function signIn() {
  const { issuer, clientId } = await settings();
  // Rather than leave the resident before a browser error page, say so here when sign-in is down.
  if (!(await reachable(`${issuer}/.well-known/openid-configuration`))) {
    const notice = document.getElementById('notice');
    notice.textContent = t('account.signInUnavailable');
    notice.hidden = false;
    return;
  }
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('nanum.pkce', JSON.stringify({ verifier, state, back: location.hash || '#/' }));
  const params = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state,
    ui_locales: document.documentElement.lang });
  location.assign(`${issuer}/protocol/openid-connect/auth?${params}`);
}

/** On the way back from Keycloak: trades the code for tokens (once) and returns where the resident was. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('nanum.pkce') || 'null');
  if (!params.has('code') || !pending) {
    scheduleRefresh(session());
    return;
  }
  sessionStorage.removeItem('nanum.pkce');
  history.replaceState(null, '', `${redirectUri()}${pending.back}`);
  if (params.get('state') !== pending.state) return;
  keep(await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'),
    redirect_uri: redirectUri(), code_verifier: pending.verifier }));
}

/** Forgets the session here without asking Keycloak (the account was erased: Keycloak has no session left). */
export function forget() {
  sessionStorage.removeItem(KEY);
  clearTimeout(refreshTimer);
}

export async function signOut() {
  const s = session();
  sessionStorage.removeItem(KEY);
  clearTimeout(refreshTimer);
  const { issuer, clientId } = await settings();
  const params = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: `${redirectUri()}#/` });
  if (s?.idToken) params.set('id_token_hint', s.idToken);
  location.assign(`${issuer}/protocol/openid-connect/logout?${params}`);
}
