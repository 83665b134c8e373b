// A council proposal (its phase, rationale, the rule's value now, public comments, the member's vote
// and ballot, the counts once decided), and the form with which a member proposes a new value.
import { get, send, el } from '../api.js';
import { t, tn, formatDate, formatDay, formatNumber } from '../i18n.js';
import { signIn, session } from '../auth.js';
import { actionForm, cityInstant, field, hasRole, signedIn, statusLine, today } from '../ui.js';
import { ruleName, valueText, proposable, standing } from './council.js';

const PHASES = ['COMMENTS', 'VOTING', 'DECIDED'];

/** The three steps of a proposal, the current one marked in words (aria-current and "now"), not by colour. */
function phases(p) {
  const now = p.phase === 'COUNTING' ? 'DECIDED' : p.phase;
  return el('ol', { class: 'phases', 'aria-label': t('proposal.phases') },
    ...PHASES.map(phase => el('li', phase === now ? { 'aria-current': 'step' } : {},
      t(`proposal.phase.${phase}`), phase === now ? el('span', { class: 'now' }, ` (${t('proposal.now')})`) : '')));
}

function facts(p, inForce) {
  const rows = [
    ['proposal.council', p.councilName],
    ['proposal.rule', ruleName(p.policy)],
    ['proposal.valueThen', valueText(p.valueThen, p.unit)],
    ['proposal.proposedValue', valueText(p.proposedValue, p.unit)],
    ['proposal.valueNow', inForce ? valueText(inForce.value, inForce.unit) : '—'],
    ['proposal.effectiveFrom', formatDate(p.effectiveFrom)],
    ['proposal.proposedBy', p.petitionId
      ? el('a', { href: `#/council/petitions/${p.petitionId}` }, t('proposal.byPetition'))
      : (p.proposedBy || '—')],
    ['proposal.createdAt', formatDate(p.createdAt)],
    ['proposal.commentsUntil', formatDate(p.commentsUntil)],
    ['proposal.votingUntil', formatDate(p.votingUntil)],
    ['proposal.standing', standing(p)],
  ];
  return el('dl', { class: 'facts' }, ...rows.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
}

function outcome(p) {
  if (p.phase !== 'DECIDED' || p.yes == null) return '';
  return el('section', { 'aria-labelledby': 'proposal-outcome' },
    el('h2', { id: 'proposal-outcome' }, t('proposal.outcome')),
    el('p', {}, t(`status.${p.status}`)),
    el('table', {},
      el('caption', {}, t('proposal.counts')),
      el('thead', {}, el('tr', {}, ...['yes', 'no', 'abstentions', 'members']
        .map(k => el('th', { scope: 'col' }, t(`proposal.count.${k}`))))),
      el('tbody', {}, el('tr', {}, ...[p.yes, p.no, p.abstentions, p.members]
        .map(n => el('td', {}, n == null ? '—' : formatNumber(n)))))),
    el('p', { class: 'meta' }, t('proposal.quorum', { percent: formatNumber(p.quorumPercent) })),
    p.decidedAt ? el('p', { class: 'meta' }, t('proposal.decidedAt', { date: formatDate(p.decidedAt) })) : '');
}

/** A radio group in a fieldset with its legend; each radio labelled by its own text. */
export function radioGroup(legend, name, choices) {
  return el('fieldset', {}, el('legend', {}, legend),
    ...choices.map(([value, text]) => {
      const id = `${name}-${value}`;
      return el('div', { class: 'choice' },
        el('input', { type: 'radio', id, name, value, required: true }), el('label', { for: id }, text));
    }));
}

function voting(p, redraw) {
  if (!hasRole('council')) return '';
  const parts = [];
  if (p.myBallot) parts.push(el('p', { class: 'ballot' }, t('proposal.myBallot', { choice: t(`proposal.choice.${p.myBallot}`) })));
  else if (p.phase === 'VOTING') {
    parts.push(el('p', {}, t('proposal.voteIntro')), actionForm({ id: 'vote' }, [
      radioGroup(t('proposal.yourVote'), 'choice',
        ['YES', 'NO', 'ABSTAIN'].map(c => [c, t(`proposal.choice.${c}`)])),
    ], t('proposal.castVote'), async values => {
      const updated = await send('POST', `/council/proposals/${p.id}/votes`, { choice: values.choice });
      redraw(updated, t('proposal.voted'));
    }));
  }
  if (!parts.length) return '';
  return el('section', { 'aria-labelledby': 'proposal-vote' }, el('h2', { id: 'proposal-vote' }, t('proposal.vote')), ...parts);
}

function commenting(p, redraw) {
  if (p.phase !== 'COMMENTS') return el('p', {}, t('proposal.commentsClosed'));
  if (!session()) {
    return el('p', {}, t('proposal.signInToComment'), ' ', el('button', { type: 'button', onclick: signIn }, t('account.signIn')));
  }
  if (hasRole('staff') || hasRole('admin')) return el('p', {}, t('proposal.cityRoleNoComment'));
  if (!hasRole('resident')) return '';
  return actionForm({ id: 'comment' }, [
    field(t('proposal.yourComment'), 'textarea', { id: 'comment-body', name: 'body', required: true, maxlength: '2000', rows: '4' }),
  ], t('proposal.postComment'), async values => {
    const updated = await send('POST', `/council/proposals/${p.id}/comments`, { body: values.body });
    redraw(updated, t('proposal.commented'));
  });
}

function comments(p, redraw) {
  const list = p.comments || [];
  return el('section', { 'aria-labelledby': 'proposal-comments' },
    el('h2', { id: 'proposal-comments' }, tn('proposal.comments', list.length)),
    list.length
      ? el('ol', { class: 'comments' }, ...list.map(c => el('li', {},
        el('p', { class: 'meta' }, t('proposal.commentBy', { name: c.author, date: formatDate(c.at) })),
        el('p', { class: 'text' }, c.body))))
      : el('p', {}, t('proposal.noComments')),
    commenting(p, redraw));
}

export async function proposalPage(view, id) {
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('proposal.title')), status);
  let p;
  let policies = [];
  try {
    [p, policies] = await Promise.all([get(`/council/proposals/${encodeURIComponent(id)}`),
      get('/policy').catch(() => [])]);
  } catch (error) {
    status.fail(error);
    view.append(el('p', {}, el('a', { href: '#/council' }, t('proposal.back'))));
    return;
  }
  const inForce = policies.find(x => x.key === p.policy);
  const draw = (proposal, message) => {
    const line = statusLine('');
    view.replaceChildren(
      el('h1', {}, t('proposal.titleOf', { rule: ruleName(proposal.policy) })),
      el('p', {}, el('a', { href: '#/council' }, t('proposal.back'))),
      line,
      phases(proposal),
      facts(proposal, inForce),
      inForce?.description ? el('p', { class: 'meta', lang: 'en' }, inForce.description) : '',
      el('section', { 'aria-labelledby': 'proposal-why' },
        el('h2', { id: 'proposal-why' }, t('proposal.rationale')), el('p', { class: 'text' }, proposal.rationale || '—')),
      outcome(proposal),
      voting(proposal, draw),
      comments(proposal, draw));
    if (message) line.say(message);
  };
  draw(p);
}

/** Dates are chosen as days in the city's calendar; the proposal takes effect at that day's start there. */
function startOfDay(day) {
  return cityInstant(`${day}T00:00`);
}

export async function proposePage(view) {
  if (!signedIn(view, t('proposal.proposeTitle'))) return;
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('proposal.proposeTitle')),
    el('p', {}, el('a', { href: '#/council' }, t('proposal.back'))), status);
  if (!hasRole('council') || hasRole('staff') || hasRole('admin')) {
    status.say(t('proposal.membersOnly'));
    view.append(el('p', {}, el('a', { href: '#/council/petitions' }, t('proposal.orPetition'))));
    return;
  }
  let policies;
  let councils;
  let me = null;
  try {
    [policies, councils, me] = await Promise.all([get('/policy'), get('/council/councils'), get('/me').catch(() => null)]);
  } catch (error) {
    status.fail(error);
    return;
  }
  // The councils on whose term in force the member sits (all of them if we cannot tell who they are).
  const mine = councils.filter(c => c.currentTerm && (!me
    || c.currentTerm.members.some(m => m.residentId === me.id && !m.ended)));
  if (!mine.length) {
    status.say(t('problem.not-a-council-member'));
    return;
  }
  status.done();
  const days = key => policies.find(x => x.key === key)?.value || 0;
  const closesIn = days('COUNCIL_COMMENT_DAYS') + days('COUNCIL_VOTING_DAYS');

  view.append(el('section', { 'aria-labelledby': 'propose-rules' },
    el('h2', { id: 'propose-rules' }, t('proposal.rules')),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('proposal.rules') }, el('table', {},
      el('caption', {}, t('proposal.rulesCaption')),
      el('thead', {}, el('tr', {}, ...['rule', 'inForce', 'range', 'proposable']
        .map(k => el('th', { scope: 'col' }, t(`proposal.col.${k}`))))),
      el('tbody', {}, ...policies.map(x => el('tr', {},
        el('th', { scope: 'row' }, ruleName(x.key)),
        el('td', {}, valueText(x.value, x.unit)),
        el('td', {}, t('proposal.range', { min: formatNumber(x.min), max: valueText(x.max, x.unit) })),
        el('td', {}, proposable(x) ? t('proposal.yes') : t('proposal.charter')))))))));

  const choices = policies.filter(proposable);
  const policyField = field(t('proposal.rule'), 'select', { id: 'propose-policy', name: 'policy', required: true },
    ...choices.map(x => el('option', { value: x.key }, ruleName(x.key))));
  const valueField = field(t('proposal.proposedValue'), 'input', { id: 'propose-value', name: 'value', type: 'number',
    required: true, step: '1', 'aria-describedby': 'propose-hint' });
  const policySelect = policyField.querySelector('select');
  const valueInput = valueField.querySelector('input');
  const hint = el('p', { class: 'meta', id: 'propose-hint', 'aria-live': 'polite' });
  const showRange = () => {
    const x = choices.find(c => c.key === policySelect.value);
    if (!x) return;
    valueInput.min = String(x.min);
    valueInput.max = String(x.max);
    hint.textContent = t('proposal.hint', { value: valueText(x.value, x.unit), min: formatNumber(x.min),
      max: valueText(x.max, x.unit) });
  };
  policySelect.addEventListener('change', showRange);
  showRange();
  const earliest = today(closesIn + 1);

  view.append(el('section', { 'aria-labelledby': 'propose-form' },
    el('h2', { id: 'propose-form' }, t('proposal.newValue')),
    actionForm({ id: 'propose' }, [
      field(t('proposal.council'), 'select', { id: 'propose-council', name: 'councilId', required: true },
        ...mine.map(c => el('option', { value: c.id }, c.name))),
      policyField,
      valueField,
      hint,
      field(t('proposal.rationale'), 'textarea', { id: 'propose-rationale', name: 'rationale', required: true, maxlength: '4000', rows: '6' }),
      field(t('proposal.effectiveFromOptional'), 'input', { id: 'propose-effectiveFrom', name: 'effectiveFrom', type: 'date', min: earliest,
        'aria-describedby': 'propose-when' }),
      el('p', { class: 'meta', id: 'propose-when' }, t('proposal.whenHint', { days: formatNumber(closesIn), date: formatDay(earliest) })),
    ], t('proposal.submit'), async values => {
      const created = await send('POST', '/council/proposals', {
        councilId: values.councilId, policy: values.policy, value: Number(values.value),
        rationale: values.rationale, effectiveFrom: values.effectiveFrom ? startOfDay(values.effectiveFrom) : undefined,
      });
      location.hash = `#/council/proposals/${created.id}`;
      return t('proposal.proposed');
    })));
}
