import { get, el } from '../api.js';
import { t, formatDate } from '../i18n.js';

export async function transparencyPage(main) {
  const status = el('p', { class: 'status', role: 'status' }, t('search.loading'));
  main.replaceChildren(el('h1', {}, t('transparency.title')), el('p', {}, t('transparency.intro')), status);
  try {
    const page = await get('/transparency/log');
    if (!page.entries.length) {
      status.textContent = t('transparency.none');
      return;
    }
    status.remove();
    main.append(el('table', {},
      el('thead', {}, el('tr', {}, ...['when', 'action', 'target', 'reason', 'by']
        .map(k => el('th', { scope: 'col' }, t(`transparency.${k}`))))),
      el('tbody', {}, ...page.entries.map(e => el('tr', {},
        el('td', {}, formatDate(e.at)), el('td', {}, e.action), el('td', {}, e.targetType),
        el('td', {}, e.reasonCategory), el('td', {}, `${e.actorRole} ${e.actor}`))))));
  } catch {
    status.textContent = t('error.load');
    status.className = 'error';
  }
}
