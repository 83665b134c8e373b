// The city staff's pages: the moderation queue and one case (claim, decide, lift a suspension);
// sitters' checks and residency, from a resident's id; the city's goods and spaces (list, add,
// close a space for a period, the bookings of its spaces); deposit outcomes of loans whose item is
// back or lost; and time-bank disputes (what both sides said, never a care note).
import { get, send, el } from '../api.js';
import { t, has, formatDate, formatDay, formatTime, formatNumber, formatMinutes, current } from '../i18n.js';
import { actionButton, actionForm, cityInstant, field, signedIn, hasRole, statusLine, categoryList, districtList, today }
  from '../ui.js';

const REASONS = ['UNSAFE', 'PROHIBITED_ITEM', 'DISCRIMINATION', 'HARASSMENT', 'SPAM', 'NO_SHOW', 'OTHER'];
const LISTING_DECISIONS = ['DISMISS', 'HIDE', 'RESTORE', 'EDIT_REQUEST', 'WARN', 'SUSPEND'];
const PERSON_DECISIONS = ['DISMISS', 'WARN', 'SUSPEND'];
const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

// ---- Small helpers -------------------------------------------------------------------------

/** Signed in and staff; otherwise the page says why and the caller stops. */
function staffOnly(view, title) {
  if (!signedIn(view, title)) return false;
  if (hasRole('staff')) return true;
  view.replaceChildren(el('h1', {}, title), el('p', {}, t('staff.only')));
  return false;
}

/** The staff pages, as a small list of links (after the page's h1). */
function staffNav() {
  const pages = [['#/staff', 'staff.queue.title'], ['#/staff/sitters', 'staff.sitters.title'],
    ['#/staff/city', 'staff.city.title'], ['#/staff/deposits', 'staff.deposits.title'],
    ['#/staff/disputes', 'staff.disputes.title'], ['#/staff/imports', 'staff.imports.title']];
  return el('nav', { 'aria-label': t('staff.nav'), class: 'staff-nav' }, el('ul', {},
    ...pages.map(([href, key]) => el('li', {},
      el('a', { href, 'aria-current': location.hash === href ? 'page' : null }, t(key))))));
}

/** A section with its h2 (the heading names the section for screen readers). */
let sectionCount = 0;
function section(title, ...children) {
  const id = `staff-s${++sectionCount}`;
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

/** A table with a caption and column headers; it scrolls on its own on a narrow screen. */
function table(caption, headers, rows) {
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

/** A definition list from [term, value] pairs, leaving out pairs without a value. */
function facts(pairs) {
  return el('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

/** How long ago, in the reader's language ("3 days ago"). */
function age(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  const words = new Intl.RelativeTimeFormat(current(), { numeric: 'auto' });
  if (minutes < 60) return words.format(-minutes, 'minute');
  if (minutes < 48 * 60) return words.format(-Math.round(minutes / 60), 'hour');
  return words.format(-Math.round(minutes / 1440), 'day');
}

function when(iso) {
  return el('time', { datetime: iso }, formatDate(iso));
}

/** Radio buttons in a fieldset with a legend: [[value, label], …]. */
function choice(legend, name, options, checked, idPrefix) {
  return el('fieldset', { class: 'choice' }, el('legend', {}, legend),
    ...options.map(([value, label]) => {
      const id = `${idPrefix}-${value}`.toLowerCase();
      return el('label', { for: id, class: 'check' },
        el('input', { type: 'radio', name, value, id, checked: value === checked, required: true }), ' ', label);
    }));
}

/** Gives the submit button of an actionForm a stable id for tests. */
function submitId(form, id) {
  form.querySelector('button[type=submit]').id = id;
  return form;
}

/**
 * Some problems mean something more precise on a staff page than the residents' message for them:
 * problem.<slug>.<context> when such a message exists (e.g. problem.slot-taken.block).
 */
function inContext(error, context) {
  if (error?.slug && has(`problem.${error.slug}.${context}`)) error.slug = `${error.slug}.${context}`;
  return error;
}

function optional(value) {
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();
}

function optionalNumber(value) {
  return optional(value) === undefined ? undefined : Number(value);
}

/** A datetime-local value (the city's clock) as the instant it means. */
function cityTime(localValue) {
  return cityInstant(localValue.slice(0, 16));
}

function categoryLabel(c, all) {
  let depth = 0;
  for (let p = c.parent; p; p = all.find(x => x.code === p)?.parent) depth++;
  return '— '.repeat(depth) + ({ ko: c.nameKo, fr: c.nameFr }[current()] || c.nameEn);
}

function districtLabel(d) {
  return current() === 'ko' ? d.nameKo : d.nameEn;
}

// ---- The moderation queue ------------------------------------------------------------------

/** What a case is about: a listing's title when staff may read the listing, else the kind of thing. */
async function about(c) {
  const kind = t(`staff.target.${c.targetType}`);
  if (c.targetType === 'LISTING') {
    try {
      const listing = await get(`/listings/${c.targetId}`);
      return { label: () => [kind, ': ', el('span', { lang: listing.language }, listing.title)], listing };
    } catch {
      // A listing hidden from search is its owner's alone: staff see its kind and id.
    }
  }
  return { label: () => [kind, ' ', el('span', { class: 'meta' }, `(${c.targetId.slice(0, 8)})`)], listing: null };
}

function reasonCounts(reasons) {
  return Object.entries(reasons || {})
    .map(([reason, n]) => t('staff.reasonCount', { reason: t(`staff.reason.${reason}`), n: formatNumber(n) }))
    .join(', ');
}

export async function queuePage(view) {
  const title = t('staff.queue.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, title), staffNav(), el('p', {}, t('staff.queue.intro')), status);
  try {
    const cases = await get('/moderation/queue');
    if (!cases.length) {
      status.say(t('staff.queue.empty'));
      return;
    }
    const subjects = await Promise.all(cases.map(about));
    status.say(t('staff.queue.count', { n: formatNumber(cases.length) }));
    view.append(table(t('staff.queue.caption'),
      [t('staff.case.about'), t('staff.case.reasons'), t('staff.case.reports'), t('staff.case.opened'),
        t('staff.case.claimedBy')],
      cases.map((c, i) => el('tr', {},
        el('td', {}, el('a', { href: `#/staff/cases/${c.id}`, 'data-target-id': c.targetId, 'data-case-id': c.id },
          subjects[i].label()),
        c.urgency === 0 ? el('strong', { class: 'urgent' }, ` · ${t('staff.case.urgent')}`) : ''),
        el('td', {}, reasonCounts(c.reasons)),
        el('td', {}, formatNumber(c.reports)),
        el('td', {}, el('time', { datetime: c.openedAt, title: formatDate(c.openedAt) }, age(c.openedAt))),
        el('td', {}, c.claimedBy || t('staff.case.unclaimed'))))));
  } catch (error) {
    status.fail(error);
  }
}

// ---- One case ------------------------------------------------------------------------------

function caseFacts(c, subject) {
  return facts([
    [t('staff.case.about'), subject.listing
      ? el('a', { href: `#/listings/${subject.listing.id}` }, subject.label()) : subject.label()],
    [t('staff.case.status'), t(`staff.caseStatus.${c.status}`)],
    [t('staff.case.priority'), c.urgency === 0 ? t('staff.case.urgent') : t('staff.case.normal')],
    [t('staff.case.reports'), formatNumber(c.reports)],
    [t('staff.case.reasons'), reasonCounts(c.reasons)],
    [t('staff.case.opened'), [when(c.openedAt), ` (${age(c.openedAt)})`]],
    [t('staff.case.claimedBy'), c.claimedBy ? [c.claimedBy, ' · ', when(c.claimedAt)] : t('staff.case.unclaimed')],
    [t('staff.case.decision'), c.decision ? t(`staff.decision.${c.decision}`) : null],
    [t('staff.case.closed'), c.closedAt ? when(c.closedAt) : null],
  ]);
}

/** The reason most reports gave: the decision's category unless staff choose another. */
function topReason(reasons) {
  return Object.entries(reasons || {}).sort((a, b) => b[1] - a[1])[0]?.[0] || 'OTHER';
}

function decisionForm(c, decided) {
  const actions = ['LISTING', 'PHOTO'].includes(c.targetType) ? LISTING_DECISIONS : PERSON_DECISIONS;
  const help = el('p', { id: 'decision-help', class: 'meta' }, t('staff.decisionHelp.none'));
  const days = el('input', { type: 'number', name: 'days', id: 'decision-days', min: 1, max: 365, step: 1,
    inputmode: 'numeric', disabled: true });
  // Wrapped: label.field's display would override the hidden attribute.
  const daysField = el('div', { hidden: true }, el('label', { class: 'field', for: 'decision-days' },
    el('span', {}, t('staff.decide.days')), days));
  const action = el('select', { name: 'decision', id: 'decision-action', required: true, 'aria-describedby': 'decision-help' },
    el('option', { value: '' }, t('staff.choose')),
    ...actions.map(a => el('option', { value: a }, t(`staff.decision.${a}`))));
  action.addEventListener('change', () => {
    help.textContent = t(action.value ? `staff.decisionHelp.${action.value}` : 'staff.decisionHelp.none');
    const suspend = action.value === 'SUSPEND';
    daysField.hidden = !suspend;
    days.disabled = !suspend;
    days.required = suspend;
  });
  const category = el('select', { name: 'category', id: 'decision-category', required: true },
    ...REASONS.map(r => el('option', { value: r }, t(`staff.reason.${r}`))));
  category.value = topReason(c.reasons);
  const form = actionForm({ id: 'decision-form' }, [
    el('label', { class: 'field', for: 'decision-action' }, el('span', {}, t('staff.decide.action')), action),
    help,
    el('label', { class: 'field', for: 'decision-category' }, el('span', {}, t('staff.decide.category')), category),
    daysField,
    field(t('staff.decide.reason'), 'textarea', { name: 'reason', id: 'decision-reason', required: true,
      maxlength: 2000, rows: 4, 'aria-describedby': 'decision-reason-help' }),
    el('p', { id: 'decision-reason-help', class: 'meta' }, t('staff.decide.reasonHelp')),
  ], t('staff.decide.submit'), async values => {
    const body = { decision: values.decision, category: values.category, reason: values.reason };
    if (values.decision === 'SUSPEND') body.days = Number(values.days);
    const result = await send('POST', `/moderation/cases/${c.id}/decision`, body);
    decided(result);
    return t('staff.decide.done', { decision: t(`staff.decision.${result.decision}`) });
  });
  return submitId(form, 'decision-submit');
}

function liftForm(c, lifted) {
  return submitId(actionForm({ id: 'lift-form' }, [
    field(t('staff.lift.reason'), 'textarea', { name: 'reason', id: 'lift-reason', required: true, maxlength: 2000, rows: 3 }),
  ], t('staff.lift.submit'), async values => {
    const result = await send('POST', `/moderation/cases/${c.id}/suspension-lift`, { reason: values.reason });
    lifted(result);
    return t('staff.lift.done');
  }), 'lift-submit');
}

export async function casePage(view, id) {
  const title = t('staff.case.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  const back = el('p', {}, el('a', { href: '#/staff', id: 'back-to-queue' }, t('staff.backToQueue')));
  view.replaceChildren(el('h1', {}, title), staffNav(), status);
  let detail;
  try {
    detail = await get(`/moderation/cases/${id}`);
  } catch (error) {
    status.fail(error);
    view.append(back);
    return;
  }
  status.done();
  const subject = await about(detail.of);
  const summary = el('div', {}, caseFacts(detail.of, subject));
  const actions = el('div', {});
  // The outcome of a claim or a decision is announced here, whatever happens to the forms.
  const outcome = statusLine('');

  function closed(c) {
    actions.replaceChildren(section(t('staff.case.outcome'),
      el('p', { id: 'case-outcome', tabindex: '-1' }, t('staff.case.closedAs', { decision: t(`staff.decision.${c.decision}`) }), ' ',
        c.closedAt ? when(c.closedAt) : ''), back));
    if (c.decision === 'SUSPEND') {
      actions.append(section(t('staff.lift.title'), el('p', {}, t('staff.lift.intro')),
        liftForm(c, () => outcome.say(t('staff.lift.done')))));
    }
  }

  function decided(c) {
    summary.replaceChildren(caseFacts(c, subject));
    closed(c);
    // The form is gone: the keyboard's focus goes to the outcome, which the status line announces.
    document.getElementById('case-outcome')?.focus();
    outcome.say(t('staff.decide.done', { decision: t(`staff.decision.${c.decision}`) }));
  }

  if (detail.of.status === 'OPEN') {
    const claimStatus = statusLine('');
    actions.append(
      section(t('staff.claim.title'), el('p', {}, t('staff.claim.intro')),
        actionButton(t('staff.claim.submit'), async () => {
          const c = await send('POST', `/moderation/cases/${id}/claim`);
          summary.replaceChildren(caseFacts(c, subject));
          return t('staff.claim.done');
        }, claimStatus, { id: 'case-claim' }), claimStatus),
      section(t('staff.decide.title'), decisionForm(detail.of, decided)));
  } else {
    closed(detail.of);
  }

  view.append(summary, outcome, actions,
    section(t('staff.case.reportsTitle'), detail.reports.length
      ? table(t('staff.case.reportsTitle'),
        [t('staff.col.when'), t('staff.col.reason'), t('staff.col.words'), t('staff.col.reporter')],
        detail.reports.map(r => el('tr', {},
          el('td', {}, when(r.createdAt)), el('td', {}, t(`staff.reason.${r.reason}`)),
          el('td', {}, r.details || '—'), el('td', {}, r.reporterName || '—'))))
      : el('p', {}, t('staff.case.noReports'))),
    section(t('staff.case.history'), detail.history.length
      ? table(t('staff.case.history'),
        [t('staff.col.when'), t('staff.col.action'), t('staff.col.reason'), t('staff.col.by')],
        detail.history.map(e => el('tr', {},
          el('td', {}, when(e.at)), el('td', {}, t(`staff.action.${e.action}`)),
          el('td', {}, e.reasonCategory ? t(`staff.reason.${e.reasonCategory}`) : '—'),
          el('td', {}, e.automatic ? t('staff.case.automatic')
            : `${has(`staff.role.${e.actorRole}`) ? t(`staff.role.${e.actorRole}`) : e.actorRole} (${e.actor})`))))
      : el('p', {}, t('staff.case.noHistory'))),
    detail.of.status === 'OPEN' ? back : '');
}

// ---- Sitters' checks (and residency) --------------------------------------------------------

function checkText(check) {
  if (check.verified) {
    return t('staff.sitters.checked', { day: formatDay(check.checkedOn), recorded: formatDate(check.recordedAt) });
  }
  if (check.withdrawnAt) return t('staff.sitters.withdrawn', { when: formatDate(check.withdrawnAt) });
  return t('staff.sitters.none');
}

async function residentFacts(r) {
  const districts = await districtList();
  const district = districts.find(d => d.code === r.districtCode);
  return facts([
    [t('staff.resident.name'), r.displayName],
    [t('staff.resident.username'), r.username],
    [t('staff.resident.email'), r.email],
    [t('staff.resident.district'), district ? districtLabel(district) : (r.districtCode || '—')],
    [t('staff.resident.household'), r.householdId ? t('staff.yes') : t('staff.no')],
    [t('staff.resident.residency'), r.residencyVerified
      ? t('staff.resident.verifiedOn', { when: formatDate(r.residencyVerifiedAt) }) : t('staff.resident.notVerified')],
    [t('staff.resident.since'), formatDate(r.memberSince)],
  ]);
}

function sitterForm(residentId, shown) {
  return submitId(actionForm({ id: 'sitter-form' }, [
    choice(t('staff.sitters.decision'), 'verified',
      [['true', t('staff.sitters.record')], ['false', t('staff.sitters.withdraw')]], 'true', 'sitter-verified'),
    field(t('staff.sitters.checkedOn'), 'input', { type: 'date', name: 'checkedOn', id: 'sitter-checked-on',
      max: today(), value: today() }),
    field(t('staff.sitters.reason'), 'textarea', { name: 'reason', id: 'sitter-reason', required: true,
      maxlength: 2000, rows: 3 }),
  ], t('staff.sitters.submit'), async values => {
    const check = await send('PUT', `/residents/${residentId}/sitter-check`, {
      verified: values.verified === 'true', checkedOn: optional(values.checkedOn), reason: values.reason });
    shown.textContent = checkText(check);
    return check.verified ? t('staff.sitters.doneRecorded') : t('staff.sitters.doneWithdrawn');
  }), 'sitter-submit');
}

function residencyForm(residentId, shown) {
  return submitId(actionForm({ id: 'residency-form' }, [
    choice(t('staff.residency.decision'), 'verified',
      [['true', t('staff.residency.verify')], ['false', t('staff.residency.withdraw')]], 'true', 'residency-verified'),
    field(t('staff.residency.reason'), 'textarea', { name: 'reason', id: 'residency-reason', required: true,
      maxlength: 2000, rows: 3 }),
  ], t('staff.residency.submit'), async values => {
    const resident = await send('PUT', `/residents/${residentId}/residency`,
      { verified: values.verified === 'true', reason: values.reason });
    shown.replaceChildren(await residentFacts(resident));
    return resident.residencyVerified ? t('staff.residency.doneVerified') : t('staff.residency.doneWithdrawn');
  }), 'residency-submit');
}

/** A resident's erasure at their request (POST /residents/{id}/erasure): who asked, how and when, and ERASE typed. */
function erasureForm(residentId, shown) {
  return submitId(actionForm({ id: 'erasure-form' }, [
    field(t('staff.erase.reason'), 'textarea', { name: 'reason', id: 'erasure-reason', required: true,
      maxlength: 500, rows: 3 }),
    field(t('staff.erase.confirm'), 'input', { name: 'confirm', id: 'erasure-confirm', required: true,
      autocomplete: 'off', lang: 'en' }),
  ], t('staff.erase.submit'), async values => {
    const done = await send('POST', `/residents/${residentId}/erasure`,
      { reason: values.reason, confirm: values.confirm.trim() });
    shown.replaceChildren();
    return t(`staff.erase.done.${done.keycloakAccount}`);
  }), 'erasure-submit');
}

/**
 * The resident's household's time-bank balance, and when it owes minutes, writing the debt off to
 * the community pot with a reason (on the public log; never for the staff member's own household).
 */
async function writeOffPart(residentId) {
  const box = el('div', { id: 'write-off' });
  let account;
  try {
    account = await get(`/timebank/accounts/of-resident/${encodeURIComponent(residentId)}`);
  } catch (error) {
    box.append(el('p', {}, t('staff.writeOff.noAccount')));
    return box;
  }
  box.append(el('p', { id: 'write-off-balance' }, t('staff.writeOff.balance', { minutes: formatMinutes(account.balance) })));
  if (account.balance < 0) {
    box.append(el('p', { class: 'meta' }, t('staff.writeOff.intro')),
      actionForm({ id: 'write-off-form' }, [field(t('staff.writeOff.reason'), 'textarea', { name: 'reason', id: 'write-off-reason',
        required: true, maxlength: 500, rows: 2 })], t('staff.writeOff.button'), async v => {
        const done = await send('POST', `/timebank/accounts/${account.id}/write-off`, { reason: v.reason });
        box.querySelector('#write-off-balance').textContent = t('staff.writeOff.balance', { minutes: formatMinutes(0) });
        return t('staff.writeOff.done', { minutes: formatMinutes(done.minutes) });
      }));
  }
  return box;
}

export async function sittersPage(view) {
  const title = t('staff.sitters.title');
  if (!staffOnly(view, title)) return;
  const record = el('div', {});
  const residentId = el('input', { name: 'id', id: 'sitter-resident', required: true, autocomplete: 'off',
    spellcheck: 'false' });
  const lookup = el('form', { class: 'search', id: 'sitter-lookup' },
    el('label', { class: 'field', for: 'sitter-resident' }, el('span', {}, t('staff.sitters.residentId')), residentId),
    el('button', { type: 'submit', id: 'sitter-lookup-submit' }, t('staff.sitters.lookUp')));
  const status = statusLine('');
  lookup.addEventListener('submit', async event => {
    event.preventDefault();
    const id = residentId.value.trim();
    record.replaceChildren();
    status.say(t('search.loading'));
    try {
      const [resident, check] = await Promise.all([get(`/residents/${encodeURIComponent(id)}`),
        get(`/residents/${encodeURIComponent(id)}/sitter-check`)]);
      status.say(t('staff.sitters.found', { name: resident.displayName }));
      const residentBox = el('div', {}, await residentFacts(resident));
      const checkLine = el('p', { id: 'sitter-current' }, checkText(check));
      record.append(
        section(t('staff.sitters.resident'), residentBox),
        section(t('staff.sitters.checks'), checkLine, el('p', { class: 'meta' }, t('staff.sitters.documents')),
          sitterForm(resident.id, checkLine)),
        section(t('staff.residency.title'), residencyForm(resident.id, residentBox)),
        section(t('staff.writeOff.title'), await writeOffPart(resident.id)),
        section(t('staff.erase.title'), el('p', {}, t('staff.erase.intro')), erasureForm(resident.id, residentBox)));
    } catch (error) {
      status.fail(error);
    }
  });
  view.replaceChildren(el('h1', {}, title), staffNav(), el('p', {}, t('staff.sitters.intro')), lookup, status, record);
}

// ---- The city's goods and spaces -----------------------------------------------------------

async function cityListings() {
  const [published, mine] = await Promise.all([
    get('/listings?ownerType=CITY&size=100&sort=NEWEST'),
    get('/listings/mine'),
  ]);
  const drafts = mine.filter(l => l.ownerType === 'CITY' && l.status !== 'PUBLISHED' && l.status !== 'WITHDRAWN');
  return { published: published.items, drafts };
}

function listingForm(categories, districts, created) {
  const kind = el('select', { name: 'kind', id: 'city-kind', required: true },
    ...['GOODS', 'SPACE'].map(k => el('option', { value: k }, t(`staff.city.kind.${k}`))));
  const category = el('select', { name: 'category', id: 'city-category', required: true });
  const goods = el('fieldset', { id: 'city-goods' }, el('legend', {}, t('staff.city.goods')),
    field(t('staff.city.condition'), 'select', { name: 'details.goods.condition', id: 'city-condition', required: true },
      ...['NEW', 'GOOD', 'FAIR', 'WORN'].map(c => el('option', { value: c, selected: c === 'GOOD' }, t(`staff.condition.${c}`)))),
    field(t('staff.city.loanDays'), 'input', { type: 'number', name: 'details.goods.loanPeriodDays', id: 'city-loan-days',
      min: 1, max: 90, value: 7, required: true, inputmode: 'numeric' }),
    field(t('staff.city.deposit'), 'input', { type: 'number', name: 'details.goods.depositKrw', id: 'city-deposit',
      min: 0, max: 10000000, step: 1, inputmode: 'numeric' }),
    field(t('staff.city.replacement'), 'input', { type: 'number', name: 'details.goods.replacementValueKrw',
      id: 'city-replacement', min: 0, max: 100000000, step: 1, inputmode: 'numeric' }),
    field(t('staff.city.pickup'), 'input', { name: 'details.goods.pickupPlace', id: 'city-pickup', maxlength: 200 }));
  const dayNames = new Intl.DateTimeFormat(current(), { weekday: 'long', timeZone: 'UTC' });
  const space = el('fieldset', { id: 'city-space' }, el('legend', {}, t('staff.city.space')),
    field(t('staff.city.capacity'), 'input', { type: 'number', name: 'details.space.capacity', id: 'city-capacity',
      min: 1, max: 5000, required: true, inputmode: 'numeric' }),
    field(t('staff.city.openingHours'), 'input', { name: 'details.space.openingHours', id: 'city-opening',
      maxlength: 200, required: true }),
    field(t('staff.city.slot'), 'input', { type: 'number', name: 'details.space.slotMinutes', id: 'city-slot',
      min: 15, max: 720, step: 15, value: 60, required: true, inputmode: 'numeric' }),
    el('fieldset', { class: 'choice' }, el('legend', {}, t('staff.city.access')),
      ...['STEP_FREE', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'PARKING'].map(a => el('label', { class: 'check', for: `city-access-${a}` },
        el('input', { type: 'checkbox', name: 'access', value: a, id: `city-access-${a}` }), ' ', t(`staff.access.${a}`)))),
    el('fieldset', { class: 'choice' }, el('legend', {}, t('staff.city.bookableDays')),
      el('p', { class: 'meta' }, t('staff.city.bookableHelp')),
      ...WEEK.map((d, i) => el('label', { class: 'check', for: `city-day-${d}` },
        el('input', { type: 'checkbox', name: 'day', value: d, id: `city-day-${d}` }), ' ',
        dayNames.format(new Date(Date.UTC(2024, 0, 1 + i)))))),
    field(t('staff.city.bookableFrom'), 'input', { type: 'time', name: 'details.space.bookableHours[0].from', id: 'city-from',
      step: 900, value: '09:00' }),
    field(t('staff.city.bookableTo'), 'input', { type: 'time', name: 'details.space.bookableHours[0].to', id: 'city-to',
      step: 900, value: '18:00' }));

  function showKind() {
    const isGoods = kind.value === 'GOODS';
    // A fieldset that is disabled is neither validated nor sent.
    goods.hidden = !isGoods;
    goods.disabled = !isGoods;
    space.hidden = isGoods;
    space.disabled = isGoods;
    category.replaceChildren(el('option', { value: '' }, t('staff.choose')),
      ...categories.filter(c => c.kind === kind.value).map(c => el('option', { value: c.code }, categoryLabel(c, categories))));
  }
  kind.addEventListener('change', showKind);
  showKind();

  const form = actionForm({ id: 'city-form' }, [
    el('label', { class: 'field', for: 'city-kind' }, el('span', {}, t('staff.city.kind')), kind),
    field(t('staff.city.titleField'), 'input', { name: 'title', id: 'city-title', required: true, maxlength: 120 }),
    field(t('staff.city.description'), 'textarea', { name: 'description', id: 'city-description', required: true,
      maxlength: 5000, rows: 4 }),
    el('label', { class: 'field', for: 'city-category' }, el('span', {}, t('staff.city.category')), category),
    field(t('staff.city.district'), 'select', { name: 'district', id: 'city-district', required: true },
      el('option', { value: '' }, t('staff.choose')),
      ...districts.map(d => el('option', { value: d.code }, districtLabel(d)))),
    goods, space,
    el('label', { class: 'check', for: 'city-publish' },
      el('input', { type: 'checkbox', name: 'publish', id: 'city-publish', checked: true }), ' ', t('staff.city.publishNow')),
  ], t('staff.city.create'), async (values, f) => {
    const body = { kind: values.kind, ownerType: 'CITY', title: values.title, description: values.description,
      category: values.category, district: values.district };
    if (values.kind === 'GOODS') {
      body.details = { goods: {
        condition: values['details.goods.condition'],
        loanPeriodDays: optionalNumber(values['details.goods.loanPeriodDays']),
        depositKrw: optionalNumber(values['details.goods.depositKrw']),
        replacementValueKrw: optionalNumber(values['details.goods.replacementValueKrw']),
        pickupPlace: optional(values['details.goods.pickupPlace']) } };
    } else {
      const days = [...f.querySelectorAll('input[name=day]:checked')].map(i => i.value);
      body.details = { space: {
        capacity: optionalNumber(values['details.space.capacity']),
        openingHours: values['details.space.openingHours'],
        slotMinutes: optionalNumber(values['details.space.slotMinutes']),
        accessibility: [...f.querySelectorAll('input[name=access]:checked')].map(i => i.value),
        bookableHours: days.length ? [{ days, from: values['details.space.bookableHours[0].from'],
          to: values['details.space.bookableHours[0].to'] }] : [] } };
    }
    let listing = await send('POST', '/listings', body);
    if (values.publish) listing = await send('PUT', `/listings/${listing.id}/status`, { status: 'PUBLISHED' });
    f.reset();
    showKind();
    await created();
    if (listing.status === 'PUBLISHED') return t('staff.city.published', { title: listing.title });
    if (listing.status === 'HIDDEN') return t('staff.city.held', { title: listing.title });
    return t('staff.city.drafted', { title: listing.title });
  });
  return submitId(form, 'city-submit');
}

function blockForm(spaces, blocked) {
  if (!spaces.length) return el('p', {}, t('staff.city.noSpaces'));
  return submitId(actionForm({ id: 'block-form' }, [
    field(t('staff.city.blockSpace'), 'select', { name: 'spaceId', id: 'block-space', required: true },
      ...spaces.map(s => el('option', { value: s.id }, s.title))),
    field(t('staff.city.blockStart'), 'input', { type: 'datetime-local', name: 'start', id: 'block-start', required: true,
      step: 900 }),
    field(t('staff.city.blockEnd'), 'input', { type: 'datetime-local', name: 'end', id: 'block-end', required: true,
      step: 900 }),
    field(t('staff.city.blockReason'), 'textarea', { name: 'reason', id: 'block-reason', required: true, maxlength: 500,
      rows: 2 }),
  ], t('staff.city.blockSubmit'), async (values, f) => {
    const block = await send('POST', '/bookings/blocks',
      { spaceId: values.spaceId, start: cityTime(values.start), end: cityTime(values.end), reason: values.reason })
      .catch(error => { throw inContext(error, 'block'); });
    f.reset();
    await blocked();
    return t('staff.city.blocked', { space: block.spaceTitle, from: formatDate(block.start), to: formatDate(block.end) });
  }), 'block-submit');
}

function bookingRow(b, changed) {
  const cancelStatus = statusLine('');
  const open = b.status === 'CONFIRMED' && new Date(b.end) > new Date();
  let cancel = '';
  if (open) {
    const reason = el('input', { name: 'reason', id: `cancel-reason-${b.id}`, required: true, maxlength: 500 });
    cancel = el('form', { class: 'inline', id: `cancel-${b.id}` },
      el('label', { class: 'field', for: `cancel-reason-${b.id}` }, el('span', {}, t('staff.city.cancelReason')), reason),
      el('button', { type: 'submit' }, b.purpose === 'BLOCK' ? t('staff.city.reopen') : t('staff.city.cancel')),
      cancelStatus);
    cancel.addEventListener('submit', async event => {
      event.preventDefault();
      cancelStatus.say(t('form.sending'));
      try {
        await send('POST', `/bookings/${b.id}/cancel`, { reason: reason.value });
        await changed(t('staff.city.cancelled'));
      } catch (error) {
        cancelStatus.fail(error);
      }
    });
  }
  return el('tr', {},
    el('td', {}, b.spaceTitle),
    el('td', {}, when(b.start), ' – ', new Date(b.end) - new Date(b.start) < 86_400_000 ? formatTime(b.end) : when(b.end)),
    el('td', {}, t(`staff.purpose.${b.purpose}`)),
    el('td', {}, b.purpose === 'BLOCK' ? '—' : (b.bookerName || '—')),
    el('td', {}, [b.groupName, b.note].filter(Boolean).join(' · ') || '—'),
    el('td', {}, t(`staff.bookingStatus.${b.status}`), b.cancelReason ? ` · ${b.cancelReason}` : ''),
    el('td', {}, cancel));
}

export async function cityPage(view) {
  const title = t('staff.city.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  const lists = el('div', {});
  const blockBox = el('div', {});
  const bookingsBox = el('div', {});
  const bookingsStatus = statusLine('');
  view.replaceChildren(el('h1', {}, title), staffNav(), el('p', {}, t('staff.city.intro')), status);

  let districtNames = {};
  async function drawLists() {
    const { published, drafts } = await cityListings();
    lists.replaceChildren(
      section(t('staff.city.publishedTitle'), published.length
        ? table(t('staff.city.publishedTitle'),
          [t('staff.col.title'), t('staff.col.kind'), t('staff.col.district'), t('staff.col.updated')],
          published.map(l => el('tr', {},
            el('td', {}, el('a', { href: `#/listings/${l.id}`, lang: l.language }, l.title)),
            el('td', {}, t(`staff.city.kind.${l.kind}`)),
            el('td', {}, districtNames[l.district] || l.district || '—'),
            el('td', {}, formatDate(l.updatedAt)))))
        : el('p', {}, t('staff.city.nonePublished'))),
      section(t('staff.city.draftsTitle'), drafts.length
        ? table(t('staff.city.draftsTitle'),
          [t('staff.col.title'), t('staff.col.kind'), t('staff.col.status'), t('staff.col.actions')],
          drafts.map(l => el('tr', {},
            el('td', {}, el('a', { href: `#/me/listings/${l.id}`, lang: l.language }, l.title)),
            el('td', {}, t(`staff.city.kind.${l.kind}`)),
            el('td', {}, t(`staff.listingStatus.${l.status}`)),
            el('td', {}, l.status === 'HIDDEN' ? '—' : actionButton(t('staff.city.publish'), async () => {
              const after = await send('PUT', `/listings/${l.id}/status`, { status: 'PUBLISHED' });
              await drawLists();
              return after.status === 'PUBLISHED' ? t('staff.city.published', { title: after.title })
                : t('staff.city.held', { title: after.title });
            }, status, { id: `publish-${l.id}` })))))
        : el('p', {}, t('staff.city.noDrafts'))));
    const spaces = [...published.filter(l => l.kind === 'SPACE'), ...drafts.filter(l => l.kind === 'SPACE')];
    blockBox.replaceChildren(blockForm(spaces, drawBookings));
  }

  const from = el('input', { type: 'date', name: 'from', id: 'managed-from', value: today(), required: true });
  const to = el('input', { type: 'date', name: 'to', id: 'managed-to', value: today(14), required: true });
  const period = el('form', { class: 'search', id: 'managed-form' },
    el('label', { class: 'field', for: 'managed-from' }, el('span', {}, t('staff.city.from')), from),
    el('label', { class: 'field', for: 'managed-to' }, el('span', {}, t('staff.city.to')), to),
    el('button', { type: 'submit', id: 'managed-submit' }, t('staff.city.show')));

  async function drawBookings(message) {
    bookingsStatus.say(t('search.loading'));
    try {
      const bookings = await get(`/bookings/managed?from=${from.value}&to=${to.value}`);
      bookingsBox.replaceChildren(bookings.length
        ? table(t('staff.city.bookingsTitle'),
          [t('staff.col.space'), t('staff.col.when'), t('staff.col.kind'), t('staff.col.booker'), t('staff.col.note'),
            t('staff.col.status'), t('staff.col.actions')],
          bookings.map(b => bookingRow(b, drawBookings)))
        : el('p', {}, t('staff.city.noBookings')));
      bookingsStatus.say(typeof message === 'string' ? message : t('staff.city.bookingsCount', { n: formatNumber(bookings.length) }));
    } catch (error) {
      bookingsStatus.fail(error);
    }
  }
  period.addEventListener('submit', event => {
    event.preventDefault();
    drawBookings();
  });

  try {
    const [categories, districts] = await Promise.all([categoryList(), districtList()]);
    districtNames = Object.fromEntries(districts.map(d => [d.code, districtLabel(d)]));
    await drawLists();
    status.done();
    view.append(lists,
      section(t('staff.city.addTitle'), listingForm(categories, districts, drawLists)),
      section(t('staff.city.blockTitle'), el('p', {}, t('staff.city.blockIntro')), blockBox),
      section(t('staff.city.bookingsTitle'), period, bookingsStatus, bookingsBox));
    await drawBookings();
  } catch (error) {
    status.fail(error);
  }
}

// ---- Deposits ------------------------------------------------------------------------------

/** Loans back or lost whose deposit staff have not decided on yet (GET /api/loans/deposits), oldest first. */
async function loansAwaitingDeposit() {
  return get('/loans/deposits');
}

function won(n) {
  return n === null || n === undefined ? '—' : t('staff.won', { n: formatNumber(n) });
}

function loanFacts(l) {
  return facts([
    [t('staff.loan.item'), l.itemTitle],
    [t('staff.loan.borrower'), l.borrowerName],
    [t('staff.loan.days'), `${formatDay(l.firstDay)} – ${formatDay(l.lastDay)}`],
    [t('staff.col.status'), t(`staff.loanStatus.${l.status}`)],
    [t('staff.loan.conditionOut'), l.conditionOut ? t(`staff.condition.${l.conditionOut}`) : null],
    [t('staff.loan.conditionBack'), l.conditionBack ? t(`staff.condition.${l.conditionBack}`) : null],
    [t('staff.loan.damage'), l.damageNote],
    [t('staff.loan.deposit'), won(l.depositKrw)],
    [t('staff.loan.outcome'), l.depositOutcome
      ? `${t(`staff.deposit.${l.depositOutcome}`)}${l.depositKeptKrw ? ` · ${t('staff.deposits.keptAmount', { amount: won(l.depositKeptKrw) })}` : ''}`
      : t('staff.deposits.undecided')],
    [t('staff.loan.reason'), l.depositReason],
  ]);
}

export async function depositsPage(view) {
  const title = t('staff.deposits.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  const waiting = el('div', {});
  const loanBox = el('div', { id: 'deposit-loan-facts' });
  const loanStatus = statusLine('');
  const known = new Map();

  const loanId = el('input', { name: 'loan', id: 'deposit-loan', required: true, autocomplete: 'off', spellcheck: 'false' });
  const kept = el('input', { type: 'number', name: 'keptKrw', id: 'deposit-kept', min: 1, step: 1, inputmode: 'numeric',
    disabled: true });
  const keptField = el('div', { hidden: true }, el('label', { class: 'field', for: 'deposit-kept' },
    el('span', {}, t('staff.deposits.kept')), kept));
  const outcome = el('select', { name: 'outcome', id: 'deposit-outcome', required: true },
    el('option', { value: '' }, t('staff.choose')),
    ...['RELEASED', 'PARTLY_KEPT', 'KEPT'].map(o => el('option', { value: o }, t(`staff.deposit.${o}`))));
  outcome.addEventListener('change', () => {
    const partly = outcome.value === 'PARTLY_KEPT';
    keptField.hidden = !partly;
    kept.disabled = !partly;
    kept.required = partly;
  });

  async function showLoan() {
    const id = loanId.value.trim();
    loanBox.replaceChildren();
    if (!id) return;
    loanStatus.say(t('search.loading'));
    try {
      const loan = known.get(id) || await get(`/loans/${encodeURIComponent(id)}`);
      loanBox.replaceChildren(loanFacts(loan));
      if (loan.depositKrw) kept.max = loan.depositKrw - 1;
      loanStatus.say(t('staff.deposits.shown', { item: loan.itemTitle }));
    } catch (error) {
      if (error.status === 404) loanStatus.say(t('staff.deposits.notReadable'));
      else loanStatus.fail(error);
    }
  }

  const form = submitId(actionForm({ id: 'deposit-form' }, [
    el('label', { class: 'field', for: 'deposit-loan' }, el('span', {}, t('staff.deposits.loanId')), loanId),
    el('button', { type: 'button', id: 'deposit-show', onclick: showLoan }, t('staff.deposits.show')),
    loanStatus, loanBox,
    el('label', { class: 'field', for: 'deposit-outcome' }, el('span', {}, t('staff.deposits.outcome')), outcome),
    keptField,
    field(t('staff.deposits.reason'), 'textarea', { name: 'reason', id: 'deposit-reason', maxlength: 500, rows: 3,
      'aria-describedby': 'deposit-reason-help' }),
    el('p', { id: 'deposit-reason-help', class: 'meta' }, t('staff.deposits.reasonHelp')),
  ], t('staff.deposits.submit'), async values => {
    const body = { outcome: values.outcome, reason: optional(values.reason) };
    if (values.outcome === 'PARTLY_KEPT') body.keptKrw = Number(values.keptKrw);
    const loan = await send('POST', `/loans/${encodeURIComponent(values.loan.trim())}/deposit`, body)
      .catch(error => { throw inContext(error, 'deposit'); });
    loanBox.replaceChildren(loanFacts(loan));
    drawWaiting().catch(() => {});
    return t('staff.deposits.done', { outcome: t(`staff.deposit.${loan.depositOutcome}`) });
  }), 'deposit-submit');

  async function drawWaiting() {
    const loans = await loansAwaitingDeposit();
    known.clear();
    for (const l of loans) known.set(l.id, l);
    waiting.replaceChildren(loans.length
      ? table(t('staff.deposits.waitingTitle'),
        [t('staff.loan.item'), t('staff.loan.borrower'), t('staff.loan.days'), t('staff.col.status'),
          t('staff.loan.conditionBack'), t('staff.loan.damage'), t('staff.loan.deposit'), t('staff.col.actions')],
        loans.map(l => el('tr', {},
          el('td', {}, l.itemTitle), el('td', {}, l.borrowerName || '—'),
          el('td', {}, `${formatDay(l.firstDay)} – ${formatDay(l.lastDay)}`),
          el('td', {}, t(`staff.loanStatus.${l.status}`)),
          el('td', {}, l.conditionBack ? t(`staff.condition.${l.conditionBack}`) : '—'),
          el('td', {}, l.damageNote || '—'), el('td', {}, won(l.depositKrw)),
          el('td', {}, el('button', { type: 'button', id: `deposit-pick-${l.id}`, onclick: async () => {
            loanId.value = l.id;
            await showLoan();
            outcome.focus();
          } }, t('staff.deposits.decide'), el('span', { class: 'visually-hidden' }, ` ${l.itemTitle}`))))))
      : el('p', {}, t('staff.deposits.noneWaiting')));
  }

  view.replaceChildren(el('h1', {}, title), staffNav(), el('p', {}, t('staff.deposits.intro')),
    section(t('staff.deposits.waitingTitle'), status, waiting, el('p', { class: 'meta' }, t('staff.deposits.othersNote'))),
    section(t('staff.deposits.decideTitle'), form));
  try {
    await drawWaiting();
    status.done();
  } catch (error) {
    status.fail(error);
  }
}

// ---- Time-bank disputes --------------------------------------------------------------------

function side(s, which) {
  return which === 'PROVIDER' ? t('staff.disputes.providerSide', { name: s.providerName || '—' })
    : t('staff.disputes.receiverSide', { name: s.receiverName || '—' });
}

function confirmed(minutes) {
  return minutes === null || minutes === undefined ? t('staff.disputes.notConfirmed') : formatMinutes(minutes);
}

/** One dispute: what both sides said (never the care note) and the settling form. */
function dispute(s, pageStatus) {
  const box = el('div', {});
  const minutes = el('input', { type: 'number', name: 'minutes', id: `settle-minutes-${s.id}`, min: 1, step: 1,
    inputmode: 'numeric', required: true, value: s.providerMinutes ?? s.receiverMinutes ?? s.minutes });
  const form = submitId(actionForm({ id: `settle-${s.id}`, class: 'settle' }, [
    choice(t('staff.disputes.outcome'), 'outcome',
      [['post', t('staff.disputes.post')], ['void', t('staff.disputes.void')]], 'post', `settle-${s.id}`),
    el('label', { class: 'field', for: `settle-minutes-${s.id}` }, el('span', {}, t('staff.disputes.minutes')), minutes),
    field(t('staff.disputes.reason'), 'textarea', { name: 'reason', id: `settle-reason-${s.id}`, required: true,
      maxlength: 500, rows: 3 }),
  ], t('staff.disputes.submit'), async values => {
    const body = { reason: values.reason };
    if (values.outcome === 'post') body.minutes = Number(values.minutes);
    const after = await send('POST', `/timebank/sessions/${s.id}/settle`, body)
      .catch(error => { throw inContext(error, 'settle'); });
    const message = after.status === 'POSTED'
      ? t('staff.disputes.posted', { title: after.title, minutes: formatMinutes(body.minutes) })
      : t('staff.disputes.voided', { title: after.title });
    box.replaceChildren(el('p', {}, message));
    pageStatus.say(message);
    return message;
  }), `settle-submit-${s.id}`);
  form.addEventListener('change', () => {
    minutes.disabled = form.elements.outcome.value !== 'post';
  });
  box.append(form);
  return section(s.title || t('staff.disputes.session'),
    facts([
      [t('staff.disputes.kind'), t(`staff.sessionKind.${s.kind}`)],
      [t('staff.disputes.provider'), s.providerName],
      [t('staff.disputes.receiver'), s.receiverName],
      [t('staff.disputes.when'), [when(s.startsAt), ' – ', formatTime(s.endsAt)]],
      [t('staff.disputes.scheduled'), formatMinutes(s.minutes)],
      [t('staff.disputes.children'), s.kind === 'CHILDCARE' && s.children ? formatNumber(s.children) : null],
      [t('staff.disputes.providerSays'), confirmed(s.providerMinutes)],
      [t('staff.disputes.receiverSays'), confirmed(s.receiverMinutes)],
      [t('staff.disputes.noShow'), s.noShow ? side(s, s.noShow) : null],
      [t('staff.disputes.disputeReason'), s.disputeReason],
    ]),
    box);
}

export async function disputesPage(view) {
  const title = t('staff.disputes.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, title), staffNav(), el('p', {}, t('staff.disputes.intro')), status);
  try {
    const sessions = await get('/timebank/sessions/disputes');
    if (!sessions.length) {
      status.say(t('staff.disputes.none'));
      return;
    }
    status.say(t('staff.disputes.count', { n: formatNumber(sessions.length) }));
    view.append(...sessions.map(s => dispute(s, status)));
  } catch (error) {
    status.fail(error);
  }
}

// ---- Imported records waiting for staff (GET /api/import/review) ---------------------------

// What a source left out, as the server names it ("kept as a draft for staff: no condition; …").
const MISSING = [[/^no description$/, 'description'], [/^no category$/, 'category'],
  [/^no Nanum category for (.*)$/, 'categoryFor'], [/^no condition$/, 'condition'], [/^no loan period$/, 'loanPeriod'],
  [/^no duration in minutes$/, 'duration'], [/^childcare needs/, 'childcare'], [/^a resident with this email/, 'sameEmail']];

function reviewWords(review) {
  const items = review.replace(/^kept as a draft for staff: /, '').split('; ');
  return el('ul', {}, ...items.map(item => {
    const known = MISSING.find(([pattern]) => pattern.test(item));
    if (!known) return el('li', { lang: 'en' }, item);
    const match = item.match(known[0]);
    return el('li', {}, t(`staff.imports.missing.${known[1]}`, { categories: match[1] || '' }));
  }));
}

export async function importsPage(view) {
  const title = t('staff.imports.title');
  if (!staffOnly(view, title)) return;
  const status = statusLine();
  const approvals = el('section', { 'aria-labelledby': 'approvals-title' });
  view.replaceChildren(el('h1', {}, title), staffNav(), approvals, el('h2', {}, t('staff.imports.reviewTitle')),
    el('p', {}, t('staff.imports.intro')), status);
  await approvalsSection(approvals);
  try {
    const records = await get('/import/review');
    if (!records.length) {
      status.say(t('staff.imports.none'));
      return;
    }
    status.say(t('staff.imports.count', { n: formatNumber(records.length) }));
    view.append(table(t('staff.imports.caption'), [t('staff.imports.source'), t('staff.imports.record'),
      t('staff.imports.what'), t('staff.imports.imported')], records.map(r => el('tr', {},
      el('td', {}, r.source),
      el('td', {}, r.kind === 'LISTING' ? el('a', { href: `#/me/listings/${r.targetId}` }, r.externalId) : r.externalId,
        el('br', {}), el('span', { class: 'meta' }, t('staff.imports.line', { line: formatNumber(r.line) }))),
      el('td', {}, reviewWords(r.review)),
      el('td', {}, when(r.importedAt))))));
  } catch (error) {
    status.fail(error);
  }
}

/**
 * Imported records waiting for a second person (GET /api/import/approvals): grouped by batch, each
 * with what it would do; a staff member other than the importer approves or rejects the batch, with
 * what they checked.
 */
async function approvalsSection(place) {
  const status = statusLine();
  place.replaceChildren(el('h2', { id: 'approvals-title' }, t('staff.approvals.title')),
    el('p', {}, t('staff.approvals.intro')), status);
  let waiting;
  try {
    waiting = await get('/import/approvals');
  } catch (error) {
    status.fail(error);
    return;
  }
  if (!waiting.length) {
    status.say(t('staff.approvals.none'));
    return;
  }
  status.done();
  const batches = new Map();
  waiting.forEach(w => batches.set(w.batchId, [...(batches.get(w.batchId) || []), w]));
  for (const [batchId, records] of batches) {
    const decided = statusLine('');
    const decide = approve => actionForm({ class: 'approval', id: `${approve ? 'approve' : 'reject'}-${batchId}` },
      [field(t('staff.approvals.reason'), 'input', { name: 'reason', required: true, maxlength: 500 })],
      t(approve ? 'staff.approvals.approve' : 'staff.approvals.reject'), async v => {
        await send('POST', `/import/approvals/${batchId}/${approve ? 'approve' : 'reject'}`, { reason: v.reason });
        await approvalsSection(place);
        return t(approve ? 'staff.approvals.approved' : 'staff.approvals.rejected');
      });
    place.append(el('article', { class: 'card' },
      el('h3', {}, t('staff.approvals.batch', { source: records[0].source, n: formatNumber(records.length) })),
      table(t('staff.approvals.caption'), [t('staff.imports.record'), t('staff.approvals.what'), t('staff.approvals.why')],
        records.map(r => el('tr', {},
          el('td', {}, r.externalId, el('br', {}), el('span', { class: 'meta' }, t('staff.imports.line', { line: formatNumber(r.line) }))),
          el('td', {}, r.kind === 'EMAIL' ? t('staff.approvals.email') : t(`staff.approvals.${r.kind}`, { minutes: formatMinutes(r.minutes) })),
          el('td', { lang: 'en' }, r.why)))),
      decide(true), decide(false), decided));
  }
}
