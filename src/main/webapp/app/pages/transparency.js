// The public transparency log: every moderation action, and every use of staff's time-bank and import
// powers, as it happened, without anyone's identity,
// newest first, a page at a time, optionally one kind of action only.
import { get, el } from '../api.js';
import { t, has, formatDate } from '../i18n.js';
import { field, statusLine } from '../ui.js';

const ACTIONS = ['REPORTED', 'AUTO_HIDDEN', 'DISMISSED', 'HIDDEN', 'RESTORED', 'WARNED', 'SUSPENDED', 'SUSPENSION_LIFTED',
  'SUSPENSION_ENDED', 'EDIT_REQUESTED', 'APPEALED', 'APPEAL_UPHELD', 'APPEAL_OVERTURNED', 'GRANTED', 'REVERSED', 'WRITTEN_OFF',
  'IMPORT_APPROVED', 'IMPORT_REJECTED', 'SETTLED'];

/** A code in words when there is a message for it, else the code itself. */
function words(prefix, code) {
  return code && has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : (code || '—');
}

export async function transparencyPage(view) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const action = params.get('action') || '';
  const status = statusLine();
  const select = field(t('transparency.action'), 'select', { id: 'transparency-action', name: 'action' },
    el('option', { value: '' }, t('search.kind.any')),
    ...ACTIONS.map(a => el('option', { value: a, selected: a === action }, words('staff.action', a))));
  select.querySelector('select').addEventListener('change', event => {
    location.hash = event.target.value ? `#/transparency?action=${event.target.value}` : '#/transparency';
  });
  const body = el('tbody', {});
  const more = el('button', { type: 'button', id: 'transparency-more', hidden: true }, t('transparency.more'));
  view.replaceChildren(el('h1', {}, t('transparency.title')), el('p', {}, t('transparency.intro')), select, status,
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('transparency.title') }, el('table', {},
      el('caption', { class: 'visually-hidden' }, t('transparency.title')),
      el('thead', {}, el('tr', {}, ...['when', 'action', 'target', 'reason', 'by']
        .map(k => el('th', { scope: 'col' }, t(`transparency.${k}`))))),
      body)), more);
  let before = null;
  async function load() {
    const query = new URLSearchParams();
    if (action) query.set('action', action);
    if (before) query.set('before', before);
    try {
      const page = await get(`/transparency/log?${query}`);
      body.append(...page.entries.map(e => el('tr', {},
        el('td', {}, formatDate(e.at)), el('td', {}, words('staff.action', e.action)),
        el('td', {}, words('staff.target', e.targetType)), el('td', {}, words('staff.reason', e.reasonCategory)),
        el('td', {}, `${words('staff.role', e.actorRole)} ${e.actor || ''}`.trim()))));
      before = page.next;
      more.hidden = !page.next;
      if (!body.children.length) status.say(t('transparency.none'));
      else status.done();
    } catch (error) {
      status.fail(error);
    }
  }
  more.addEventListener('click', load);
  await load();
}
