// A resident's borrowing and lending: what they borrow, what others ask of them (approve or
// decline), their places on waiting lists, their bookings, and the references after loans; one
// loan or booking with what its two parties can do next and their messages.
import { get, send, el } from '../api.js';
import { t, formatDate, formatDay, formatTime, formatNumber } from '../i18n.js';
import { actionButton, actionForm, field, signedIn, statusLine, today } from '../ui.js';
import { thread } from '../thread.js';

function table(caption, columns, rows) {
  if (!rows.length) return el('p', { class: 'meta' }, t('loans.none'));
  return el('div', { class: 'scroll' }, el('table', {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...columns.map(c => el('th', { scope: 'col' }, t(c))))),
    el('tbody', {}, ...rows)));
}

function loanStatus(loan) {
  return loan.overdue ? `${t(`loanStatus.${loan.status}`)} · ${t('loans.overdue')}` : t(`loanStatus.${loan.status}`);
}

export async function loansPage(view) {
  if (!signedIn(view, t('loans.title'))) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('loans.title')), status);
  try {
    const [mine, lending, holds, bookings, references] = await Promise.all([get('/loans/mine'), get('/loans/lending'),
      get('/holds/mine'), get('/bookings/mine'), get('/loans/references/mine')]);
    status.done();
    const requests = lending.filter(l => l.status === 'REQUESTED');
    view.append(
      el('section', { 'aria-labelledby': 'requests-title' }, el('h2', { id: 'requests-title' }, t('loans.requests')),
        table(t('loans.requests'), ['loans.item', 'loans.borrower', 'loans.days', 'loans.actions'],
          requests.map(l => el('tr', {},
            el('td', {}, el('a', { href: `#/me/loans/${l.id}` }, l.itemTitle)),
            el('td', {}, l.borrowerName, l.borrowerStanding?.averageRating != null
              ? el('span', { class: 'meta' }, ` · ${t('loans.standing', { rating: formatNumber(l.borrowerStanding.averageRating),
                n: formatNumber(l.borrowerStanding.references) })}`) : ''),
            el('td', {}, `${formatDay(l.firstDay)} – ${formatDay(l.lastDay)}`),
            el('td', {}, decisionButtons(l, status)))))),
      el('section', { 'aria-labelledby': 'lending-title' }, el('h2', { id: 'lending-title' }, t('loans.lending')),
        table(t('loans.lending'), ['loans.item', 'loans.borrower', 'loans.days', 'loans.status'],
          lending.filter(l => l.status !== 'REQUESTED').map(l => el('tr', {},
            el('td', {}, el('a', { href: `#/me/loans/${l.id}` }, l.itemTitle)), el('td', {}, l.borrowerName),
            el('td', {}, `${formatDay(l.firstDay)} – ${formatDay(l.lastDay)}`), el('td', {}, loanStatus(l)))))),
      el('section', { 'aria-labelledby': 'borrowing-title' }, el('h2', { id: 'borrowing-title' }, t('loans.borrowing')),
        table(t('loans.borrowing'), ['loans.item', 'loans.days', 'loans.status'],
          mine.map(l => el('tr', {},
            el('td', {}, el('a', { href: `#/me/loans/${l.id}` }, l.itemTitle)),
            el('td', {}, `${formatDay(l.firstDay)} – ${formatDay(l.lastDay)}`), el('td', {}, loanStatus(l)))))),
      el('section', { 'aria-labelledby': 'holds-title' }, el('h2', { id: 'holds-title' }, t('loans.holds')),
        table(t('loans.holds'), ['loans.item', 'loans.position', 'loans.status', 'loans.actions'],
          holds.map(h => el('tr', {},
            el('td', {}, el('a', { href: `#/listings/${h.itemId}` }, h.itemTitle)),
            el('td', {}, formatNumber(h.position)),
            el('td', {}, t(`holdStatus.${h.status}`), h.offerExpiresAt ? ` · ${t('loans.offerUntil', { when: formatDate(h.offerExpiresAt) })}` : ''),
            el('td', {}, holdButtons(h, status)))))),
      el('section', { 'aria-labelledby': 'bookings-title' }, el('h2', { id: 'bookings-title' }, t('loans.bookings')),
        table(t('loans.bookings'), ['loans.space', 'loans.when', 'loans.status'],
          bookings.map(b => el('tr', {},
            el('td', {}, el('a', { href: `#/me/bookings/${b.id}` }, b.spaceTitle)),
            el('td', {}, `${formatDate(b.start)} – ${formatTime(b.end)}`),
            el('td', {}, t(`bookingStatus.${b.status}`)))))),
      el('section', { 'aria-labelledby': 'references-title' }, el('h2', { id: 'references-title' }, t('loans.references')),
        el('p', {}, references.standing.references
          ? t('loans.standing', { rating: formatNumber(references.standing.averageRating), n: formatNumber(references.standing.references) })
          : t('loans.noReferences')),
        el('ul', {}, ...references.aboutMe.map(r => el('li', {},
          `${'★'.repeat(r.rating)} ${r.comment || ''} — ${r.authorName} (${r.itemTitle})`)))),
      el('p', {}, el('a', { href: '#/me/settings' }, t('loans.calendar'))));
  } catch (error) {
    status.fail(error);
  }
}

function decisionButtons(loan, status) {
  return [
    actionButton(t('loans.approve'), async () => {
      await send('POST', `/loans/${loan.id}/approve`, {});
      location.hash = `#/me/loans/${loan.id}`;
      return t('loans.approved');
    }, status, { 'data-loan': loan.id, class: 'approve' }),
    ' ',
    el('a', { href: `#/me/loans/${loan.id}` }, t('loans.declineOrAsk')),
  ];
}

function holdButtons(hold, status) {
  const buttons = [];
  if (hold.status === 'OFFERED') {
    buttons.push(actionButton(t('loans.take'), async () => {
      const loan = await send('POST', `/holds/${hold.id}/take`, {});
      location.hash = `#/me/loans/${loan.id}`;
    }, status));
  }
  if (hold.status === 'WAITING' || hold.status === 'OFFERED') {
    buttons.push(actionButton(t('loans.leave'), async () => {
      await send('POST', `/holds/${hold.id}/leave`);
      reload()();
    }, status));
  }
  return buttons;
}

/** One loan: its facts, what its borrower or lender can do now, and its messages. */
export async function loanPage(view, id) {
  if (!signedIn(view, t('loans.title'))) return;
  const status = statusLine();
  view.replaceChildren(status);
  try {
    const [loan, mine] = await Promise.all([get(`/loans/${id}`), get('/loans/mine')]);
    const borrower = mine.some(l => l.id === id);
    const facts = [
      ['loans.status', loanStatus(loan)], ['loans.days', `${formatDay(loan.firstDay)} – ${formatDay(loan.lastDay)}`],
      ['loans.borrower', loan.borrowerName], ['loans.message', loan.message], ['loans.note', loan.decisionNote],
      ['loans.pickupPlace', loan.pickupPlace], ['loans.deposit', loan.depositKrw ? `${formatNumber(loan.depositKrw)} ₩` : null],
      ['loans.depositOutcome', loan.depositOutcome ? t(`deposit.${loan.depositOutcome}`) : null],
      ['loans.pickedUp', loan.pickedUpAt ? formatDate(loan.pickedUpAt) : null],
      ['loans.returned', loan.returnedAt ? formatDate(loan.returnedAt) : null], ['loans.damage', loan.damageNote],
    ].filter(([, v]) => v);
    status.done();
    view.replaceChildren(el('p', {}, el('a', { href: '#/me/loans' }, t('loans.back'))),
      el('h1', {}, loan.itemTitle), status,
      el('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)])),
      el('section', { class: 'actions', 'aria-labelledby': 'next-title' }, el('h2', { id: 'next-title' }, t('loans.next')),
        ...(borrower ? borrowerActions(loan, status) : lenderActions(loan, status))),
      thread(`/loans/${id}/messages`));
  } catch (error) {
    view.replaceChildren(el('h1', {}, t('loans.title')), status, el('p', {}, el('a', { href: '#/me/loans' }, t('loans.back'))));
    status.fail(error);
  }
}

function reload() {
  return () => window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function conditionSelect(id) {
  return field(t('loans.condition'), 'select', { name: 'condition', id, required: true },
    ...['NEW', 'GOOD', 'FAIR', 'WORN'].map(c => el('option', { value: c, selected: c === 'GOOD' }, t(`condition.${c}`))));
}

function lenderActions(loan, status) {
  const again = reload();
  const post = (action, body) => async () => { await send('POST', `/loans/${loan.id}/${action}`, body); again(); };
  switch (loan.status) {
    case 'REQUESTED':
      return [actionButton(t('loans.approve'), post('approve', {}), status, { id: 'approve' }),
        actionForm({ id: 'decline-form' }, [field(t('loans.reason'), 'input', { name: 'reason', id: 'decline-reason', required: true, maxlength: 500 })],
          t('loans.decline'), async v => { await send('POST', `/loans/${loan.id}/decline`, { reason: v.reason }); again(); })];
    case 'APPROVED':
      return [actionForm({ id: 'pickup-form' }, [conditionSelect('pickup-condition')], t('loans.handOver'),
        async v => { await send('POST', `/loans/${loan.id}/pickup`, { condition: v.condition }); again(); }),
      actionForm({ id: 'cancel-form' }, [field(t('loans.reason'), 'input', { name: 'reason', id: 'cancel-reason', required: true, maxlength: 500 })],
        t('loans.cancel'), async v => { await send('POST', `/loans/${loan.id}/cancel`, { reason: v.reason }); again(); })];
    case 'OUT':
      return [actionForm({ id: 'return-form' }, [conditionSelect('return-condition'),
        field(t('loans.damage'), 'textarea', { name: 'damage', id: 'return-damage', rows: 2, maxlength: 1000 })],
      t('loans.takeBack'), async v => {
        await send('POST', `/loans/${loan.id}/return`, { condition: v.condition, damage: v.damage || null });
        again();
      }),
      actionForm({ id: 'lost-form' }, [field(t('loans.reason'), 'input', { name: 'reason', id: 'lost-reason', required: true, maxlength: 500 })],
        t('loans.lost'), async v => { await send('POST', `/loans/${loan.id}/lost`, { reason: v.reason }); again(); })];
    case 'RETURNED':
    case 'LOST':
      return [referenceForm(loan)];
    default:
      return [el('p', { class: 'meta' }, t('loans.nothingToDo'))];
  }
}

function borrowerActions(loan, status) {
  const again = reload();
  switch (loan.status) {
    case 'REQUESTED':
    case 'APPROVED':
      return [actionButton(t('loans.cancelRequest'), async () => { await send('POST', `/loans/${loan.id}/cancel`, {}); again(); },
        status, { id: 'cancel' })];
    case 'OUT':
      return [actionForm({ id: 'renew-form' }, [field(t('loans.newLastDay'), 'input', { type: 'date', name: 'lastDay',
        id: 'renew-day', required: true, min: today() })], t('loans.renew'),
      async v => { await send('POST', `/loans/${loan.id}/renew`, { lastDay: v.lastDay }); again(); })];
    case 'RETURNED':
    case 'LOST': {
      const parts = [referenceForm(loan)];
      if (loan.depositOutcome === 'KEPT' || loan.depositOutcome === 'PARTLY_KEPT') {
        parts.push(actionForm({ id: 'deposit-appeal-form' }, [field(t('loans.appealReason'), 'textarea',
          { name: 'reason', id: 'deposit-appeal-reason', rows: 3, maxlength: 2000, required: true })], t('loans.appeal'),
        async v => { await send('POST', `/loans/${loan.id}/deposit/appeal`, { reason: v.reason }); return t('loans.appealed'); }));
      }
      return parts;
    }
    default:
      return [el('p', { class: 'meta' }, t('loans.nothingToDo'))];
  }
}

function referenceForm(loan) {
  return actionForm({ id: 'reference-form' }, [
    field(t('loans.rating'), 'select', { name: 'rating', id: 'reference-rating', required: true },
      ...[5, 4, 3, 2, 1].map(n => el('option', { value: n }, t('loans.stars', { n: formatNumber(n) })))),
    field(t('loans.comment'), 'textarea', { name: 'comment', id: 'reference-comment', rows: 2, maxlength: 500 }),
  ], t('loans.leaveReference'), async v => {
    await send('POST', `/loans/${loan.id}/reference`, { rating: Number(v.rating), comment: v.comment || null });
    return t('loans.referenceLeft');
  });
}

/** One booking: when, where, cancelling it, and the thread with the space's staff. */
export async function bookingPage(view, id) {
  if (!signedIn(view, t('loans.bookings'))) return;
  const status = statusLine();
  view.replaceChildren(status);
  try {
    const b = await get(`/bookings/${id}`);
    status.done();
    const parts = [el('p', {}, el('a', { href: '#/me/loans' }, t('loans.back'))), el('h1', {}, b.spaceTitle), status,
      el('dl', { class: 'facts' },
        el('dt', {}, t('loans.when')), el('dd', {}, `${formatDate(b.start)} – ${formatTime(b.end)}`),
        el('dt', {}, t('loans.status')), el('dd', {}, t(`bookingStatus.${b.status}`)),
        b.groupName ? [el('dt', {}, t('book.group')), el('dd', {}, b.groupName)] : '')];
    if (b.status === 'CONFIRMED' && b.yours) {
      parts.push(actionForm({ id: 'booking-cancel' }, [field(t('loans.reason'), 'input', { name: 'reason', id: 'booking-cancel-reason', maxlength: 500 })],
        t('loans.cancelBooking'), async v => {
          await send('POST', `/bookings/${id}/cancel`, { reason: v.reason || null });
          reload()();
        }));
    }
    parts.push(thread(`/bookings/${id}/messages`));
    view.replaceChildren(...parts);
  } catch (error) {
    view.replaceChildren(el('h1', {}, t('loans.bookings')), status, el('p', {}, el('a', { href: '#/me/loans' }, t('loans.back'))));
    status.fail(error);
  }
}
