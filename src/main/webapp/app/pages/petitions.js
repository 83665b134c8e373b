// Residents' petitions: the list with a form to start one, and a petition with its support button.
// Supporters are counted, never named: the pages show the count and the number needed, nothing more.
import { get, send, el } from '../api.js';
import { t, tn, formatDate, formatNumber } from '../i18n.js';
import { signIn, session } from '../auth.js';
import { actionButton, actionForm, field, hasRole, statusLine } from '../ui.js';
import { ruleName, valueText, proposable } from './council.js';

/** Whether the person may start or support petitions, or a sentence saying why not (with a sign-in button). */
function mayTakePart() {
  if (!session()) {
    return el('p', {}, t('petition.signInFirst'), ' ', el('button', { type: 'button', onclick: signIn }, t('account.signIn')));
  }
  if (hasRole('staff') || hasRole('admin')) return el('p', {}, t('petition.cityRole'));
  if (!hasRole('resident')) return el('p', {}, t('petition.residentsOnly'));
  return true;
}

function supportText(p) {
  return t('petition.supportersOf', { count: tn('petition.supporters', p.supporters), needed: formatNumber(p.needed) });
}

function startForm(councils, policies) {
  const choices = policies.filter(proposable);
  const policyField = field(t('petition.rule'), 'select', { id: 'petition-policy', name: 'policy', required: true },
    ...choices.map(x => el('option', { value: x.key }, ruleName(x.key))));
  const valueField = field(t('petition.proposedValue'), 'input', { id: 'petition-value', name: 'value', type: 'number',
    step: '1', required: true, 'aria-describedby': 'petition-hint' });
  const select = policyField.querySelector('select');
  const input = valueField.querySelector('input');
  const hint = el('p', { class: 'meta', id: 'petition-hint', 'aria-live': 'polite' });
  const showRange = () => {
    const x = choices.find(c => c.key === select.value);
    if (!x) return;
    input.min = String(x.min);
    input.max = String(x.max);
    hint.textContent = t('proposal.hint', { value: valueText(x.value, x.unit), min: formatNumber(x.min),
      max: valueText(x.max, x.unit) });
  };
  select.addEventListener('change', showRange);
  showRange();
  return actionForm({ id: 'petition-start' }, [
    field(t('petition.council'), 'select', { id: 'petition-council', name: 'councilId', required: true },
      ...councils.map(c => el('option', { value: c.id }, c.name))),
    policyField, valueField, hint,
    field(t('petition.rationale'), 'textarea', { id: 'petition-rationale', name: 'rationale', required: true,
      maxlength: '4000', rows: '6' }),
  ], t('petition.start'), async values => {
    const created = await send('POST', '/council/petitions', { councilId: values.councilId, policy: values.policy,
      value: Number(values.value), rationale: values.rationale });
    location.hash = `#/council/petitions/${created.id}`;
    return t('petition.started');
  });
}

export async function petitionsPage(view) {
  const status = statusLine();
  const intro = el('p', {}, t('petition.intro'));
  view.replaceChildren(el('h1', {}, t('petition.title')),
    el('p', {}, el('a', { href: '#/council' }, t('proposal.back'))), intro, status);
  const [petitions, policies, councils] = await Promise.allSettled([get('/council/petitions'), get('/policy'),
    get('/council/councils')]);
  if (policies.status === 'fulfilled') {
    const value = key => policies.value.find(x => x.key === key)?.value;
    const needed = value('COUNCIL_PETITION_SUPPORTERS');
    const days = value('COUNCIL_PETITION_DAYS');
    if (needed && days) intro.textContent = t('petition.introWith', { n: formatNumber(needed), days: formatNumber(days) });
  }
  const list = el('section', { 'aria-labelledby': 'petition-list' }, el('h2', { id: 'petition-list' }, t('petition.list')));
  view.append(list);
  if (petitions.status === 'rejected') status.fail(petitions.reason);
  else if (!petitions.value.length) status.say(t('petition.none'));
  else {
    status.say(tn('petition.count', petitions.value.length));
    list.append(el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('petition.list') }, el('table', {},
      el('caption', {}, t('petition.list')),
      el('thead', {}, el('tr', {}, ...['council', 'rule', 'change', 'support', 'status', 'until']
        .map(k => el('th', { scope: 'col' }, t(`petition.col.${k}`))))),
      el('tbody', {}, ...petitions.value.map(p => el('tr', {},
        el('td', {}, p.councilName),
        el('td', {}, el('a', { href: `#/council/petitions/${p.id}` }, ruleName(p.policy))),
        el('td', {}, `${formatNumber(p.valueNow)} → ${valueText(p.proposedValue, p.unit)}`),
        el('td', {}, supportText(p)),
        el('td', {}, t(`petition.status.${p.status}`)),
        el('td', {}, formatDate(p.openUntil))))))));
  }

  const start = el('section', { 'aria-labelledby': 'petition-new' }, el('h2', { id: 'petition-new' }, t('petition.startTitle')));
  view.append(start);
  const allowed = mayTakePart();
  if (allowed !== true) start.append(allowed);
  else if (policies.status === 'rejected' || councils.status === 'rejected') {
    const line = statusLine('');
    start.append(line);
    line.fail(policies.reason || councils.reason);
  } else if (!councils.value.length) start.append(el('p', {}, t('council.noCouncils')));
  else start.append(startForm(councils.value, policies.value));
}

export async function petitionPage(view, id) {
  const status = statusLine();
  view.replaceChildren(el('h1', {}, t('petition.one')), status);
  let p;
  try {
    p = await get(`/council/petitions/${encodeURIComponent(id)}`);
  } catch (error) {
    status.fail(error);
    view.append(el('p', {}, el('a', { href: '#/council/petitions' }, t('petition.back'))));
    return;
  }
  const draw = (petition, message) => {
    const line = statusLine('');
    const gathering = petition.status === 'OPEN' && new Date(petition.openUntil) > new Date();
    const rows = [
      ['petition.council', petition.councilName],
      ['petition.rule', ruleName(petition.policy)],
      ['petition.valueNow', valueText(petition.valueNow, petition.unit)],
      ['petition.proposedValue', valueText(petition.proposedValue, petition.unit)],
      ['petition.startedBy', petition.startedBy || '—'],
      ['petition.startedOn', formatDate(petition.createdAt)],
      ['petition.openUntil', formatDate(petition.openUntil)],
      ['petition.statusLabel', t(`petition.status.${petition.status}`)],
      ['petition.support', [el('progress', { max: String(petition.needed),
        value: String(Math.min(petition.supporters, petition.needed)), 'aria-label': t('petition.progress') }),
      ' ', supportText(petition)]],
    ];
    let action = '';
    if (petition.supportedByMe) action = el('p', { class: 'ballot' }, t('petition.youSupport'));
    else if (gathering) {
      const allowed = mayTakePart();
      action = allowed !== true ? allowed : actionButton(t('petition.supportButton'), async () => {
        const updated = await send('POST', `/council/petitions/${petition.id}/support`);
        draw(updated, t('petition.supported'));
      }, line, { id: 'support' });
    }
    view.replaceChildren(
      el('h1', {}, t('petition.titleOf', { rule: ruleName(petition.policy) })),
      el('p', {}, el('a', { href: '#/council/petitions' }, t('petition.back'))),
      line,
      el('dl', { class: 'facts' }, ...rows.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
      el('p', { class: 'meta' }, t('petition.private')),
      action,
      el('section', { 'aria-labelledby': 'petition-why' },
        el('h2', { id: 'petition-why' }, t('petition.rationale')), el('p', { class: 'text' }, petition.rationale || '—')),
      petition.proposalId ? el('p', {}, el('a', { href: `#/council/proposals/${petition.proposalId}` }, t('petition.onAgenda'))) : '');
    if (message) line.say(message);
  };
  draw(p);
}
