// The resident's settings (#/me/settings): language, mail, district, household, the private
// calendar address and "export my data"; and the reports they made with the moderation decisions
// about their things, which they may appeal (#/me/reports).
import { get, send, download, el } from '../api.js';
import { t, current, formatDate, formatMinutes } from '../i18n.js';
import { statusLine, markFields, field, actionForm, actionButton, signedIn, districtList, today } from '../ui.js';
import { forget } from '../auth.js';

// Languages are named in their own language, as in the header's choice.
const LANGUAGES = { ko: '한국어', en: 'English', fr: 'Français' };
const MAIL_MODES = ['IMMEDIATE', 'DIGEST', 'NONE'];

function section(id, title, ...children) {
  return el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...children);
}

function languageOptions() {
  return Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code, lang: code }, name));
}

/** A button that asks once more before doing something that cannot simply be undone. */
function confirmButton(label, question, yesLabel, action, status, id) {
  const button = el('button', { type: 'button', class: 'secondary', id }, label);
  button.addEventListener('click', () => {
    const no = el('button', { type: 'button', class: 'secondary' }, t('settings.cancel'));
    const yes = actionButton(yesLabel, action, status, { id: `${id}-confirm` });
    const ask = el('p', { class: 'confirm' }, el('span', {}, question), ' ', yes, ' ', no);
    no.addEventListener('click', () => { ask.replaceWith(button); button.focus(); });
    button.replaceWith(ask);
    yes.focus();
  });
  return button;
}

/** The interface's language: the header's choice does the switching (and keeps it in this browser). */
function languageSection() {
  const choice = field(t('settings.language.choose'), 'select', { id: 'settings-language', name: 'language' }, ...languageOptions());
  choice.lastElementChild.value = current();
  return section('settings-language-section', t('settings.language'),
    actionForm({ id: 'language-form', class: 'search' }, [choice], t('settings.language.use'), async values => {
      const header = document.getElementById('language');
      header.value = values.language;
      header.dispatchEvent(new Event('change'));
      return t('settings.language.changed');
    }));
}

/** How the resident is told by mail (the inbox always has everything), and in which language. */
function mailSection() {
  const status = statusLine(t('settings.loading'));
  const box = section('settings-mail', t('settings.mail'), el('p', {}, t('settings.mail.intro')), status);
  (async () => {
    try {
      const pref = await get('/notifications/preference');
      const language = field(t('settings.mail.language'), 'select', { id: 'mail-language', name: 'language' }, ...languageOptions());
      language.lastElementChild.value = pref.language;
      const modes = el('fieldset', { class: 'choices' }, el('legend', {}, t('settings.mail.mode')),
        ...MAIL_MODES.map(m => el('label', { class: 'check' },
          el('input', { type: 'radio', name: 'mailMode', value: m, id: `mail-${m}`, checked: pref.mailMode === m }),
          ` ${t(`settings.mail.${m}`)}`)));
      status.remove();
      box.append(actionForm({ id: 'mail-form' }, [modes, language], t('settings.mail.save'), async values => {
        await send('PUT', '/notifications/preference', { mailMode: values.mailMode, language: values.language });
        return t('settings.saved');
      }));
    } catch (error) {
      status.fail(error);
    }
  })();
  return box;
}

function districtSection(me, districts) {
  const choice = field(t('settings.district.choose'), 'select', { id: 'settings-district', name: 'district', required: true },
    el('option', { value: '' }, t('settings.district.none')),
    ...districts.map(d => el('option', { value: d.code }, current() === 'ko' ? d.nameKo : d.nameEn)));
  choice.lastElementChild.value = me.district?.code || '';
  return section('settings-district-section', t('settings.district'), el('p', {}, t('settings.district.intro')),
    actionForm({ id: 'district-form', class: 'search' }, [choice], t('settings.district.save'), async values => {
      await send('PUT', '/me/district', { district: values.district });
      return t('settings.saved');
    }));
}

/** The household: its members and invitation code, or how to start or join one. */
function householdSection() {
  const box = el('div');
  const status = statusLine(t('settings.loading'));
  const part = section('settings-household', t('settings.household'), el('p', {}, t('settings.household.intro')), status, box);

  const leaving = el('div', { id: 'household-leaving', 'aria-live': 'polite' });
  async function draw(focus) {
    leaving.replaceChildren();
    let household = null;
    try {
      household = await get('/households/mine');
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    status.done();
    if (household) {
      const valid = household.invitationCode && (!household.invitationExpiresAt || Date.parse(household.invitationExpiresAt) > Date.now());
      box.replaceChildren(
        el('p', { id: 'household-summary', tabindex: '-1' }, `${t('settings.household.name')}: `,
          el('strong', { id: 'household-name-shown' }, household.name)),
        el('h3', {}, t('settings.household.members')),
        el('ul', { id: 'household-members' }, ...household.members.map(m => el('li', {}, m.displayName))),
        el('h3', {}, t('settings.household.invite')),
        el('p', {}, t('settings.household.inviteIntro')),
        valid ? el('p', {}, `${t('settings.household.code')}: `,
          el('code', { id: 'household-invitation', tabindex: '-1' }, household.invitationCode),
          household.invitationExpiresAt ? ` (${t('settings.household.until', { date: formatDate(household.invitationExpiresAt) })})` : '') : '',
        el('p', { class: 'actions' },
          actionButton(t('settings.household.newCode'), async () => {
            await send('POST', '/households/mine/invitation');
            await draw('#household-invitation');
            return t('settings.household.codeMade');
          }, status, { id: 'household-invite' }), ' ',
          confirmButton(t('settings.household.leave'), t('settings.household.leaveAsk'), t('settings.household.leaveYes'), async () => {
            // Minutes follow people: what would be left behind is listed, each with what to do.
            const check = await get('/households/mine/leave');
            if (!check.possible) {
              const intro = el('p', { tabindex: '-1' }, t('settings.household.openIntro'));
              leaving.replaceChildren(intro, el('ul', {}, ...check.open.map(openItem)));
              intro.focus();
              return t('settings.household.notYet');
            }
            await send('POST', '/households/mine/leave');
            await draw('#household-start-name');
            return t('settings.household.left');
          }, status, 'household-leave')), leaving);
    } else {
      const name = field(t('settings.household.newName'), 'input', { id: 'household-start-name', name: 'name', maxlength: 80, required: true });
      box.replaceChildren(el('p', {}, t('settings.household.noneYet')),
        el('h3', {}, t('settings.household.start')),
        actionForm({ id: 'household-start' }, [name], t('settings.household.startButton'), async values => {
          await send('POST', '/households', { name: values.name });
          await draw('#household-invite');
          return t('settings.household.started');
        }),
        el('h3', {}, t('settings.household.join')),
        joinForm(() => draw('#household-summary')));
    }
    if (focus) box.querySelector(focus)?.focus();
  }
  draw().catch(error => status.fail(error));
  return part;
}

/** Joining with a code a member shared; an unknown or expired code is said as such. */
function joinForm(joined) {
  const code = field(t('settings.household.code'), 'input', { id: 'household-code', name: 'invitationCode', maxlength: 40,
    required: true, autocomplete: 'off', autocapitalize: 'characters' });
  const status = statusLine('');
  const button = el('button', { type: 'submit' }, t('settings.household.joinButton'));
  const form = el('form', { id: 'household-join' }, code, button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    status.say(t('settings.sending'));
    try {
      await send('POST', '/households/join', { invitationCode: code.lastElementChild.value });
      markFields(form, null);
      status.say(t('settings.household.joined'));
      await joined();
    } catch (error) {
      markFields(form, error);
      status.fail(error);
      if (error.status === 400) status.textContent = t('settings.household.badCode');
      code.lastElementChild.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The private iCalendar address: made (shown once), copied, revoked. */
function calendarSection() {
  const status = statusLine('');
  const shown = el('div', { id: 'calendar-shown' });
  function show(url) {
    const link = field(t('settings.calendar.url'), 'input', { id: 'calendar-url', readonly: true, value: url, 'aria-describedby': 'calendar-once' });
    const input = link.lastElementChild;
    input.addEventListener('focus', () => input.select());
    shown.replaceChildren(link, el('p', { id: 'calendar-once', class: 'hint' }, t('settings.calendar.once')),
      actionButton(t('settings.calendar.copy'), async () => {
        try {
          await navigator.clipboard.writeText(url);
        } catch {
          input.select();
          if (!document.execCommand('copy')) return t('settings.calendar.copyYourself');
        }
        return t('settings.calendar.copied');
      }, status, { id: 'calendar-copy' }));
    input.focus();
  }
  return section('settings-calendar', t('settings.calendar'), el('p', {}, t('settings.calendar.intro')),
    el('p', { class: 'actions' },
      actionButton(t('settings.calendar.make'), async () => {
        const feed = await send('POST', '/calendar/feed');
        show(feed.url);
        return t('settings.calendar.made');
      }, status, { id: 'calendar-make' }), ' ',
      actionButton(t('settings.calendar.revoke'), async () => {
        await send('DELETE', '/calendar/feed');
        shown.replaceChildren();
        return t('settings.calendar.revoked');
      }, status, { id: 'calendar-revoke', class: 'secondary' })),
    shown, status);
}

/** Everything Nanum holds about the resident, as a file (GET /api/me/export, issue 11). */
function exportSection() {
  const status = statusLine('');
  return section('settings-export', t('settings.export'), el('p', {}, t('settings.export.intro')),
    actionButton(t('settings.export.button'), async () => {
      status.say(t('settings.export.preparing'));
      await download('/me/export', `nanum-export-${today()}.json`, 'application/json');
      return t('settings.export.done');
    }, status, { id: 'export-data' }), status);
}

// What must be settled before an erasure or leaving a household, by the kind of thing the server
// names ("loans/<id>"; "balance/<minutes>": the household's balance, said with its sign).
const OPEN_PAGES = { loans: id => `#/me/loans/${id}`, bookings: id => `#/me/bookings/${id}`,
  sessions: id => `#/timebank/sessions/${id}`, holds: () => '#/me/holds', 'deposit-appeals': id => `#/me/loans/${id}`,
  listings: id => `#/me/listings/${id}`, balance: () => '#/timebank', credit: () => '#/timebank', held: () => '#/timebank' };

function openItem({ field: thing }) {
  const [kind, id] = thing.split('/');
  let key = `settings.erase.open.${kind}`;
  if (kind === 'balance') key = Number(id) < 0 ? 'settings.erase.open.debt' : 'settings.erase.open.minutes';
  const words = t(key, { minutes: formatMinutes(Math.abs(Number(id) || 0)) });
  const page = OPEN_PAGES[kind];
  return el('li', {}, page ? el('a', { href: page(id) }, words) : words);
}

/** The right to be forgotten (POST /api/me/erasure): what is still open first, then "ERASE" typed to confirm. */
function erasureSection() {
  const status = statusLine('');
  const place = el('div', {});
  const check = actionButton(t('settings.erase.check'), async () => {
    const answer = await get('/me/erasure');
    if (!answer.possible) {
      place.replaceChildren(el('p', {}, t('settings.erase.openIntro')), el('ul', {}, ...answer.open.map(openItem)));
      return t('settings.erase.notYet');
    }
    place.replaceChildren(actionForm({ id: 'erase-form' }, [
      field(t('settings.erase.confirmLabel'), 'input', { name: 'confirm', autocomplete: 'off', required: true, lang: 'en' })],
    t('settings.erase.button'), async values => {
      await send('POST', '/me/erasure', { confirm: values.confirm.trim() });
      forget();
      location.assign('#/');
      return t('settings.erase.done');
    }));
    return t('settings.erase.ready');
  }, status, { id: 'erase-check', class: 'secondary' });
  return section('settings-erase', t('settings.erase'), el('p', {}, t('settings.erase.intro')), check, place, status);
}

export async function settingsPage(view) {
  if (!signedIn(view, t('settings.title'))) return;
  const status = statusLine(t('settings.loading'));
  view.replaceChildren(el('h1', {}, t('settings.title')), status);
  let me;
  let districts;
  try {
    [me, districts] = await Promise.all([get('/me'), districtList()]);
  } catch (error) {
    status.fail(error);
    return;
  }
  status.remove();
  view.append(
    el('p', {}, el('a', { href: '#/me/reports' }, t('settings.reportsLink'))),
    languageSection(), mailSection(), districtSection(me, districts), householdSection(), calendarSection(), exportSection(),
    erasureSection());
}

// ---- My reports and the decisions about my things ----

/** Where a reported or decided thing can be seen, when a page shows it. */
function targetPage(type, id, mine) {
  if (type === 'LISTING') return mine ? `#/me/listings/${id}` : `#/listings/${id}`;
  if (type === 'SESSION') return `#/timebank/sessions/${id}`;
  if (type === 'REFERENCE') return `#/me/loans/${id}`;
  return null;
}

function target(type, id, mine) {
  if (mine && type === 'RESIDENT') return t('myreports.yourAccount');
  const href = targetPage(type, id, mine);
  return href ? el('a', { href }, t(`myreports.target.${type}`)) : t(`myreports.target.${type}`);
}

function appealState(d) {
  if (d.appeal) return t(`myreports.appeal.${d.appeal}`);
  return Date.parse(d.appealableUntil) > Date.now()
    ? t('myreports.appealUntil', { date: formatDate(d.appealableUntil) }) : t('myreports.appealOver');
}

/** One decision, with the appeal form while it may be appealed. */
function decisionItem(d, status) {
  const headingId = `decision-${d.caseId}`;
  const item = el('li', { class: 'decision', 'data-case': d.caseId },
    el('h3', { id: headingId, tabindex: '-1' }, `${t(`myreports.decision.${d.decision}`)} · `, target(d.targetType, d.targetId, true)),
    el('dl', { class: 'facts' },
      el('dt', {}, t('myreports.decidedAt')), el('dd', {}, formatDate(d.decidedAt)),
      el('dt', {}, t('myreports.category')), el('dd', {}, t(`myreports.reason.${d.category}`)),
      el('dt', {}, t('myreports.staffReason')), el('dd', { class: 'text' }, d.reason || '—'),
      el('dt', {}, t('myreports.appeal')), el('dd', { class: 'appeal-state' }, appealState(d))));
  if (!d.appeal && Date.parse(d.appealableUntil) > Date.now()) {
    const reason = field(t('myreports.appealReason'), 'textarea', { id: `appeal-reason-${d.caseId}`, name: 'reason', rows: 4,
      maxlength: 2000, required: true });
    item.append(actionForm({ class: 'appeal', 'aria-labelledby': headingId }, [reason], t('myreports.appealButton'), async values => {
      const updated = await send('POST', `/moderation/decisions/${d.caseId}/appeal`, { reason: values.reason });
      const next = decisionItem(updated, status);
      item.replaceWith(next);
      next.querySelector('h3').focus();
      status.say(t('myreports.appealed'));
    }));
  }
  return item;
}

export async function myReportsPage(view) {
  if (!signedIn(view, t('myreports.title'))) return;
  const status = statusLine(t('myreports.loading'));
  view.replaceChildren(el('h1', {}, t('myreports.title')), el('p', {}, t('myreports.intro')), status);
  let reports;
  let decisions;
  try {
    [reports, decisions] = await Promise.all([get('/reports/mine'), get('/moderation/decisions/mine')]);
  } catch (error) {
    status.fail(error);
    return;
  }
  status.done();
  const decided = statusLine('');
  view.append(
    section('my-reports', t('myreports.reports'),
      reports.length ? el('div', { class: 'scroll' }, el('table', { id: 'reports-table', 'aria-labelledby': 'my-reports-title' },
        el('thead', {}, el('tr', {}, ...['when', 'about', 'reason', 'details', 'status']
          .map(k => el('th', { scope: 'col' }, t(`myreports.col.${k}`))))),
        el('tbody', {}, ...reports.map(r => el('tr', {},
          el('td', {}, formatDate(r.createdAt)),
          el('td', {}, target(r.targetType, r.targetId, false)),
          el('td', {}, t(`myreports.reason.${r.reason}`)),
          el('td', { class: 'text' }, r.details || '—'),
          el('td', {}, t(`myreports.status.${r.status}`)))))))
        : el('p', {}, t('myreports.noReports'))),
    section('my-decisions', t('myreports.decisions'), el('p', {}, t('myreports.decisionsIntro')), decided,
      decisions.length ? el('ul', { class: 'results', id: 'decisions' }, ...decisions.map(d => decisionItem(d, decided)))
        : el('p', {}, t('myreports.noDecisions'))));
}
