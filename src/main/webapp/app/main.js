// Nanum's web interface: plain modules, no build step, the same /api as every other client
// (docs/decisions/0007-web-interface.md). Pages are routed by the address's #fragment.
import { chosenLanguage, useLanguage, current } from './i18n.js';
import { searchPage, listingPage } from './pages/search.js';
import { transparencyPage } from './pages/transparency.js';
import { councilPage } from './pages/council.js';
import { mePage } from './pages/me.js';
import { reportPage } from './pages/report.js';
import { completeSignIn, session, signIn, signOut } from './auth.js';
import { t } from './i18n.js';
import { el } from './api.js';

const routes = [
  [/^#\/listings\/([\w-]+)$/, listingPage],
  [/^#\/transparency$/, transparencyPage],
  [/^#\/council$/, councilPage],
  [/^#\/me$/, mePage],
  [/^#\/council\/report(\?.*)?$/, reportPage],
  [/^(#\/?)?(\?.*)?$/, searchPage],
];

function account() {
  const box = document.getElementById('account');
  const s = session();
  if (s) {
    const out = el('button', { type: 'button' }, t('account.signOut'));
    out.addEventListener('click', signOut);
    box.replaceChildren(el('a', { href: '#/me' }, t('account.signedInAs', { name: s.name })), out);
  } else {
    const signInButton = el('button', { type: 'button' }, t('account.signIn'));
    signInButton.addEventListener('click', signIn);
    box.replaceChildren(signInButton);
  }
}

async function render() {
  account();
  const main = document.getElementById('main');
  const hash = location.hash || '#/';
  const [pattern, page] = routes.find(([p]) => p.test(hash)) || routes[routes.length - 1];
  const match = hash.match(pattern);
  // Each page draws into a fresh container: a page still loading when the resident moves on
  // draws into a detached one, never over the page they went to.
  const view = document.createElement('div');
  main.replaceChildren(view);
  await page(view, ...(match ? match.slice(1) : []));
}

async function start() {
  await completeSignIn();
  await useLanguage(chosenLanguage());
  const select = document.getElementById('language');
  select.value = current();
  select.addEventListener('change', async () => {
    await useLanguage(select.value);
    await render();
  });
  window.addEventListener('hashchange', render);
  await render();
}

start();
