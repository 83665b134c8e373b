// A listing as anyone sees it, and what a signed-in resident can do with it: ask to borrow goods
// (or join the waiting list), book a space's free slots on a day's calendar, take up or answer a
// time-bank listing, and report it to staff.
import { get, send, el } from '../api.js';
import { t, formatDate, formatDay, formatTime, formatNumber } from '../i18n.js';
import { session } from '../auth.js';
import { actionForm, actionButton, categoryName, cityInstant, cityLocal, districtName, field, hasRole,
  statusLine, today } from '../ui.js';

export async function listingPage(view, id) {
  const status = statusLine();
  view.replaceChildren(status);
  let listing;
  try {
    listing = await get(`/listings/${encodeURIComponent(id)}`);
  } catch (error) {
    view.replaceChildren(el('h1', {}, error.status === 404 ? t('listing.notFound') : t('error.title')), status,
      el('p', {}, el('a', { href: '#/' }, t('listing.back'))));
    if (error.status !== 404) status.fail(error);
    else status.done();
    return;
  }
  const owner = listing.ownerType === 'CITY' ? t('listing.owner.CITY') : t('listing.owner.RESIDENT');
  view.replaceChildren(
    el('p', {}, el('a', { href: '#/' }, t('listing.back'))),
    el('h1', { lang: listing.language }, listing.title),
    el('p', { class: 'meta' }, [t(`kind.${listing.kind}`), listing.direction === 'REQUEST' ? t('listing.request') : null,
      await categoryName(listing.category), listing.district ? await districtName(listing.district) : null, owner]
      .filter(Boolean).join(' · ')),
    el('p', { lang: listing.language, class: 'description' }, listing.description),
    photos(listing),
    details(listing));
  if (listing.mine) {
    view.append(el('p', {}, el('a', { href: `#/me/listings/${listing.id}` }, t('listing.manage'))));
    return;
  }
  if (!session()) {
    view.append(el('p', { class: 'meta' }, t('listing.signInToUse')));
    return;
  }
  if (!hasRole('resident')) return;
  if (listing.kind === 'GOODS' && listing.direction === 'OFFER') view.append(borrowSection(listing));
  if (listing.kind === 'SPACE') view.append(await bookSection(listing));
  if (listing.kind === 'SERVICE' || listing.kind === 'CHILDCARE') view.append(sessionSection(listing));
  view.append(reportSection('LISTING', listing.id));
}

function photos(listing) {
  if (!listing.photos?.length) return '';
  return el('ul', { class: 'photos' }, ...listing.photos.map((p, i) => el('li', {},
    el('img', { src: `api/listings/${listing.id}/photos/${p.id}?size=thumbnail`, width: 240, loading: 'lazy',
      alt: t('listing.photoOf', { title: listing.title, n: i + 1 }) }))));
}

function details(listing) {
  const d = listing.details || {};
  const rows = [];
  if (d.goods) {
    rows.push(['listing.condition', t(`condition.${d.goods.condition}`)],
      ['listing.loanPeriod', t('listing.days', { n: formatNumber(d.goods.loanPeriodDays) })]);
    if (d.goods.depositKrw) rows.push(['listing.deposit', `${formatNumber(d.goods.depositKrw)} ₩`]);
  }
  if (d.space) {
    rows.push(['listing.capacity', formatNumber(d.space.capacity)], ['listing.openingHours', d.space.openingHours],
      ['listing.slot', t('listing.minutes', { n: formatNumber(d.space.slotMinutes) })]);
    if (d.space.accessibility?.length) rows.push(['listing.access', d.space.accessibility.map(a => t(`access.${a}`)).join(', ')]);
  }
  if (d.service) rows.push(['listing.duration', t('listing.minutes', { n: formatNumber(d.service.minutes) })]);
  if (d.childcare) {
    rows.push(['listing.when', `${formatDate(d.childcare.from)} – ${formatTime(d.childcare.to)}`],
      ['listing.children', formatNumber(d.childcare.children)],
      ['listing.ages', d.childcare.ageBands.map(a => t(`ageband.${a}`)).join(', ')]);
  }
  for (const b of listing.blocked || []) rows.push(['listing.unavailable', `${formatDay(b.firstDay)} – ${formatDay(b.lastDay)}`]);
  if (!rows.length) return '';
  return el('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)]));
}

/** Goods: ask for days; when they are taken, the waiting list is offered. */
function borrowSection(listing) {
  const days = listing.details?.goods?.loanPeriodDays || 1;
  const waitStatus = statusLine('');
  const wait = actionButton(t('borrow.wait'), async () => {
    await send('POST', '/holds', { itemId: listing.id });
    return t('borrow.waiting');
  }, waitStatus, { id: 'join-waitlist' });
  const form = actionForm({ id: 'borrow', 'aria-labelledby': 'borrow-title' }, [
    field(t('borrow.first'), 'input', { type: 'date', name: 'firstDay', id: 'borrow-first', required: true, min: today(), value: today(1) }),
    field(t('borrow.last'), 'input', { type: 'date', name: 'lastDay', id: 'borrow-last', required: true, min: today(), value: today(Math.min(days, 3)) }),
    field(t('borrow.message'), 'textarea', { name: 'message', id: 'borrow-message', rows: 2, maxlength: 500 }),
  ], t('borrow.submit'), async values => {
    const loan = await send('POST', '/loans', { itemId: listing.id, firstDay: values.firstDay, lastDay: values.lastDay,
      message: values.message || null });
    form.append(el('p', {}, el('a', { href: `#/me/loans/${loan.id}` }, t('borrow.see'))));
    return t('borrow.requested');
  });
  return el('section', { class: 'panel' }, el('h2', { id: 'borrow-title' }, t('borrow.title')),
    el('p', {}, t('borrow.intro', { n: formatNumber(days) })), form,
    el('p', { class: 'meta' }, t('borrow.waitIntro')), wait, waitStatus);
}

/** Spaces: one day's slots, free ones as buttons; choosing one books it (optionally weekly). */
async function bookSection(listing) {
  const section = el('section', { class: 'panel' }, el('h2', {}, t('book.title')));
  if (!listing.details?.space?.bookableHours?.length) {
    section.append(el('p', {}, t('book.notOnline')));
    return section;
  }
  const date = el('input', { type: 'date', id: 'book-date', min: today(), value: today(1) });
  const grid = el('div', { class: 'slots', role: 'group', 'aria-labelledby': 'book-day' });
  const status = statusLine('');
  const dayTitle = el('h3', { id: 'book-day' });
  const group = field(t('book.group'), 'input', { id: 'book-group', maxlength: 120 });
  const weeks = field(t('book.weeks'), 'select', { id: 'book-weeks' },
    ...[1, 2, 4, 8, 12].map(n => el('option', { value: n }, t('book.weeksN', { n: formatNumber(n) }))));
  async function showDay() {
    grid.replaceChildren();
    dayTitle.textContent = formatDay(date.value);
    try {
      const day = await get(`/spaces/${listing.id}/day?date=${date.value}`);
      if (day.closedBecause || !day.slots.length) {
        status.say(t('book.closed'));
        return;
      }
      status.say(t('book.free', { n: formatNumber(day.slots.filter(s => s.free).length) }));
      for (const slot of day.slots) {
        const label = `${formatTime(slot.start)}–${formatTime(slot.end)}`;
        if (!slot.free) {
          grid.append(el('span', { class: 'slot taken' }, `${label} · ${t('book.taken')}`));
          continue;
        }
        grid.append(actionButton(`${label} · ${t('book.bookIt')}`, async () => {
          const answer = await send('POST', '/bookings', { spaceId: listing.id, start: slot.start, end: slot.end,
            weeks: Number(weeks.querySelector('select').value), allOrNothing: false,
            groupName: group.querySelector('input').value || null });
          await showDay();
          return t('book.booked', { n: formatNumber(answer.bookings.length), skipped: formatNumber(answer.skipped.length) });
        }, status, { class: 'slot free' }));
      }
    } catch (error) {
      status.fail(error);
    }
  }
  date.addEventListener('change', showDay);
  section.append(el('label', { class: 'field', for: 'book-date' }, el('span', {}, t('book.date')), date), group, weeks,
    dayTitle, grid, status);
  await showDay();
  return section;
}

/** Time bank: take up an offer (receive the time) or answer a request (give it). */
function sessionSection(listing) {
  const offer = listing.direction === 'OFFER';
  const care = listing.details?.childcare;
  const start = care ? care.from : new Date(Date.now() + 86_400_000).toISOString();
  const minutes = care ? Math.min(120, (Date.parse(care.to) - Date.parse(care.from)) / 60_000)
    : (listing.details?.service?.minutes || 60);
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  const controls = [
    field(t('session.start'), 'input', { type: 'datetime-local', name: 'startsAt', id: 'session-start', required: true, value: cityLocal(start) }),
    field(t('session.end'), 'input', { type: 'datetime-local', name: 'endsAt', id: 'session-end', required: true, value: cityLocal(end) }),
  ];
  if (care) {
    controls.push(field(t('session.children'), 'input', { type: 'number', name: 'children', id: 'session-children',
      min: 1, max: care.children, value: 1, required: true }));
  }
  controls.push(field(t('session.message'), 'textarea', { name: 'message', id: 'session-message', rows: 2, maxlength: 2000 }));
  const form = actionForm({ id: 'session-form', 'aria-labelledby': 'session-title' }, controls,
    offer ? t('session.takeUp') : t('session.answer'), async values => {
      const body = { listingId: listing.id, startsAt: cityInstant(values.startsAt), endsAt: cityInstant(values.endsAt),
        message: values.message || null };
      if (care) body.children = Number(values.children);
      const made = await send('POST', '/timebank/sessions', body);
      form.append(el('p', {}, el('a', { href: `#/timebank/sessions/${made.id}` }, t('session.see'))));
      return made.status === 'PROPOSED' ? t('session.proposed') : t('session.scheduled');
    });
  return el('section', { class: 'panel' }, el('h2', { id: 'session-title' }, offer ? t('session.takeUpTitle') : t('session.answerTitle')),
    el('p', {}, offer ? t('session.takeUpIntro') : t('session.answerIntro')), form);
}

/** Report something to staff: the reporter's identity is never shown to the owner. */
export function reportSection(targetType, targetId) {
  const reasons = ['UNSAFE', 'PROHIBITED_ITEM', 'DISCRIMINATION', 'HARASSMENT', 'SPAM', 'NO_SHOW', 'OTHER'];
  const form = actionForm({ id: 'flag-form' }, [
    field(t('flag.reason'), 'select', { name: 'reason', id: 'flag-reason', required: true },
      ...reasons.map(r => el('option', { value: r }, t(`reason.${r}`)))),
    field(t('flag.details'), 'textarea', { name: 'details', id: 'flag-details', rows: 3, maxlength: 1000 }),
  ], t('flag.submit'), async values => {
    await send('POST', '/reports', { targetType, targetId, reason: values.reason, details: values.details || null });
    return t('flag.sent');
  });
  return el('details', { class: 'panel report' }, el('summary', {}, t('flag.title')),
    el('p', { class: 'meta' }, t('flag.intro')), form);
}
