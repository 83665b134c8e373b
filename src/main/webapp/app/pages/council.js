import { get, el } from '../api.js';
import { t, formatNumber } from '../i18n.js';
import { session } from '../auth.js';

export async function councilPage(main) {
  const status = el('p', { class: 'status', role: 'status' }, t('search.loading'));
  const roles = session()?.roles || [];
  main.replaceChildren(el('h1', {}, t('council.title')), el('p', {}, t('council.intro')),
    roles.includes('council') || roles.includes('admin') ? el('p', {}, el('a', { href: '#/council/report' }, t('nav.report'))) : '',
    status);
  try {
    const proposals = await get('/council/proposals');
    if (!proposals.length) {
      status.textContent = t('council.none');
      return;
    }
    status.remove();
    main.append(el('table', {},
      el('thead', {}, el('tr', {}, ...['council', 'policy', 'change', 'status', 'votes']
        .map(k => el('th', { scope: 'col' }, t(`council.${k}`))))),
      el('tbody', {}, ...proposals.map(p => el('tr', {},
        el('td', {}, p.councilName), el('td', {}, p.policy),
        el('td', {}, `${formatNumber(p.valueThen)} → ${formatNumber(p.proposedValue)} ${p.unit}`),
        el('td', {}, t(`status.${p.status}`)),
        el('td', {}, p.yes == null ? '—' : `${p.yes} / ${p.no} / ${p.abstentions}`))))));
  } catch {
    status.textContent = t('error.load');
    status.className = 'error';
  }
}
