// The signed-in person's page: who they are, and the way to everything that is theirs.
import { get, el } from '../api.js';
import { t, current } from '../i18n.js';
import { hasRole, signedIn, statusLine } from '../ui.js';

export async function mePage(view) {
  if (!signedIn(view, t('me.title'), t('me.signInFirst'))) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('me.title')), status);
  try {
    const me = await get('/me');
    status.done();
    view.append(el('dl', { class: 'facts' },
      el('dt', {}, t('me.name')), el('dd', {}, me.displayName),
      el('dt', {}, t('me.district')), el('dd', {}, me.district ? (current() === 'ko' ? me.district.nameKo : me.district.nameEn) : '—'),
      el('dt', {}, t('me.number')), el('dd', {}, el('code', { id: 'resident-number' }, me.id),
        el('span', { class: 'meta' }, ` · ${t('me.numberUse')}`))));
  } catch (error) {
    status.fail(error);
  }
  const links = [];
  if (hasRole('resident')) {
    links.push(['#/me/listings', 'me.listings'], ['#/me/loans', 'me.loans'], ['#/timebank', 'me.timebank'],
      ['#/inbox', 'me.inbox'], ['#/me/reports', 'me.reports'], ['#/me/settings', 'me.settings']);
  }
  if (hasRole('staff')) links.push(['#/staff', 'me.staff']);
  if (hasRole('council') || hasRole('admin')) links.push(['#/council', 'me.council'], ['#/council/report', 'nav.report']);
  view.append(el('nav', { 'aria-label': t('me.sections') }, el('ul', { class: 'cards' },
    ...links.map(([href, key]) => el('li', {}, el('a', { href }, t(key)))))));
}
