// The council's public page: proposals and decisions (linked to each proposal), the councils and who
// sits on them, and the ways in: petitions for everyone, proposing and the appeals docket for members.
// Also small helpers the other council pages share (rule names, values with their units, councils).
import { get, el } from '../api.js';
import { t, tn, formatNumber, formatDay, formatDate } from '../i18n.js';
import { hasRole, statusLine, districtName } from '../ui.js';

/** The rule's name in the resident's language (the API's key if we have no words for it). */
export function ruleName(policy) {
  return t(`council.rule.${policy}`);
}

/** A value with its unit, e.g. "5 loans" / "대출 5건"; an unknown unit is written as the API gives it. */
export function valueText(value, unit) {
  if (value === null || value === undefined) return '—';
  const text = tn(`council.unit.${unit}`, value);
  return text.startsWith('council.unit.') ? `${formatNumber(value)} ${unit}` : text;
}

/** The councils' own procedure (COUNCIL_*) is set by the city's charter: no council votes on it (byCouncil false). */
export function proposable(policy) {
  if (typeof policy === 'object' && typeof policy.byCouncil === 'boolean') return policy.byCouncil;
  return !String(policy.key || policy).startsWith('COUNCIL_');
}

/** Where a proposal stands, in words: its phase while open, its outcome once counted. */
export function standing(p) {
  if (p.status !== 'OPEN') return t(`status.${p.status}`);
  if (p.phase === 'COMMENTS') return t('proposal.standing.COMMENTS', { date: formatDate(p.commentsUntil) });
  if (p.phase === 'VOTING') return t('proposal.standing.VOTING', { date: formatDate(p.votingUntil) });
  return t(`proposal.phase.${p.phase}`);
}

function proposalsTable(proposals) {
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('council.proposals') },
    el('table', {},
      el('caption', {}, t('council.proposals')),
      el('thead', {}, el('tr', {}, ...['council', 'policy', 'change', 'status', 'votes']
        .map(k => el('th', { scope: 'col' }, t(`council.${k}`))))),
      el('tbody', {}, ...proposals.map(p => el('tr', {},
        el('td', {}, p.councilName),
        el('td', {}, el('a', { href: `#/council/proposals/${p.id}` }, ruleName(p.policy))),
        el('td', {}, `${formatNumber(p.valueThen)} → ${valueText(p.proposedValue, p.unit)}`),
        el('td', {}, standing(p)),
        el('td', {}, p.yes == null ? '—' : `${formatNumber(p.yes)} / ${formatNumber(p.no)} / ${formatNumber(p.abstentions)}`))))));
}

async function councilCard(c) {
  const where = c.districtCode ? await districtName(c.districtCode) : t('council.cityWide');
  const term = c.currentTerm;
  const sitting = term ? term.members.filter(m => !m.ended) : [];
  return el('li', {},
    el('h3', {}, c.name),
    el('p', { class: 'meta' }, where),
    term
      ? el('p', {}, t('council.term', { from: formatDay(term.startsOn), to: formatDay(term.endsOn) }))
      : el('p', {}, t('council.noTerm')),
    term ? (sitting.length
      ? el('ul', { 'aria-label': t('council.membersOf', { name: c.name }) }, ...sitting.map(m => el('li', {}, m.name)))
      : el('p', {}, t('council.noMembers'))) : '');
}

export async function councilPage(view) {
  const member = hasRole('council');
  const links = [
    ['#/council/petitions', t('council.petitions')],
    member ? ['#/council/propose', t('council.propose')] : null,
    member || hasRole('admin') ? ['#/council/appeals', t('council.appeals')] : null,
    member || hasRole('admin') ? ['#/council/report', t('nav.report')] : null,
  ].filter(Boolean);
  const status = statusLine();
  const decisions = el('section', { 'aria-labelledby': 'council-proposals' },
    el('h2', { id: 'council-proposals' }, t('council.proposals')), status);
  const councils = el('section', { 'aria-labelledby': 'council-councils' },
    el('h2', { id: 'council-councils' }, t('council.councils')), el('p', {}, t('council.councilsIntro')));
  view.replaceChildren(el('h1', {}, t('council.title')), el('p', {}, t('council.intro')),
    el('nav', { 'aria-label': t('council.ways') }, el('ul', { class: 'cards' },
      ...links.map(([href, text]) => el('li', {}, el('a', { href }, text))))),
    decisions, councils);

  const [proposals, all] = await Promise.allSettled([get('/council/proposals'), get('/council/councils')]);
  if (proposals.status === 'rejected') status.fail(proposals.reason);
  else if (!proposals.value.length) status.say(t('council.none'));
  else {
    status.say(tn('council.count', proposals.value.length));
    decisions.append(proposalsTable(proposals.value));
  }
  if (all.status === 'rejected') {
    const line = statusLine('');
    councils.append(line);
    line.fail(all.reason);
  } else if (!all.value.length) {
    councils.append(el('p', {}, t('council.noCouncils')));
  } else {
    councils.append(el('ul', { class: 'councils' }, ...await Promise.all(all.value.map(councilCard))));
  }
}
