// The council's appeals docket (without names: what was decided, staff's reason, the appellant's) and
// one appeal with the form a member records UPHELD or OVERTURNED with (admins read, never decide).
import { get, send, el } from '../api.js';
import { t, tn, formatDate, formatNumber } from '../i18n.js';
import { actionForm, field, hasRole, signedIn, statusLine } from '../ui.js';
import { radioGroup } from './proposals.js';

/** What the appeal is about: "LISTING: title" or "deposit: title" from the API, in the resident's language. */
function subject(a) {
  const text = a.subject || '';
  const at = text.indexOf(': ');
  const head = at < 0 ? text : text.slice(0, at);
  const title = at < 0 ? '' : text.slice(at + 2);
  const what = a.kind === 'DEPOSIT' ? t('appeal.kind.DEPOSIT') : t(`appeal.target.${head}`);
  return title ? `${what}: ${title}` : what;
}

function label(prefix, value) {
  return value ? t(`${prefix}.${value}`) : '—';
}

function mayRead(view, title) {
  if (!signedIn(view, title)) return false;
  if (hasRole('council') || hasRole('admin')) return true;
  view.replaceChildren(el('h1', {}, title), el('p', {}, t('appeal.membersOnly')));
  return false;
}

export async function appealsPage(view) {
  if (!mayRead(view, t('appeal.docket'))) return;
  const status = statusLine();
  const all = el('input', { type: 'checkbox', id: 'appeals-all' });
  const region = el('div');
  view.replaceChildren(el('h1', {}, t('appeal.docket')),
    el('p', {}, el('a', { href: '#/council' }, t('proposal.back'))),
    el('p', {}, t('appeal.intro')),
    el('p', { class: 'check' }, all, ' ', el('label', { for: 'appeals-all' }, t('appeal.showHeard'))),
    status, region);
  const load = async () => {
    status.say(t('search.loading'));
    region.replaceChildren();
    try {
      const docket = await get(`/council/appeals${all.checked ? '?all=true' : ''}`);
      if (!docket.length) {
        status.say(all.checked ? t('appeal.noneAtAll') : t('appeal.none'));
        return;
      }
      status.say(tn('appeal.count', docket.length));
      region.append(el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('appeal.docket') },
        el('table', {},
          el('caption', {}, t('appeal.docket')),
          el('thead', {}, el('tr', {}, ...['filed', 'kind', 'subject', 'decision', 'status']
            .map(k => el('th', { scope: 'col' }, t(`appeal.col.${k}`))))),
          el('tbody', {}, ...docket.map(a => el('tr', {},
            el('td', {}, formatDate(a.filedAt)),
            el('td', {}, label('appeal.kind', a.kind)),
            el('td', {}, el('a', { href: `#/council/appeals/${a.id}` }, subject(a))),
            el('td', {}, label('appeal.decision', a.decision)),
            el('td', {}, label('appeal.status', a.status))))))));
    } catch (error) {
      status.fail(error);
    }
  };
  all.addEventListener('change', load);
  await load();
}

function facts(a) {
  const won = n => (n == null ? null : t('appeal.won', { n: formatNumber(n) }));
  const rows = [
    ['appeal.col.kind', label('appeal.kind', a.kind)],
    ['appeal.col.subject', subject(a)],
    ['appeal.col.filed', formatDate(a.filedAt)],
    ['appeal.col.decision', label('appeal.decision', a.decision)],
    a.category ? ['appeal.category', label('appeal.reason', a.category)] : null,
    a.depositKrw != null ? ['appeal.deposit', won(a.depositKrw)] : null,
    a.keptKrw != null ? ['appeal.kept', won(a.keptKrw)] : null,
    ['appeal.col.status', label('appeal.status', a.status)],
    a.heardAt ? ['appeal.heardAt', formatDate(a.heardAt)] : null,
  ].filter(Boolean);
  return el('dl', { class: 'facts' }, ...rows.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
}

/** The member's decision; a conflict of interest replaces the form with a plain explanation. */
function decisionForm(a, redraw) {
  const box = el('section', { 'aria-labelledby': 'appeal-decide' }, el('h2', { id: 'appeal-decide' }, t('appeal.decide')));
  const form = actionForm({ id: 'appeal-decision' }, [
    radioGroup(t('appeal.outcome'), 'outcome', [['UPHELD', t('appeal.outcome.UPHELD')], ['OVERTURNED', t('appeal.outcome.OVERTURNED')]]),
    field(t('appeal.reasonLabel'), 'textarea', { id: 'appeal-reason', name: 'reason', required: true, maxlength: '2000', rows: '5' }),
  ], t('appeal.record'), async values => {
    try {
      const heard = await send('POST', `/council/appeals/${a.id}/decision`, { outcome: values.outcome, reason: values.reason });
      redraw(heard, t('appeal.recorded'));
    } catch (error) {
      if (error.slug === 'conflict-of-interest') {
        box.replaceChildren(el('h2', { id: 'appeal-decide' }, t('appeal.decide')),
          el('div', { class: 'notice', role: 'alert' }, el('p', {}, t('problem.conflict-of-interest')),
            el('p', {}, el('a', { href: '#/council/appeals' }, t('appeal.back')))));
        return t('problem.conflict-of-interest');
      }
      throw error;
    }
  });
  box.append(el('p', {}, t('appeal.decideIntro')), form);
  return box;
}

export async function appealPage(view, id) {
  if (!mayRead(view, t('appeal.one'))) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('appeal.one')), status);
  let a;
  try {
    a = await get(`/council/appeals/${encodeURIComponent(id)}`);
  } catch (error) {
    status.fail(error);
    view.append(el('p', {}, el('a', { href: '#/council/appeals' }, t('appeal.back'))));
    return;
  }
  const draw = (appeal, message) => {
    const line = statusLine('');
    let action;
    if (appeal.heardAt || appeal.status !== 'ROUTED') {
      action = el('section', { 'aria-labelledby': 'appeal-heard' }, el('h2', { id: 'appeal-heard' }, t('appeal.heard')),
        el('p', {}, label('appeal.status', appeal.status)),
        appeal.hearingReason ? el('p', { class: 'text' }, appeal.hearingReason) : '');
    } else if (hasRole('admin') || hasRole('staff')) action = el('p', {}, t('appeal.adminReads'));
    else action = decisionForm(appeal, draw);
    view.replaceChildren(
      el('h1', {}, t('appeal.titleOf', { subject: subject(appeal) })),
      el('p', {}, el('a', { href: '#/council/appeals' }, t('appeal.back'))),
      line,
      facts(appeal),
      el('section', { 'aria-labelledby': 'appeal-staff' }, el('h2', { id: 'appeal-staff' }, t('appeal.staffReason')),
        el('p', { class: 'text' }, appeal.staffReason || '—')),
      el('section', { 'aria-labelledby': 'appeal-why' }, el('h2', { id: 'appeal-why' }, t('appeal.appellantReason')),
        el('p', { class: 'text' }, appeal.appeal || '—')),
      action);
    if (message) line.say(message);
  };
  draw(a);
}
