// The time bank's books, for councils and admins (GET /api/timebank/ledger/check): whether they
// verify, and where every minute in circulation came from (decision 0008). No personal data.
import { get, el } from '../api.js';
import { session } from '../auth.js';
import { t, formatNumber, formatMinutes, formatDate, formatTime } from '../i18n.js';
import { statusLine } from '../ui.js';

/** A kind of transfer in words; a reversal of one says which ("REVERSAL:WELCOME"). */
function kindWords(kind) {
  const [first, reversed] = kind.split(':');
  return reversed ? t('books.reversalOf', { kind: t(`transfer.${reversed}`) }) : t(`transfer.${first}`);
}

function systemAccount(key, account) {
  const rows = Object.entries(account.byKind).map(([kind, minutes]) => el('tr', {},
    el('th', { scope: 'row' }, kindWords(kind)), el('td', { class: 'number' }, formatMinutes(minutes))));
  return el('section', { 'aria-labelledby': `books-${key}` }, el('h2', { id: `books-${key}` }, t(`books.account.${key}`)),
    el('p', { class: 'meta' }, t(`books.account.${key}.intro`)),
    el('p', {}, t('books.balance', { minutes: formatMinutes(account.balance) })),
    rows.length ? el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t(`books.account.${key}`) },
      el('table', {}, el('caption', {}, t('books.byKind')),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('books.kind')), el('th', { scope: 'col' }, t('books.minutes')))),
        el('tbody', {}, ...rows))) : el('p', {}, t('books.nothing')));
}

export async function booksPage(view) {
  view.replaceChildren(el('h1', {}, t('books.title')));
  if (!session()) {
    view.append(el('p', {}, t('me.signInFirst')));
    return;
  }
  const status = statusLine(t('books.checking'));
  view.append(el('p', {}, t('books.intro')), status);
  let check;
  try {
    check = await get('/timebank/ledger/check');
  } catch (error) {
    status.fail(error);
    return;
  }
  status.done();
  const supply = check.moneySupply;
  const w = supply.welcomes;
  view.append(
    el('p', { id: 'books-verdict', class: check.verified ? 'ok' : 'problem' },
      t(check.verified ? 'books.verified' : 'books.notVerified')),
    el('dl', { class: 'facts' },
      el('dt', {}, t('books.entries')), el('dd', {}, formatNumber(check.entries)),
      el('dt', {}, t('books.unsealed')), el('dd', {}, formatNumber(check.unsealed)),
      el('dt', {}, t('books.sum')), el('dd', {}, formatMinutes(check.sumOfBalances)),
      el('dt', {}, t('books.welcomes')), el('dd', {}, t('books.welcomesValue', { grants: formatNumber(w.grants),
        minutes: formatMinutes(w.minutes), residents: formatNumber(w.residentsWelcomed) })),
      el('dt', {}, t('books.closed')), el('dd', {}, formatNumber(supply.closedAccounts)),
      el('dt', {}, t('books.checkedAt')), el('dd', {}, `${formatDate(check.checkedAt)} ${formatTime(check.checkedAt)}`)),
    supply.gaps.length ? el('section', { 'aria-labelledby': 'books-gaps' }, el('h2', { id: 'books-gaps' }, t('books.gaps')),
      el('ul', {}, ...supply.gaps.map(g => el('li', { lang: 'en' }, g)))) : '',
    systemAccount('issuer', supply.issuer), systemAccount('pot', supply.pot), systemAccount('migration', supply.migration));
}
