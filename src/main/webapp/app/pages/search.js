// The search page (#/ and #/?q=…): words with suggestions as you type, filters (kind, category,
// district, owner, offer or request, available days, near a district's office or the resident's
// location, sort), facet counts as filter links, pages, and a map of the results. Everything the
// resident chose is kept in the address, so a link or a reload gives the same results.
import { get, el } from '../api.js';
import { t, tn, formatDate, formatNumber, current } from '../i18n.js';
import { categoryList, categoryName, districtList, districtName, field, statusLine, today } from '../ui.js';
import { districtMap } from '../map.js';

const SIZE = 20;
const FILTERS = ['category', 'district', 'ownerType', 'direction', 'availableFrom', 'availableTo', 'near', 'withinKm', 'sort'];
const FACETS = ['kind', 'category', 'district', 'ownerType', 'direction'];
const COORDINATES = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

/** The address for these parameters, without the empty ones. */
function address(params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params) if (v) clean.set(k, v);
  const text = clean.toString();
  return text ? `#/?${text}` : '#/';
}

/** The same search with one parameter changed (or removed), back on its first page. */
function withParam(params, name, value) {
  const next = new URLSearchParams(params);
  next.delete('page');
  if (value) next.set(name, value);
  else next.delete(name);
  return address(next);
}

/** Where "near" points: a district's office (its code) or a place (lat,lon from the resident's device). */
function nearPoint(near, districts) {
  if (!near) return null;
  if (COORDINATES.test(near)) {
    const [latitude, longitude] = near.split(',').map(Number);
    return { latitude, longitude };
  }
  const d = districts.find(x => x.code === near);
  return d ? { latitude: d.latitude, longitude: d.longitude } : null;
}

async function facetName(dimension, value) {
  if (dimension === 'kind') return t(`kind.${value}`);
  if (dimension === 'category') return categoryName(value);
  if (dimension === 'district') return districtName(value);
  return t(`search.${dimension}.${value}`);
}

/** The facet counts as filter links; a chosen value is shown as chosen, with a link that removes it. */
async function facetLinks(params, facets) {
  const groups = [];
  for (const dimension of FACETS) {
    const counts = Object.entries(facets?.[dimension] || {}).sort((a, b) => b[1] - a[1]);
    if (!counts.length) continue;
    const chosen = params.get(dimension);
    const items = [];
    for (const [value, count] of counts) {
      const name = await facetName(dimension, value);
      const label = t('search.facetCount', { name, n: formatNumber(count) });
      items.push(value === chosen
        ? el('li', {}, el('strong', {}, label), ' ', el('a', { href: withParam(params, dimension, '') },
          t('search.removeFilter', { name })))
        : el('li', {}, el('a', { href: withParam(params, dimension, value) }, label)));
    }
    groups.push(el('h3', {}, t(`search.facet.${dimension}`)), el('ul', { class: 'facets' }, ...items));
  }
  if (!groups.length) return '';
  return el('section', { 'aria-labelledby': 'search-facets' }, el('h2', { id: 'search-facets' }, t('search.narrow')), ...groups);
}

function paging(params, page, total) {
  const pages = Math.min(Math.ceil(total / SIZE), 501);
  if (pages <= 1) return '';
  const link = (n, text, rel) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return el('a', { href: address(next), rel }, text);
  };
  return el('nav', { class: 'paging', 'aria-label': t('search.pages') },
    page > 1 ? link(page - 1, t('search.previous'), 'prev') : '',
    el('span', {}, t('search.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })),
    page < pages ? link(page + 1, t('search.next'), 'next') : '');
}

/** Suggestions as the resident types: titles from the catalogue, into the search box's datalist. */
function suggestions(input, list) {
  let timer;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < 2 || prefix.length > 50) {
      list.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const titles = await get(`/listings/suggest?${new URLSearchParams({ prefix })}`);
        if (mine === asked) list.replaceChildren(...titles.map(title => el('option', { value: title })));
      } catch {
        // Suggestions are a help, not a need: the search itself still works.
      }
    }, 250);
  });
}

function select(label, name, value, options, attributes = {}) {
  const wrapper = field(label, 'select', { id: `filter-${name}`, name, ...attributes },
    ...options.map(([v, text, extra]) => el('option', { value: v, ...(extra || {}) }, text)));
  wrapper.querySelector('select').value = value || '';
  return wrapper;
}

function categoryOptions(categories) {
  const name = c => ({ ko: c.nameKo, fr: c.nameFr }[current()] || c.nameEn);
  const options = [['', t('search.any')]];
  for (const parent of categories.filter(c => !c.parent)) {
    options.push([parent.code, name(parent)]);
    for (const child of categories.filter(c => c.parent === parent.code)) options.push([child.code, `— ${name(child)}`]);
  }
  return options;
}

export async function searchPage(main) {
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const q = params.get('q') || '';
  const kind = params.get('kind') || '';
  const page = Math.max(1, Number.parseInt(params.get('page'), 10) || 1);
  const [districts, categories] = await Promise.all([districtList(), categoryList()]);
  const districtLabel = d => (current() === 'ko' ? d.nameKo : d.nameEn);
  let here = COORDINATES.test(params.get('near') || '') ? params.get('near') : null;

  const query = el('input', { id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off', list: 'q-suggestions' });
  const datalist = el('datalist', { id: 'q-suggestions' });
  suggestions(query, datalist);
  const kindSelect = el('select', { id: 'kind', name: 'kind' },
    el('option', { value: '' }, t('search.kind.any')),
    ...['GOODS', 'SPACE', 'SERVICE', 'CHILDCARE'].map(k => el('option', { value: k }, t(`kind.${k}`))));
  kindSelect.value = kind;

  const status = statusLine();
  const warn = text => { status.say(text); status.className = 'error'; };

  const nearValue = here ? 'here' : (params.get('near') || '');
  const nearOptions = [['', t('search.anywhere')],
    'geolocation' in navigator || here ? ['here', t('search.myLocation')] : null,
    ...districts.map(d => [d.code, t('search.nearOffice', { name: districtLabel(d) })])].filter(Boolean);
  const filters = [
    select(t('search.facet.category'), 'category', params.get('category'), categoryOptions(categories)),
    select(t('search.facet.district'), 'district', params.get('district'),
      [['', t('search.any')], ...districts.map(d => [d.code, districtLabel(d)])]),
    select(t('search.facet.ownerType'), 'ownerType', params.get('ownerType'),
      [['', t('search.any')], ...['RESIDENT', 'HOUSEHOLD', 'CITY'].map(v => [v, t(`search.ownerType.${v}`)])]),
    select(t('search.facet.direction'), 'direction', params.get('direction'),
      [['', t('search.any')], ...['OFFER', 'REQUEST'].map(v => [v, t(`search.direction.${v}`)])]),
    field(t('search.availableFrom'), 'input', { id: 'filter-availableFrom', name: 'availableFrom', type: 'date',
      min: today(), value: params.get('availableFrom') || '' }),
    field(t('search.availableTo'), 'input', { id: 'filter-availableTo', name: 'availableTo', type: 'date',
      min: today(), value: params.get('availableTo') || '' }),
    select(t('search.near'), 'near', nearValue, nearOptions),
    field(t('search.withinKm'), 'input', { id: 'filter-withinKm', name: 'withinKm', type: 'number', min: '0.1',
      max: '100', step: '0.1', inputmode: 'decimal', value: params.get('withinKm') || '' }),
    select(t('search.sort'), 'sort', params.get('sort'),
      ['RELEVANCE', 'NEWEST', 'DISTANCE'].map(v => [v === 'RELEVANCE' ? '' : v, t(`search.sort.${v}`)])),
  ];
  const control = name => filters.map(f => f.querySelector(`[name=${name}]`)).find(Boolean);
  const nearSelect = control('near');
  nearSelect.addEventListener('change', () => {
    if (nearSelect.value !== 'here' || !('geolocation' in navigator)) return;
    status.say(t('search.locating'));
    navigator.geolocation.getCurrentPosition(position => {
      here = `${position.coords.latitude.toFixed(4)},${position.coords.longitude.toFixed(4)}`;
      status.say(t('search.located'));
    }, () => {
      nearSelect.value = '';
      warn(t('search.noLocation'));
    }, { maximumAge: 600_000, timeout: 15_000 });
  });
  const active = FILTERS.some(name => params.get(name));
  const details = el('details', { class: 'filters', open: active },
    el('summary', {}, t('search.filters')),
    el('div', { class: 'filter-fields' }, ...filters),
    el('p', {}, el('button', { type: 'submit' }, t('search.apply')), ' ',
      el('a', { href: address(new URLSearchParams({ q, kind })) }, t('search.clear'))));

  const form = el('form', { class: 'search', role: 'search' },
    el('label', { for: 'q' }, t('search.query'), query), datalist,
    el('label', { for: 'kind' }, t('search.kind'), kindSelect),
    el('button', { type: 'submit' }, t('search.submit')),
    details);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (query.value.trim()) next.set('q', query.value.trim());
    if (kindSelect.value) next.set('kind', kindSelect.value);
    for (const name of FILTERS) {
      const value = control(name).value.trim();
      if (value) next.set(name, value);
    }
    if (next.get('near') === 'here') {
      if (!here) return warn(t('search.noLocation'));
      next.set('near', here);
    }
    if (!next.get('near') && (next.get('sort') === 'DISTANCE' || next.get('withinKm'))) return warn(t('search.needNear'));
    if (next.get('availableFrom') && next.get('availableTo') && next.get('availableTo') < next.get('availableFrom')) {
      return warn(t('search.datesReversed'));
    }
    location.hash = address(next);
    return undefined;
  });

  const list = el('ul', { class: 'results' });
  const results = el('div', { class: 'search-results' }, list);
  const side = el('div', { class: 'search-side' });
  main.replaceChildren(el('h1', {}, t('search.title')), form, status, el('div', { class: 'search-layout' }, results, side));

  const near = nearPoint(params.get('near'), districts);
  const api = new URLSearchParams({ size: String(SIZE), page: String(page - 1) });
  for (const name of ['q', 'kind', 'category', 'district', 'ownerType', 'direction', 'availableFrom', 'availableTo']) {
    if (params.get(name)) api.set(name, params.get(name));
  }
  if (near) {
    api.set('near', `${near.latitude.toFixed(5)},${near.longitude.toFixed(5)}`);
    if (params.get('withinKm')) api.set('withinKm', params.get('withinKm'));
    if (params.get('sort')) api.set('sort', params.get('sort'));
  } else if (params.get('sort') === 'NEWEST') api.set('sort', 'NEWEST');
  try {
    const found = await get(`/listings?${api}`);
    status.say(found.total ? tn('search.results', found.total) : t('search.none'));
    for (const hit of found.items) {
      list.append(el('li', {},
        el('h2', {}, el('a', { href: `#/listings/${hit.id}`, lang: hit.language }, hit.title)),
        el('p', { lang: hit.language }, hit.snippet || ''),
        el('p', { class: 'meta' }, `${t(`kind.${hit.kind}`)} · ${await categoryName(hit.category)}`
          + (hit.district ? ` · ${await districtName(hit.district)}` : '')
          + (hit.distanceKm != null ? ` · ${t('search.distance', { km: formatNumber(hit.distanceKm) })}` : '')
          + ` · ${t('search.updated', { date: formatDate(hit.updatedAt) })}`)));
    }
    results.append(paging(params, page, found.total));
    if (found.total) {
      const map = districtMap(districts, found.items, {
        title: tn('map.label', found.items.filter(h => h.latitude != null).length),
        counts: found.facets?.district || {},
        selected: params.get('district'),
        near: near ? { ...near, km: Number(params.get('withinKm')) || 0 } : null,
      });
      if (map) {
        side.append(el('section', { 'aria-labelledby': 'search-map' },
          el('h2', { id: 'search-map' }, t('map.heading')),
          el('figure', { class: 'map-figure' }, map, el('figcaption', {}, t('map.caption')))));
      }
    }
    side.append(await facetLinks(params, found.facets));
  } catch (error) {
    if (error?.status === 400) warn(t('search.badFilters'));
    else status.fail(error);
  }
}
