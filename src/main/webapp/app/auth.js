// Sign-in with Keycloak's nanum-web client: authorization code with PKCE, done here with Web
// Crypto. Tokens live in sessionStorage (this tab only, gone when it closes or on sign-out) and are
// refreshed before they expire.
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
  const s = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, idToken: tokens.id_token,
    name: claims.name || claims.preferred_username, roles: claims.groups || [],
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
  if (!response.ok) throw new Error(`token ${response.status}`);
  return response.json();
}

async function refresh() {
  const s = session();
  if (!s) return;
  try {
    keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: s.refreshToken }));
  } catch {
    // The session ended (signed out elsewhere, or too long idle): the page is drawn again, signed out.
    sessionStorage.removeItem(KEY);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
}

export async function signIn() {
  const { issuer, clientId } = await settings();
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

export async function signOut() {
  const s = session();
  sessionStorage.removeItem(KEY);
  clearTimeout(refreshTimer);
  const { issuer, clientId } = await settings();
  const params = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: `${redirectUri()}#/` });
  if (s?.idToken) params.set('id_token_hint', s.idToken);
  location.assign(`${issuer}/protocol/openid-connect/logout?${params}`);
}
