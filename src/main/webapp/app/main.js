// Nanum's web interface: plain modules, no build step, the same /api as every other client
// (docs/decisions/0007-web-interface.md). Pages are routed by the address's #fragment.
import { chosenLanguage, useLanguage, useZone, current, t } from './i18n.js';
import { completeSignIn, session, settings, signIn, signOut } from './auth.js';
import { el } from './api.js';

// Each route names the module that draws it, loaded when first needed, and the function in it.
// The groups in the address (after #) are passed to the page.
const routes = [
  [/^#\/listings\/([\w-]+)$/, './pages/listing.js', 'listingPage'],
  [/^#\/transparency(\?.*)?$/, './pages/transparency.js', 'transparencyPage'],
  [/^#\/council\/report(\?.*)?$/, './pages/report.js', 'reportPage'],
  [/^#\/council\/proposals\/([\w-]+)$/, './pages/proposals.js', 'proposalPage'],
  [/^#\/council\/propose$/, './pages/proposals.js', 'proposePage'],
  [/^#\/council\/petitions$/, './pages/petitions.js', 'petitionsPage'],
  [/^#\/council\/petitions\/([\w-]+)$/, './pages/petitions.js', 'petitionPage'],
  [/^#\/council\/appeals$/, './pages/appeals.js', 'appealsPage'],
  [/^#\/council\/appeals\/([\w-]+)$/, './pages/appeals.js', 'appealPage'],
  [/^#\/council$/, './pages/council.js', 'councilPage'],
  [/^#\/council\/books$/, './pages/books.js', 'booksPage'],
  [/^#\/me$/, './pages/me.js', 'mePage'],
  [/^#\/me\/listings$/, './pages/mylistings.js', 'myListingsPage'],
  [/^#\/me\/listings\/new$/, './pages/mylistings.js', 'newListingPage'],
  [/^#\/me\/listings\/([\w-]+)$/, './pages/mylistings.js', 'editListingPage'],
  [/^#\/me\/loans$/, './pages/loans.js', 'loansPage'],
  [/^#\/me\/loans\/([\w-]+)$/, './pages/loans.js', 'loanPage'],
  [/^#\/me\/bookings\/([\w-]+)$/, './pages/loans.js', 'bookingPage'],
  [/^#\/me\/settings$/, './pages/settings.js', 'settingsPage'],
  [/^#\/me\/reports$/, './pages/settings.js', 'myReportsPage'],
  [/^#\/inbox$/, './pages/inbox.js', 'inboxPage'],
  [/^#\/timebank$/, './pages/timebank.js', 'timebankPage'],
  [/^#\/timebank\/ask$/, './pages/timebank.js', 'askPage'],
  [/^#\/timebank\/sessions\/([\w-]+)$/, './pages/timebank.js', 'sessionPage'],
  [/^#\/staff$/, './pages/staff.js', 'queuePage'],
  [/^#\/staff\/cases\/([\w-]+)$/, './pages/staff.js', 'casePage'],
  [/^#\/staff\/sitters$/, './pages/staff.js', 'sittersPage'],
  [/^#\/staff\/city$/, './pages/staff.js', 'cityPage'],
  [/^#\/staff\/deposits$/, './pages/staff.js', 'depositsPage'],
  [/^#\/staff\/disputes$/, './pages/staff.js', 'disputesPage'],
  [/^#\/staff\/imports$/, './pages/staff.js', 'importsPage'],
  [/^(#\/?)?(\?.*)?$/, './pages/search.js', 'searchPage'],
];

/** The links a person sees depend on who they are: residents, staff, council members. */
function personalLinks(s) {
  const roles = s?.roles || [];
  const links = [];
  if (roles.includes('resident')) {
    links.push(['#/me', 'nav.me'], ['#/timebank', 'nav.timebank'], ['#/inbox', 'nav.inbox']);
  }
  if (roles.includes('staff')) links.push(['#/staff', 'nav.staff']);
  if (roles.includes('council') || roles.includes('admin')) {
    links.push(['#/council/appeals', 'nav.appeals'], ['#/council/report', 'nav.report'], ['#/council/books', 'nav.books']);
  }
  return links;
}

function navigation() {
  const list = document.getElementById('personal');
  list.replaceChildren(...personalLinks(session()).map(([href, key]) => el('li', {}, el('a', { href }, t(key)))));
  const here = location.hash || '#/';
  for (const link of document.querySelectorAll('.top nav a')) {
    if (link.getAttribute('href') === here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

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

let moved = false;

async function render() {
  const notice = document.getElementById('notice');
  notice.hidden = true;
  notice.textContent = '';
  account();
  navigation();
  const main = document.getElementById('main');
  const hash = location.hash || '#/';
  const [pattern, module, name] = routes.find(([p]) => p.test(hash)) || routes[routes.length - 1];
  const match = hash.match(pattern);
  // Each page draws into a fresh container: a page still loading when the resident moves on
  // draws into a detached one, never over the page they went to.
  const view = document.createElement('div');
  main.replaceChildren(view);
  try {
    const page = (await import(module))[name];
    await page(view, ...(match ? match.slice(1) : []));
  } catch (error) {
    console.error(error);
    view.replaceChildren(el('h1', {}, t('error.title')), el('p', { class: 'error' }, t('error.load')));
  }
  // A new page: focus moves to its heading's container so screen readers start there.
  if (moved) {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  moved = true;
}

async function start() {
  await completeSignIn();
  useZone((await settings()).cityZone);
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
