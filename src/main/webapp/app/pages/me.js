import { get, el } from '../api.js';
import { session } from '../auth.js';
import { t, current } from '../i18n.js';

export async function mePage(main) {
  if (!session()) {
    main.replaceChildren(el('h1', {}, t('me.title')), el('p', {}, t('me.signInFirst')));
    return;
  }
  const status = el('p', { class: 'status', role: 'status' }, t('search.loading'));
  main.replaceChildren(el('h1', {}, t('me.title')), status);
  try {
    const me = await get('/me');
    status.remove();
    main.append(el('dl', {},
      el('dt', {}, t('me.name')), el('dd', {}, me.displayName),
      el('dt', {}, t('me.district')), el('dd', {}, me.district ? (current() === 'ko' ? me.district.nameKo : me.district.nameEn) : '—')));
  } catch {
    status.textContent = t('error.load');
    status.className = 'error';
  }
}
