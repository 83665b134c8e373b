import { get, el } from '../api.js';
import { t, tn, current, formatDate } from '../i18n.js';

let categories;
let districts;

async function districtName(code) {
  if (!districts) {
    try {
      districts = Object.fromEntries((await get('/districts')).map(d => [d.code, d]));
    } catch {
      districts = {};
    }
  }
  const d = districts[code];
  return d ? (current() === 'ko' ? d.nameKo : d.nameEn) : code;
}

async function categoryName(code) {
  if (!categories) {
    try {
      categories = Object.fromEntries((await get('/categories')).map(c => [c.code, c]));
    } catch {
      categories = {};
    }
  }
  const c = categories[code];
  if (!c) return code;
  return { ko: c.nameKo, fr: c.nameFr }[current()] || c.nameEn;
}

export async function searchPage(main) {
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const q = params.get('q') || '';
  const kind = params.get('kind') || '';
  const query = el('input', { id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off' });
  const kindSelect = el('select', { id: 'kind', name: 'kind' },
    el('option', { value: '' }, t('search.kind.any')),
    ...['GOODS', 'SPACE', 'SERVICE', 'CHILDCARE'].map(k => el('option', { value: k }, t(`kind.${k}`))));
  kindSelect.value = kind;
  const form = el('form', { class: 'search', role: 'search' },
    el('label', { for: 'q' }, t('search.query'), query),
    el('label', { for: 'kind' }, t('search.kind'), kindSelect),
    el('button', { type: 'submit' }, t('search.submit')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (query.value.trim()) next.set('q', query.value.trim());
    if (kindSelect.value) next.set('kind', kindSelect.value);
    location.hash = `#/?${next}`;
  });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('search.loading'));
  const list = el('ul', { class: 'results' });
  main.replaceChildren(el('h1', {}, t('search.title')), form, status, list);
  const api = new URLSearchParams({ size: '20' });
  if (q) api.set('q', q);
  if (kind) api.set('kind', kind);
  try {
    const page = await get(`/listings?${api}`);
    status.textContent = page.total ? tn('search.results', page.total) : t('search.none');
    for (const hit of page.items) {
      list.append(el('li', {},
        el('h2', {}, el('a', { href: `#/listings/${hit.id}`, lang: hit.language }, hit.title)),
        el('p', { lang: hit.language }, hit.snippet || ''),
        el('p', { class: 'meta' }, `${t(`kind.${hit.kind}`)} · ${await categoryName(hit.category)}`
          + (hit.district ? ` · ${await districtName(hit.district)}` : '')
          + ` · ${t('search.updated', { date: formatDate(hit.updatedAt) })}`)));
    }
  } catch {
    status.textContent = t('error.load');
    status.className = 'error';
  }
}

export async function listingPage(main, id) {
  main.replaceChildren(el('p', { class: 'status', role: 'status' }, t('search.loading')));
  try {
    const listing = await get(`/listings/${encodeURIComponent(id)}`);
    main.replaceChildren(
      el('p', {}, el('a', { href: '#/' }, t('listing.back'))),
      el('h1', { lang: listing.language }, listing.title),
      el('p', { class: 'meta' }, `${t(`kind.${listing.kind}`)} · ${await categoryName(listing.category)}`),
      el('p', { lang: listing.language }, listing.description));
  } catch {
    main.replaceChildren(el('p', { class: 'error' }, t('listing.notFound')), el('a', { href: '#/' }, t('listing.back')));
  }
}
