// The household's time bank: its balance, the minutes held for sessions to come, its sessions
// (babysitting and services, given and received), monthly statements with a CSV download; asking
// for babysitting; and one session with what each side can do next, the care note and messages.
import { get, send, download, el } from '../api.js';
import { t, current, formatDate, formatTime, formatMinutes, formatNumber } from '../i18n.js';
import { actionButton, actionForm, cityInstant, cityLocal, districtList, field, signedIn, statusLine, today } from '../ui.js';
import { thread } from '../thread.js';

function sessionRow(s) {
  const otherSide = s.yourSide === 'PROVIDER' ? 'RECEIVER' : 'PROVIDER';
  const other = otherSide === 'PROVIDER' ? s.providerName : s.receiverName;
  return el('tr', {},
    el('td', {}, el('a', { href: `#/timebank/sessions/${s.id}` }, s.title)),
    el('td', {}, other, el('span', { class: 'meta' }, ` · ${t(`side.${s.kind}.${otherSide}`)}`)),
    el('td', {}, `${formatDate(s.startsAt)} – ${formatTime(s.endsAt)}`),
    el('td', {}, formatMinutes(s.minutes)),
    el('td', {}, t(`sessionStatus.${s.status}`)));
}

export async function timebankPage(view) {
  if (!signedIn(view, t('timebank.title'))) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('timebank.title')), status);
  let account;
  try {
    account = await get('/timebank/accounts/mine');
  } catch (error) {
    if (error.slug === 'not-in-household') {
      status.done();
      view.append(el('p', {}, t('timebank.noHousehold')), el('p', {}, el('a', { href: '#/me/settings' }, t('timebank.makeHousehold'))));
      return;
    }
    status.fail(error);
    return;
  }
  status.done();
  view.append(
    el('section', { class: 'balance', 'aria-labelledby': 'balance-title' },
      el('h2', { id: 'balance-title' }, account.name),
      el('dl', { class: 'facts' },
        el('dt', {}, t('timebank.balance')), el('dd', { id: 'balance' }, formatMinutes(account.balance)),
        el('dt', {}, t('timebank.held')), el('dd', { id: 'held' }, formatMinutes(account.held)),
        el('dt', {}, t('timebank.incoming')), el('dd', {}, formatMinutes(account.incoming)),
        el('dt', {}, t('timebank.available')), el('dd', {}, account.available == null ? '—' : formatMinutes(account.available)),
        el('dt', {}, t('timebank.limits')), el('dd', {}, t('timebank.limitsValue', {
          floor: formatMinutes(account.floor ?? 0), ceiling: formatMinutes(account.ceiling ?? 0) })))),
    el('p', { class: 'buttons' }, el('a', { class: 'button', href: '#/timebank/ask' }, t('timebank.ask')), ' ',
      el('a', { class: 'button', href: '#/?kind=CHILDCARE' }, t('timebank.findSitting')), ' ',
      el('a', { class: 'button', href: '#/me/listings/new' }, t('timebank.offer'))));
  const sessions = el('section', { 'aria-labelledby': 'sessions-title' }, el('h2', { id: 'sessions-title' }, t('timebank.sessions')));
  const pending = el('section', { 'aria-labelledby': 'pending-title' }, el('h2', { id: 'pending-title' }, t('timebank.pending')),
    account.pending?.length ? el('ul', {}, ...account.pending.map(p => el('li', {},
      `${formatMinutes(Math.abs(p.minutes))} · ${p.memo || t(`transfer.${p.kind}`)} · ${formatDate(p.createdAt)}`)))
      : el('p', { class: 'meta' }, t('timebank.noPending')));
  view.append(sessions, pending, statementSection());
  try {
    const mine = await get('/timebank/sessions/mine');
    sessions.append(mine.length ? el('div', { class: 'scroll' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, t('timebank.sessions')),
      el('thead', {}, el('tr', {}, ...['session.what', 'session.with', 'session.when', 'session.minutes', 'session.status']
        .map(k => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...mine.map(sessionRow)))) : el('p', { class: 'meta' }, t('timebank.noSessions')));
  } catch (error) {
    const line = statusLine('');
    line.fail(error);
    sessions.append(line);
  }
}

/** A month's statement: every entry with the balance after it; the same as CSV for a spreadsheet. */
function statementSection() {
  const month = today().slice(0, 7);
  const table = el('div', {});
  const status = statusLine('');
  const form = actionForm({ id: 'statement-form' }, [
    field(t('timebank.month'), 'input', { type: 'month', name: 'month', id: 'statement-month', value: month, required: true }),
  ], t('timebank.show'), async values => {
    const s = await get(`/timebank/accounts/mine/statements/${values.month}`);
    table.replaceChildren(
      el('p', {}, t('timebank.opening', { balance: formatMinutes(s.openingBalance) }), ' · ',
        t('timebank.closing', { balance: formatMinutes(s.closingBalance) })),
      s.lines.length ? el('div', { class: 'scroll' }, el('table', {},
        el('caption', { class: 'visually-hidden' }, t('timebank.statement')),
        el('thead', {}, el('tr', {}, ...['timebank.when', 'timebank.with', 'timebank.memo', 'timebank.minutesCol', 'timebank.after']
          .map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, ...s.lines.map(l => el('tr', {},
          el('td', {}, formatDate(l.at)), el('td', {}, l.counterparty || '—'), el('td', {}, l.memo || t(`transfer.${l.kind}`)),
          el('td', {}, formatMinutes(l.minutes)), el('td', {}, formatMinutes(l.balanceAfter)))))))
        : el('p', { class: 'meta' }, t('timebank.noLines')));
    return t('timebank.shown');
  });
  const csv = actionButton(t('timebank.csv'), async () => {
    const m = form.querySelector('input[name=month]').value;
    await download(`/timebank/accounts/mine/statements/${m}`, `nanum-timebank-${m}.csv`);
    return t('timebank.downloaded');
  }, status, { id: 'statement-csv' });
  return el('section', { 'aria-labelledby': 'statement-title' }, el('h2', { id: 'statement-title' }, t('timebank.statement')),
    form, csv, status, table);
}

/** A family asks for babysitting: a childcare request that verified sitters can answer. */
export async function askPage(view) {
  if (!signedIn(view, t('ask.title'))) return;
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  const districts = await districtList();
  const bands = ['AGE_0_2', 'AGE_3_5', 'AGE_6_9', 'AGE_10_12'];
  const form = actionForm({ id: 'ask-form' }, [
    field(t('ask.titleField'), 'input', { name: 'title', id: 'ask-title', required: true, maxlength: 120, value: t('ask.defaultTitle') }),
    field(t('ask.description'), 'textarea', { name: 'description', id: 'ask-description', required: true, rows: 3, maxlength: 2000 }),
    field(t('ask.from'), 'input', { type: 'datetime-local', name: 'from', id: 'ask-from', required: true, value: cityLocal(start) }),
    field(t('ask.to'), 'input', { type: 'datetime-local', name: 'to', id: 'ask-to', required: true,
      value: cityLocal(start.getTime() + 3 * 3_600_000) }),
    field(t('ask.children'), 'input', { type: 'number', name: 'children', id: 'ask-children', min: 1, max: 6, value: 1, required: true }),
    el('fieldset', {}, el('legend', {}, t('ask.ages')), ...bands.map(b => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: `age.${b}`, value: b, id: `ask-${b}`, checked: b === 'AGE_3_5' }), ' ', t(`ageband.${b}`)))),
    field(t('ask.district'), 'select', { name: 'district', id: 'ask-district', required: true },
      ...districts.map(d => el('option', { value: d.code }, current() === 'ko' ? d.nameKo : d.nameEn))),
    el('p', { class: 'meta' }, t('ask.privacy')),
  ], t('ask.submit'), async values => {
    const ageBands = bands.filter(b => values[`age.${b}`]);
    const made = await send('POST', '/listings', { kind: 'CHILDCARE', direction: 'REQUEST', title: values.title,
      description: values.description, category: 'childcare.babysitting', district: values.district,
      details: { childcare: { from: cityInstant(values.from), to: cityInstant(values.to), children: Number(values.children), ageBands } } });
    await send('PUT', `/listings/${made.id}/status`, { status: 'PUBLISHED' });
    form.append(el('p', {}, el('a', { href: `#/listings/${made.id}` }, t('ask.see'))));
    return t('ask.published');
  });
  view.replaceChildren(el('p', {}, el('a', { href: '#/timebank' }, t('timebank.back'))), el('h1', {}, t('ask.title')),
    el('p', {}, t('ask.intro')), form);
}

/** One session: facts, the next step for this side, the care note (family writes, sitter reads), messages. */
export async function sessionPage(view, id) {
  if (!signedIn(view, t('timebank.title'))) return;
  const status = statusLine();
  view.replaceChildren(status);
  let s;
  try {
    s = await get(`/timebank/sessions/${id}`);
  } catch (error) {
    view.replaceChildren(el('h1', {}, t('timebank.sessions')), status, el('p', {}, el('a', { href: '#/timebank' }, t('timebank.back'))));
    status.fail(error);
    return;
  }
  status.done();
  const again = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const act = (action, body = {}) => async () => { await send('POST', `/timebank/sessions/${id}/${action}`, body); again(); };
  const started = Date.parse(s.startsAt) <= Date.now();
  const yours = s.yourSide === 'PROVIDER' ? s.providerMinutes : s.receiverMinutes;
  const theirs = s.yourSide === 'PROVIDER' ? s.receiverMinutes : s.providerMinutes;
  const facts = [
    ['session.status', t(`sessionStatus.${s.status}`)], ['session.yourSide', t(`side.${s.kind}.${s.yourSide}`)],
    ['session.provider', s.providerName], ['session.receiver', s.receiverName],
    ['session.when', `${formatDate(s.startsAt)} – ${formatTime(s.endsAt)}`], ['session.minutes', formatMinutes(s.minutes)],
    ['session.children', s.children ? formatNumber(s.children) : null],
    ['session.youConfirmed', yours != null ? formatMinutes(yours) : null],
    ['session.theyConfirmed', theirs != null ? formatMinutes(theirs) : null],
    ['session.disputeReason', s.disputeReason], ['session.settleReason', s.settleReason],
  ].filter(([, v]) => v);
  const next = [];
  if (s.status === 'PROPOSED' && s.yourSide === 'RECEIVER') {
    next.push(actionButton(t('session.accept'), act('accept'), status, { id: 'accept' }), ' ',
      actionButton(t('session.decline'), act('decline'), status, { id: 'decline' }));
  } else if (s.status === 'PROPOSED') {
    next.push(el('p', {}, t('session.waitingForFamily')));
  }
  if ((s.status === 'PROPOSED' || s.status === 'SCHEDULED') && !started) {
    next.push(actionButton(t('session.cancel'), act('cancel'), status, { id: 'cancel' }));
  }
  if (s.status === 'SCHEDULED' && started) {
    next.push(actionForm({ id: 'confirm-form' }, [
      field(t('session.confirmMinutes'), 'input', { type: 'number', name: 'minutes', id: 'confirm-minutes', min: 1,
        value: theirs ?? s.minutes, required: true }),
    ], t('session.confirm'), async v => {
      await send('POST', `/timebank/sessions/${id}/confirm`, { minutes: Number(v.minutes) });
      again();
    }));
    next.push(el('p', { class: 'hint', id: 'noshow-hint' }, t('session.noShowHint')));
    next.push(actionForm({ id: 'noshow-form' }, [field(t('session.reason'), 'input', { name: 'reason', id: 'noshow-reason', maxlength: 400,
      'aria-describedby': 'noshow-hint' })],
    t('session.noShow'), async v => { await send('POST', `/timebank/sessions/${id}/no-show`, { reason: v.reason || null }); again(); }));
    next.push(disputeForm());
  }
  // A no-show is a claim: the side said to be absent confirms or disputes it; the other side waits.
  if (s.status === 'NO_SHOW_CLAIMED' && s.noShow === s.yourSide) {
    next.push(el('p', { id: 'noshow-claimed' }, t('session.noShowClaimedOfYou', { date: formatDate(s.answerBy), time: formatTime(s.answerBy) })),
      actionButton(t('session.noShowConfirm'), act('no-show/confirm'), status, { id: 'noshow-confirm', class: 'secondary' }),
      disputeForm());
  } else if (s.status === 'NO_SHOW_CLAIMED') {
    next.push(el('p', { id: 'noshow-claimed' }, t('session.noShowClaimedByYou', { date: formatDate(s.answerBy), time: formatTime(s.answerBy) })));
  }
  function disputeForm() {
    return actionForm({ id: 'dispute-form' }, [field(t('session.reason'), 'input', { name: 'reason', id: 'dispute-reason', required: true, maxlength: 400 })],
      t('session.dispute'), async v => { await send('POST', `/timebank/sessions/${id}/dispute`, { reason: v.reason }); again(); });
  }
  if (!next.length) next.push(el('p', { class: 'meta' }, t('session.nothingToDo')));
  view.replaceChildren(el('p', {}, el('a', { href: '#/timebank' }, t('timebank.back'))), el('h1', {}, s.title), status,
    el('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)])),
    el('section', { class: 'actions', 'aria-labelledby': 'next-title' }, el('h2', { id: 'next-title' }, t('session.next')), ...next),
    s.kind === 'CHILDCARE' ? await careNote(s) : '',
    thread(`/timebank/sessions/${id}/messages`));
}

/**
 * The care note: the family writes it, the sitter of this session reads it; erased when the session
 * is over. Nothing of it is kept anywhere else in the page.
 */
async function careNote(s) {
  const section = el('section', { 'aria-labelledby': 'care-title' }, el('h2', { id: 'care-title' }, t('care.title')),
    el('p', { class: 'meta' }, t('care.intro')));
  const open = s.status === 'PROPOSED' || s.status === 'SCHEDULED';
  let note = null;
  if (s.careNote) {
    try {
      note = await get(`/timebank/sessions/${s.id}/care-note`);
    } catch {
      note = null;
    }
  }
  if (s.yourSide === 'RECEIVER' && open) {
    section.append(actionForm({ id: 'care-form' }, [
      field(t('care.emergency'), 'input', { name: 'emergencyContact', id: 'care-emergency', maxlength: 200, value: note?.emergencyContact || '', autocomplete: 'off' }),
      field(t('care.allergies'), 'textarea', { name: 'allergies', id: 'care-allergies', rows: 2, maxlength: 500 }, note?.allergies || ''),
      field(t('care.names'), 'input', { name: 'childrenNames', id: 'care-names', maxlength: 200, value: note?.childrenNames || '', autocomplete: 'off' }),
    ], t('care.save'), async v => {
      await send('PUT', `/timebank/sessions/${s.id}/care-note`, { emergencyContact: v.emergencyContact || null,
        allergies: v.allergies || null, childrenNames: v.childrenNames || null });
      return t('care.saved');
    }));
  } else if (note) {
    section.append(el('dl', { class: 'facts' },
      el('dt', {}, t('care.emergency')), el('dd', {}, note.emergencyContact || '—'),
      el('dt', {}, t('care.allergies')), el('dd', {}, note.allergies || '—'),
      el('dt', {}, t('care.names')), el('dd', {}, note.childrenNames || '—')));
  } else {
    section.append(el('p', {}, t('care.none')));
  }
  return section;
}
