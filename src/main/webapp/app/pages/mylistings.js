// The resident's own listings: the list with publish/pause/withdraw (#/me/listings), a form to list
// something new (#/me/listings/new), and one listing's page to describe it anew, change its status,
// block days and add or delete photos (#/me/listings/{id}).
import { get, send, el, ProblemError } from '../api.js';
import { token } from '../auth.js';
import { t, current, formatDate, formatDay } from '../i18n.js';
import { statusLine, markFields, field, actionButton, signedIn, hasRole, categoryList, districtList, today,
  cityLocal, cityInstant } from '../ui.js';

const CONDITIONS = ['NEW', 'GOOD', 'FAIR', 'WORN'];
const ACCESS = ['STEP_FREE', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'PARKING'];
const AGE_BANDS = ['AGE_0_2', 'AGE_3_5', 'AGE_6_9', 'AGE_10_12'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
// Languages are named in their own language, as in the header's choice.
const LANGUAGES = { ko: '한국어', en: 'English', fr: 'Français' };
const PARTS = { GOODS: 'goods', SPACE: 'space', SERVICE: 'service', CHILDCARE: 'childcare' };

/** The kinds this person may list: spaces belong to the city, so only staff list them. */
function kindsForMe() {
  return ['GOODS', 'SERVICE', 'CHILDCARE', ...(hasRole('staff') ? ['SPACE'] : [])];
}

function categoryLabel(c, all) {
  const name = x => ({ ko: x.nameKo, fr: x.nameFr }[current()] || x.nameEn);
  const parent = all.find(p => p.code === c.parent);
  return parent && parent.parent ? `${name(parent)} › ${name(c)}` : name(c);
}

function districtLabel(d) {
  return current() === 'ko' ? d.nameKo : d.nameEn;
}

/** The control inside a field() label. */
function control(label) {
  return label.lastElementChild;
}

/** A group of checkboxes with a legend; each box is labelled. */
function checkboxes(legend, name, values, labelKey, chosen = [], idPrefix = name) {
  return el('fieldset', { class: 'choices' }, el('legend', {}, legend),
    ...values.map(v => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name, value: v, id: `${idPrefix}-${v}`, checked: chosen.includes(v) }),
      ` ${t(`${labelKey}.${v}`)}`)));
}

/**
 * Shows why a form was refused: marks the fields the problem names, says which ones by their labels
 * (the server's own words are English), and moves the focus to the first.
 */
export function explain(form, error, status) {
  markFields(form, error);
  status.fail(error);
  const bad = [...form.querySelectorAll('[aria-invalid="true"]')];
  const names = [...new Set(bad.map(input => (input.type === 'checkbox'
    ? input.closest('fieldset')?.querySelector('legend')
    : input.closest('label')?.querySelector('span'))?.textContent).filter(Boolean))];
  if (error?.slug === 'invalid-request' && names.length) status.textContent = t('mylistings.fixFields', { fields: names.join(', ') });
  if (bad.length) bad[0].focus();
}

/** A time of day on a quarter hour, as the API takes them: from 00:00 (start) or 00:15 (end) to 24:00. */
function quarterSelect(label, name, value, first) {
  const times = [];
  for (let m = first; m <= 1440 - (first ? 0 : 15); m += 15) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  const box = field(label, 'select', { name }, ...times.map(x => el('option', { value: x }, x)));
  control(box).value = value;
  return box;
}

/** One weekly window in which a space can be booked online. */
function bookableWindow(hours = { days: [], from: '09:00', to: '18:00' }) {
  const box = el('fieldset', { class: 'window' }, el('legend', {}, t('mylistings.space.window')));
  const remove = el('button', { type: 'button', class: 'secondary' }, t('mylistings.space.removeWindow'));
  remove.addEventListener('click', () => {
    const add = box.closest('fieldset.details')?.querySelector('#space-add-window');
    box.remove();
    add?.focus();
  });
  const id = `w${Math.random().toString(36).slice(2, 8)}`;
  box.append(
    checkboxes(t('mylistings.space.days'), 'days', DAYS, 'mylistings.day', hours.days || [], id),
    quarterSelect(t('mylistings.space.from'), 'from', hours.from, 0),
    quarterSelect(t('mylistings.space.to'), 'to', hours.to, 15),
    remove);
  return box;
}

/**
 * The form describing a listing (new when listing is null). Only the details of the chosen kind are
 * active; the controls are named as the API names its fields, so its errors mark them.
 * save(body) sends it and returns what to say.
 */
function listingForm(listing, categories, districts, save) {
  const editing = Boolean(listing);
  const d = listing?.details || {};
  const status = statusLine('');
  const kinds = kindsForMe();
  const kindSelect = el('select', { id: 'listing-kind', name: 'kind', required: true },
    ...kinds.map(k => el('option', { value: k }, t(`mylistings.kind.${k}`))));
  const direction = field(t('mylistings.direction'), 'select', { id: 'listing-direction', name: 'direction' },
    el('option', { value: 'OFFER' }, t('mylistings.direction.OFFER')),
    el('option', { value: 'REQUEST' }, t('mylistings.direction.REQUEST')));
  const category = field(t('mylistings.category'), 'select', { id: 'listing-category', name: 'category', required: true });
  const district = field(t('mylistings.district'), 'select', { id: 'listing-district', name: 'district' },
    el('option', { value: '' }, t('mylistings.district.mine')),
    ...districts.map(x => el('option', { value: x.code }, districtLabel(x))));
  const language = field(t('mylistings.language'), 'select', { id: 'listing-language', name: 'language' },
    el('option', { value: '' }, t('mylistings.language.detect')),
    ...Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code, lang: code }, name)));

  const goods = el('fieldset', { id: 'goods-details', class: 'details' }, el('legend', {}, t('mylistings.goods.legend')),
    field(t('mylistings.goods.condition'), 'select', { id: 'goods-condition', name: 'details.goods.condition', required: true },
      ...CONDITIONS.map(c => el('option', { value: c }, t(`mylistings.condition.${c}`)))),
    field(t('mylistings.goods.loanDays'), 'input', { id: 'goods-loan-days', name: 'details.goods.loanPeriodDays', type: 'number',
      min: 1, max: 90, required: true, value: d.goods?.loanPeriodDays ?? 7, inputmode: 'numeric' }),
    field(t('mylistings.goods.value'), 'input', { id: 'goods-value', name: 'details.goods.replacementValueKrw', type: 'number',
      min: 0, step: 1000, value: d.goods?.replacementValueKrw ?? '', inputmode: 'numeric' }),
    field(t('mylistings.goods.deposit'), 'input', { id: 'goods-deposit', name: 'details.goods.depositKrw', type: 'number',
      min: 0, step: 1000, value: d.goods?.depositKrw ?? '', inputmode: 'numeric' }),
    field(t('mylistings.goods.pickup'), 'input', { id: 'goods-pickup', name: 'details.goods.pickupPlace', maxlength: 200,
      value: d.goods?.pickupPlace ?? '', 'aria-describedby': 'goods-pickup-hint' }),
    el('p', { id: 'goods-pickup-hint', class: 'hint' }, t('mylistings.goods.pickupHint')),
    !editing && hasRole('staff') ? el('label', { class: 'check' },
      el('input', { type: 'checkbox', id: 'goods-city', name: 'ownerType', value: 'CITY' }), ` ${t('mylistings.goods.city')}`) : '');
  goods.querySelector('#goods-condition').value = d.goods?.condition || 'GOOD';

  const windows = el('div', { class: 'windows' }, ...(d.space?.bookableHours || []).map(w => bookableWindow(w)));
  const addWindow = el('button', { type: 'button', class: 'secondary', id: 'space-add-window' }, t('mylistings.space.addWindow'));
  addWindow.addEventListener('click', () => {
    const w = bookableWindow();
    windows.append(w);
    w.querySelector('input').focus();
  });
  const space = el('fieldset', { id: 'space-details', class: 'details' }, el('legend', {}, t('mylistings.space.legend')),
    field(t('mylistings.space.capacity'), 'input', { id: 'space-capacity', name: 'details.space.capacity', type: 'number',
      min: 1, max: 5000, required: true, value: d.space?.capacity ?? '', inputmode: 'numeric' }),
    field(t('mylistings.space.hours'), 'input', { id: 'space-hours', name: 'details.space.openingHours', maxlength: 200,
      required: true, value: d.space?.openingHours ?? '' }),
    field(t('mylistings.space.slot'), 'input', { id: 'space-slot', name: 'details.space.slotMinutes', type: 'number',
      min: 15, max: 720, step: 15, required: true, value: d.space?.slotMinutes ?? 60, inputmode: 'numeric' }),
    checkboxes(t('mylistings.space.access'), 'details.space.accessibility', ACCESS, 'mylistings.access',
      d.space?.accessibility || [], 'space-access'),
    el('p', { class: 'hint' }, t('mylistings.space.windowsHint')), windows, addWindow);

  const service = el('fieldset', { id: 'service-details', class: 'details' }, el('legend', {}, t('mylistings.service.legend')),
    field(t('mylistings.service.minutes'), 'input', { id: 'service-minutes', name: 'details.service.minutes', type: 'number',
      min: 15, max: 720, step: 15, required: true, value: d.service?.minutes ?? 60, inputmode: 'numeric' }));

  const childcare = el('fieldset', { id: 'childcare-details', class: 'details' }, el('legend', {}, t('mylistings.childcare.legend')),
    el('p', { class: 'hint' }, t('mylistings.childcare.hint')),
    field(t('mylistings.childcare.from'), 'input', { id: 'childcare-from', name: 'details.childcare.from', type: 'datetime-local',
      required: true, value: d.childcare ? cityLocal(d.childcare.from) : '' }),
    field(t('mylistings.childcare.to'), 'input', { id: 'childcare-to', name: 'details.childcare.to', type: 'datetime-local',
      required: true, value: d.childcare ? cityLocal(d.childcare.to) : '' }),
    field(t('mylistings.childcare.children'), 'input', { id: 'childcare-children', name: 'details.childcare.children', type: 'number',
      min: 1, max: 6, required: true, value: d.childcare?.children ?? 1, inputmode: 'numeric' }),
    checkboxes(t('mylistings.childcare.ages'), 'details.childcare.ageBands', AGE_BANDS, 'mylistings.age',
      d.childcare?.ageBands || [], 'age'));
  const sections = { GOODS: goods, SPACE: space, SERVICE: service, CHILDCARE: childcare };

  const kindHint = el('p', { id: 'listing-kind-hint', class: 'hint' });
  const submit = el('button', { type: 'submit', id: 'listing-save' }, editing ? t('mylistings.saveChanges') : t('mylistings.saveDraft'));
  const form = el('form', { class: 'listing', novalidate: true, id: editing ? 'listing-edit' : 'listing-new' },
    editing
      ? el('p', {}, `${t('mylistings.kind')}: ${t(`mylistings.kind.${listing.kind}`)} · ${t(`mylistings.direction.${listing.direction}`)}`)
      : el('label', { class: 'field', for: 'listing-kind' }, el('span', {}, t('mylistings.kind')), kindSelect),
    editing ? '' : kindHint, editing ? '' : direction,
    field(t('mylistings.titleField'), 'input', { id: 'listing-title', name: 'title', maxlength: 120, required: true, value: listing?.title ?? '' }),
    field(t('mylistings.description'), 'textarea', { id: 'listing-description', name: 'description', maxlength: 5000, rows: 6,
      required: true }, listing?.description ?? ''),
    category, district, language, goods, space, service, childcare, submit, status);
  if (listing) {
    control(district).value = listing.district || '';
    control(language).value = listing.language || '';
  }

  const kind = () => (editing ? listing.kind : kindSelect.value);
  function showKind() {
    const k = kind();
    for (const [name, section] of Object.entries(sections)) {
      section.hidden = name !== k;
      section.disabled = name !== k; // a hidden part is neither checked nor sent
    }
    direction.hidden = !(k === 'SERVICE' || k === 'CHILDCARE');
    control(direction).disabled = direction.hidden;
    kindHint.textContent = t(`mylistings.kindHint.${k}`);
    const select = control(category);
    const chosen = listing?.category || '';
    select.replaceChildren(el('option', { value: '' }, t('mylistings.category.choose')),
      ...categories.filter(c => c.kind === k).sort((a, b) => a.code.localeCompare(b.code))
        .map(c => el('option', { value: c.code }, categoryLabel(c, categories))));
    select.value = categories.some(c => c.code === chosen && c.kind === k) ? chosen : '';
  }
  kindSelect.setAttribute('aria-describedby', 'listing-kind-hint');
  kindSelect.addEventListener('change', showKind);
  showKind();

  const value = name => (form.querySelector(`[name="${CSS.escape(name)}"]:not(:disabled)`)?.value ?? '').trim();
  const number = name => (value(name) === '' ? null : Number(value(name)));
  const checked = (name, within = form) => [...within.querySelectorAll(`[name="${CSS.escape(name)}"]:checked`)].map(i => i.value);

  function body() {
    const k = kind();
    const details = {
      GOODS: () => ({ condition: value('details.goods.condition'), loanPeriodDays: number('details.goods.loanPeriodDays'),
        replacementValueKrw: number('details.goods.replacementValueKrw'), depositKrw: number('details.goods.depositKrw'),
        pickupPlace: value('details.goods.pickupPlace') || null }),
      SPACE: () => ({ capacity: number('details.space.capacity'), openingHours: value('details.space.openingHours'),
        slotMinutes: number('details.space.slotMinutes'), accessibility: checked('details.space.accessibility'),
        bookableHours: [...windows.querySelectorAll('fieldset.window')].map(w => ({ days: checked('days', w),
          from: w.querySelector('[name="from"]').value || null, to: w.querySelector('[name="to"]').value || null })) }),
      SERVICE: () => ({ minutes: number('details.service.minutes') }),
      CHILDCARE: () => ({ from: cityInstant(value('details.childcare.from')), to: cityInstant(value('details.childcare.to')),
        children: number('details.childcare.children'), ageBands: checked('details.childcare.ageBands') }),
    }[k]();
    const b = { kind: k, title: value('title'), description: value('description'), category: value('category') || null,
      district: value('district') || null, language: value('language') || null, details: { [PARTS[k]]: details } };
    if (editing) {
      b.direction = listing.direction;
      b.ownerType = listing.ownerType;
      // The exact place is kept while the district stays the same (else the new district's centre is used).
      if (listing.exactLatitude != null && (b.district || null) === (listing.district || null)) {
        b.latitude = listing.exactLatitude;
        b.longitude = listing.exactLongitude;
      }
    } else {
      if (!direction.hidden) b.direction = value('direction');
      if (k === 'GOODS' && checked('ownerType').includes('CITY')) b.ownerType = 'CITY';
    }
    return b;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    status.say(t('mylistings.sending'));
    try {
      const message = await save(body());
      markFields(form, null);
      status.say(message);
    } catch (error) {
      // While marking, a window's controls carry the API's names (details.space.bookableHours[i].from …).
      nameWindows(windows);
      explain(form, error, status);
      unnameWindows(windows);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Names a booking window's controls as the API numbers them, and back to their short names. */
function nameWindows(windows) {
  windows.querySelectorAll('fieldset.window').forEach((w, i) => {
    for (const input of w.querySelectorAll('input, select')) input.name = `details.space.bookableHours[${i}].${input.name}`;
  });
}

function unnameWindows(windows) {
  for (const input of windows.querySelectorAll('fieldset.window input, fieldset.window select')) input.name = input.name.split('.').pop();
}

/** What to say after a status change; publishing may leave the listing held for staff's review. */
function statusSaid(updated, target) {
  if (target === 'PUBLISHED' && updated.status === 'HIDDEN') return t('mylistings.held');
  return t(`mylistings.now.${target}`);
}

/** The buttons that change a listing's status; withdrawing (final) asks once more. */
function statusButtons(listing, status, changed) {
  const box = el('div', { class: 'actions' });
  const change = async target => {
    const updated = await send('PUT', `/listings/${listing.id}/status`, { status: target });
    await changed(updated);
    return statusSaid(updated, target);
  };
  const named = key => ({ 'aria-label': `${t(key)}: ${listing.title}` });
  const s = listing.status;
  if (s === 'DRAFT' || s === 'PAUSED') box.append(actionButton(t('mylistings.publish'), () => change('PUBLISHED'), status, named('mylistings.publish')));
  if (s === 'PUBLISHED') box.append(actionButton(t('mylistings.pause'), () => change('PAUSED'), status, named('mylistings.pause')));
  if (s !== 'WITHDRAWN') {
    const withdraw = el('button', { type: 'button', class: 'secondary', ...named('mylistings.withdraw') }, t('mylistings.withdraw'));
    withdraw.addEventListener('click', () => {
      const cancel = el('button', { type: 'button', class: 'secondary' }, t('mylistings.cancel'));
      const confirm = actionButton(t('mylistings.withdrawConfirm'), () => change('WITHDRAWN'), status);
      const ask = el('span', { class: 'confirm' }, el('span', {}, t('mylistings.withdrawAsk')), ' ', confirm, ' ', cancel);
      cancel.addEventListener('click', () => { ask.replaceWith(withdraw); withdraw.focus(); });
      withdraw.replaceWith(ask);
      confirm.focus();
    });
    box.append(withdraw);
  }
  return box;
}

export async function myListingsPage(view) {
  if (!signedIn(view, t('mylistings.title'))) return;
  const status = statusLine(t('mylistings.loading'));
  const holder = el('div');
  view.replaceChildren(el('h1', {}, t('mylistings.title')),
    el('p', {}, el('a', { href: '#/me/listings/new', id: 'new-listing', class: 'button' }, t('mylistings.new'))),
    status, holder);

  async function draw(focusId) {
    const listings = await get('/listings/mine');
    if (!listings.length) {
      holder.replaceChildren(el('p', {}, t('mylistings.none')));
      return;
    }
    holder.replaceChildren(el('div', { class: 'scroll' }, el('table', { id: 'my-listings' },
      el('caption', {}, t('mylistings.table')),
      el('thead', {}, el('tr', {}, ...['title', 'kind', 'status', 'updated', 'actions']
        .map(k => el('th', { scope: 'col' }, t(`mylistings.col.${k}`))))),
      el('tbody', {}, ...listings.map(l => el('tr', { 'data-id': l.id },
        el('td', {}, el('a', { href: `#/me/listings/${l.id}`, lang: l.language, 'data-id': l.id }, l.title)),
        el('td', {}, `${t(`mylistings.kind.${l.kind}`)}${l.direction === 'REQUEST' ? ` · ${t('mylistings.request')}` : ''}`),
        el('td', { class: 'listing-status' }, t(`mylistings.status.${l.status}`)),
        el('td', {}, formatDate(l.updatedAt)),
        el('td', {}, statusButtons(l, status, updated => draw(updated.id)))))))));
    if (focusId) holder.querySelector(`a[data-id="${CSS.escape(focusId)}"]`)?.focus();
  }
  try {
    await draw();
    status.done();
  } catch (error) {
    status.fail(error);
  }
}

/** After creating: say it is a draft, offer to publish it, and lead on to photos and days. */
function created(box, listing) {
  const status = statusLine('');
  const heading = el('h2', { tabindex: '-1', id: 'listing-created' }, t('mylistings.created'));
  const publish = actionButton(t('mylistings.publishNow'), async () => {
    const updated = await send('PUT', `/listings/${listing.id}/status`, { status: 'PUBLISHED' });
    publish.hidden = true;
    box.querySelector('#edit-new').focus();
    return statusSaid(updated, 'PUBLISHED');
  }, status, { id: 'publish-new' });
  box.replaceChildren(heading, el('p', {}, t('mylistings.createdText')), publish, status,
    el('p', {}, el('a', { href: `#/me/listings/${listing.id}`, id: 'edit-new' }, t('mylistings.addPhotos'))));
  heading.focus();
}

export async function newListingPage(view) {
  if (!signedIn(view, t('mylistings.new.title'))) return;
  const status = statusLine(t('mylistings.loading'));
  view.replaceChildren(el('h1', {}, t('mylistings.new.title')), status);
  const [categories, districts] = await Promise.all([categoryList(), districtList()]);
  status.remove();
  const box = el('div');
  box.append(listingForm(null, categories, districts, async body => {
    const listing = await send('POST', '/listings', body);
    created(box, listing);
    return t('mylistings.created');
  }));
  view.append(el('p', {}, t('mylistings.new.intro')), box,
    el('p', {}, el('a', { href: '#/me/listings' }, t('mylistings.back'))));
}

function authorized(extra = {}) {
  return token() ? { Authorization: `Bearer ${token()}`, ...extra } : extra;
}

/** A thumbnail fetched with the owner's token (drafts' and hidden photos are the owner's alone). */
async function thumbnail(listingId, photo, alt) {
  const img = el('img', { alt, width: 160, class: 'thumb' });
  try {
    const response = await fetch(`api/listings/${listingId}/photos/${photo.id}?size=thumbnail`, { headers: authorized() });
    if (response.ok) img.src = URL.createObjectURL(await response.blob());
  } catch {
    // the text alternative stays
  }
  return img;
}

/** Days the listing is closed: the owner's own (which they can free) and those loans or bookings fill. */
function availabilitySection(listing, update, status) {
  const section = el('section', { 'aria-labelledby': 'availability-title' },
    el('h2', { id: 'availability-title' }, t('mylistings.availability')),
    el('p', {}, t('mylistings.availability.intro')));
  const mine = listing.blocked.filter(b => b.source === 'OWNER' && b.lastDay >= today());
  const put = async periods => {
    const updated = await send('PUT', `/listings/${listing.id}/availability`,
      { blocked: periods.map(b => ({ firstDay: b.firstDay, lastDay: b.lastDay })) });
    update(updated, 'availability');
  };
  if (listing.blocked.length) {
    section.append(el('div', { class: 'scroll' }, el('table', { id: 'blocked-days' },
      el('caption', {}, t('mylistings.blocked.caption')),
      el('thead', {}, el('tr', {}, ...['from', 'to', 'why', 'actions'].map(k => el('th', { scope: 'col' }, t(`mylistings.blocked.${k}`))))),
      el('tbody', {}, ...listing.blocked.map(b => el('tr', {},
        el('td', {}, formatDay(b.firstDay)), el('td', {}, formatDay(b.lastDay)),
        el('td', {}, t(`mylistings.blocked.source.${b.source}`)),
        el('td', {}, mine.includes(b) ? actionButton(t('mylistings.blocked.free'), async () => {
          await put(mine.filter(x => x !== b));
          return t('mylistings.blocked.freed');
        }, status, { 'aria-label': `${t('mylistings.blocked.free')}: ${formatDay(b.firstDay)} – ${formatDay(b.lastDay)}` }) : '')))))));
  } else {
    section.append(el('p', {}, t('mylistings.blocked.none')));
  }
  // The new period is the last the API checks: its controls carry its index so errors mark them.
  const n = mine.length;
  const form = el('form', { class: 'search', id: 'block-days', novalidate: true },
    field(t('mylistings.blocked.first'), 'input', { type: 'date', id: 'block-first', name: `blocked[${n}].firstDay`, min: today(), required: true }),
    field(t('mylistings.blocked.last'), 'input', { type: 'date', id: 'block-last', name: `blocked[${n}].lastDay`, min: today(), required: true }));
  const add = el('button', { type: 'submit' }, t('mylistings.blocked.add'));
  form.append(add, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const firstDay = form.querySelector('#block-first').value;
    const lastDay = form.querySelector('#block-last').value || firstDay;
    add.disabled = true;
    status.say(t('mylistings.sending'));
    try {
      await put([...mine, { firstDay: firstDay || null, lastDay: lastDay || null }]);
      status.say(t('mylistings.blocked.added'));
    } catch (error) {
      explain(form, error, status);
    } finally {
      add.disabled = false;
    }
  });
  section.append(form);
  return section;
}

/** The listing's photos (at most 8), each with a delete button, and an upload form. */
function photosSection(listing, update, status) {
  const list = el('ul', { class: 'photos', id: 'photos' });
  listing.photos.forEach(async (p, i) => {
    const alt = t('mylistings.photo.alt', { n: i + 1, title: listing.title });
    const item = el('li', {});
    list.append(item);
    item.append(await thumbnail(listing.id, p, alt),
      p.hidden ? el('p', { class: 'error' }, t('mylistings.photo.hidden')) : '',
      actionButton(t('mylistings.photo.delete'), async () => {
        await send('DELETE', `/listings/${listing.id}/photos/${p.id}`);
        update(await get(`/listings/${listing.id}`), 'photos');
        return t('mylistings.photo.deleted');
      }, status, { class: 'secondary', 'aria-label': `${t('mylistings.photo.delete')}: ${alt}` }));
  });
  const file = field(t('mylistings.photo.file'), 'input', { type: 'file', id: 'photo-file', name: 'photo',
    accept: 'image/jpeg,image/png,image/webp', 'aria-describedby': 'photo-hint' });
  const upload = el('button', { type: 'submit', id: 'photo-upload' }, t('mylistings.photo.upload'));
  const form = el('form', { id: 'photo-form' }, file, el('p', { id: 'photo-hint', class: 'hint' }, t('mylistings.photo.hint')), upload, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = control(file).files[0];
    if (!chosen) {
      status.className = 'error';
      status.textContent = t('mylistings.photo.choose');
      control(file).focus();
      return;
    }
    upload.disabled = true;
    status.say(t('mylistings.photo.uploading'));
    try {
      // The API takes the image itself as the body, with its own media type.
      const response = await fetch(`api/listings/${listing.id}/photos`, { method: 'POST', body: chosen,
        headers: authorized({ 'Content-Type': chosen.type || 'application/octet-stream', Accept: 'application/json, application/problem+json' }) });
      if (!response.ok) throw new ProblemError(response.status, '/photos', await response.json().catch(() => null));
      update(await get(`/listings/${listing.id}`), 'photos');
      status.say(t('mylistings.photo.added'));
    } catch (error) {
      status.fail(error);
      if (error.status === 415) status.textContent = t('mylistings.photo.type');
    } finally {
      upload.disabled = false;
    }
  });
  return el('section', { 'aria-labelledby': 'photos-title' }, el('h2', { id: 'photos-title' }, t('mylistings.photos')),
    listing.photos.length ? list : el('p', {}, t('mylistings.photo.none')), form);
}

export async function editListingPage(view, id) {
  if (!signedIn(view, t('mylistings.edit.title'))) return;
  const status = statusLine(t('mylistings.loading'));
  view.replaceChildren(el('h1', {}, t('mylistings.edit.title')), status);
  let listing;
  let categories;
  let districts;
  try {
    [listing, categories, districts] = await Promise.all([get(`/listings/${id}`), categoryList(), districtList()]);
  } catch (error) {
    status.fail(error);
    return;
  }
  if (!listing.mine) {
    status.className = 'error';
    status.textContent = t('mylistings.notYours');
    return;
  }
  const title = el('h1', { lang: listing.language }, listing.title);
  const statusBox = el('section', { 'aria-labelledby': 'status-title' });
  const pageStatus = statusLine('');
  let availability;
  let photos;
  const availabilityStatus = statusLine('');
  const photosStatus = statusLine('');

  function drawStatus() {
    const hidden = listing.status === 'HIDDEN';
    statusBox.replaceChildren(el('h2', { id: 'status-title' }, t('mylistings.statusTitle')),
      el('p', {}, `${t('mylistings.col.status')}: `, el('strong', { id: 'listing-status' }, t(`mylistings.status.${listing.status}`))),
      el('p', { class: 'hint' }, t(`mylistings.statusHint.${listing.status}`)),
      hidden ? el('p', {}, el('a', { href: '#/me/reports' }, t('mylistings.seeDecisions'))) : '',
      listing.status === 'PUBLISHED' ? el('p', {}, el('a', { href: `#/listings/${listing.id}` }, t('mylistings.seePublic'))) : '',
      statusButtons(listing, pageStatus, updated => {
        listing = updated;
        drawStatus();
        statusBox.querySelector('h2').focus();
      }), pageStatus);
    statusBox.querySelector('h2').setAttribute('tabindex', '-1');
  }

  // A part redrawn after a change keeps the focus near where the resident was.
  function update(updated, part) {
    listing = updated;
    title.textContent = listing.title;
    title.lang = listing.language;
    if (part === 'availability') {
      const next = availabilitySection(listing, update, availabilityStatus);
      availability.replaceWith(next);
      availability = next;
      next.querySelector('#block-first')?.focus();
    } else if (part === 'photos') {
      const next = photosSection(listing, update, photosStatus);
      photos.replaceWith(next);
      photos = next;
      next.querySelector('#photo-file')?.focus();
    }
  }

  drawStatus();
  availability = availabilitySection(listing, update, availabilityStatus);
  photos = photosSection(listing, update, photosStatus);
  const describe = listingForm(listing, categories, districts, async body => {
    update(await send('PUT', `/listings/${listing.id}`, body), 'description');
    return t('mylistings.saved');
  });
  view.replaceChildren(title,
    el('p', {}, el('a', { href: '#/me/listings' }, t('mylistings.back'))),
    statusBox,
    el('section', { 'aria-labelledby': 'describe-title' }, el('h2', { id: 'describe-title' }, t('mylistings.describe')), describe),
    availability, photos);
}
