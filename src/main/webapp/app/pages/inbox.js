// The in-app inbox (#/inbox): the resident's notifications, unread first and marked as such in
// words, each with a link to what it is about and a "mark read" button.
import { get, send, el } from '../api.js';
import { t, tn, formatDate } from '../i18n.js';
import { statusLine, actionButton, signedIn } from '../ui.js';

// The API links a notification to an /api address; these are the pages that show the same thing.
const PAGES = [
  [/^\/api\/loans\/([\w-]+)/, id => `#/me/loans/${id}`, 'loan'],
  [/^\/api\/bookings\/([\w-]+)/, id => `#/me/bookings/${id}`, 'booking'],
  [/^\/api\/timebank\/sessions\/([\w-]+)/, id => `#/timebank/sessions/${id}`, 'session'],
  [/^\/api\/timebank\/transfers\//, () => '#/timebank', 'timebank'],
  [/^\/api\/listings\/([\w-]+)/, id => `#/listings/${id}`, 'listing'],
  [/^\/api\/(reports|moderation\/decisions)\/mine$/, () => '#/me/reports', 'reports'],
  [/^\/api\/council\/proposals\/([\w-]+)/, id => `#/council/proposals/${id}`, 'proposal'],
  [/^\/api\/holds\/mine$/, () => '#/me/loans', 'holds'],
  [/^\/api\/me$/, () => '#/me', 'me'],
];

/** The page a notification's link leads to, and what to call it; null when no page shows it. */
export function pageFor(link) {
  for (const [pattern, page, what] of PAGES) {
    const match = link?.match(pattern);
    if (match) return { href: page(match[1]), what };
  }
  return null;
}

export async function inboxPage(view) {
  if (!signedIn(view, t('inbox.title'))) return;
  const status = statusLine(t('inbox.loading'));
  const summary = el('p', { id: 'inbox-summary', tabindex: '-1' });
  const tools = el('div', { class: 'actions' });
  const list = el('ul', { class: 'results inbox', id: 'inbox' });
  view.replaceChildren(el('h1', {}, t('inbox.title')), summary, tools, status, list);

  let notifications = [];
  async function markRead(n) {
    const updated = await send('POST', `/notifications/${n.id}/read`);
    notifications = notifications.map(x => (x.id === n.id ? updated : x));
  }

  function draw(focusId) {
    const unread = notifications.filter(n => !n.read);
    summary.textContent = notifications.length ? tn('inbox.unread', unread.length) : t('inbox.none');
    tools.replaceChildren(unread.length > 1 ? actionButton(t('inbox.markAll'), async () => {
      for (const n of unread) await markRead(n);
      draw();
      summary.focus();
      return t('inbox.allRead');
    }, status, { id: 'inbox-mark-all' }) : '');
    // Unread first, then newest first (the API's order) within each.
    const ordered = [...unread, ...notifications.filter(n => n.read)];
    list.replaceChildren(...ordered.map(n => {
      const page = pageFor(n.link);
      const heading = el('h2', { id: `n-${n.id}`, tabindex: '-1' },
        el('span', { class: n.read ? 'badge read' : 'badge unread' }, n.read ? t('inbox.read') : t('inbox.new')), ' ',
        n.subject);
      return el('li', { class: n.read ? 'notification read' : 'notification unread', 'data-id': n.id },
        heading,
        el('p', { class: 'meta' }, el('time', { datetime: n.createdAt }, formatDate(n.createdAt)),
          n.body && n.body !== n.subject ? ` · ${n.body}` : ''),
        el('p', { class: 'actions' },
          page ? el('a', { href: page.href, 'aria-describedby': `n-${n.id}`,
            onclick: () => { if (!n.read) send('POST', `/notifications/${n.id}/read`).catch(() => {}); } },
          t(`inbox.open.${page.what}`)) : '',
          page ? ' ' : '',
          n.read ? '' : actionButton(t('inbox.markRead'), async () => {
            await markRead(n);
            draw(n.id);
            return t('inbox.markedRead');
          }, status, { 'aria-describedby': `n-${n.id}`, class: 'secondary' })));
    }));
    if (focusId) document.getElementById(`n-${focusId}`)?.focus();
  }

  try {
    notifications = await get('/notifications');
    draw();
    status.done();
  } catch (error) {
    status.fail(error);
  }
}
