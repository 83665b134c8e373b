// A conversation about a loan, a booking or a time-bank session: a section "Messages" that lists
// the thread (oldest first: author, time, text) and a form to write in it. Not a page: the loan,
// booking and session pages append thread('/loans/' + id + '/messages') and the like.
import { get, send, el } from './api.js';
import { t, formatDate } from './i18n.js';
import { statusLine, field, markFields } from './ui.js';

let threads = 0;

/** One message; what residents wrote is text, never markup. */
function message(m) {
  return el('li', { class: m.yours ? 'message yours' : 'message' },
    el('p', { class: 'meta' },
      el('strong', {}, m.yours ? t('thread.you') : (m.authorName || t('thread.someone'))), ' · ',
      el('time', { datetime: m.createdAt }, formatDate(m.createdAt))),
    el('p', { class: 'text' }, m.body));
}

/** path: the thread's address under /api, e.g. '/loans/{id}/messages'. */
export function thread(path) {
  const n = ++threads;
  const status = statusLine(t('thread.loading'));
  const list = el('ol', { class: 'thread', id: `thread-${n}`, 'aria-labelledby': `thread-title-${n}` });
  const empty = el('p', { hidden: true }, t('thread.none'));
  const text = field(t('thread.write'), 'textarea', { id: `thread-text-${n}`, name: 'body', rows: 3, maxlength: 2000,
    required: true, 'aria-describedby': `thread-hint-${n}` });
  const box = text.lastElementChild;
  const sendButton = el('button', { type: 'submit', id: `thread-send-${n}` }, t('thread.send'));
  const sent = statusLine('');
  const form = el('form', { class: 'thread-form', novalidate: true }, text,
    el('p', { class: 'hint', id: `thread-hint-${n}` }, t('thread.hint')), sendButton, sent);
  const section = el('section', { class: 'messages', 'aria-labelledby': `thread-title-${n}` },
    el('h2', { id: `thread-title-${n}` }, t('thread.title')), status, empty, list, form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!box.value.trim()) {
      box.setAttribute('aria-invalid', 'true');
      sent.className = 'error';
      sent.textContent = t('thread.empty');
      box.focus();
      return;
    }
    sendButton.disabled = true;
    sent.say(t('thread.sending'));
    try {
      const m = await send('POST', path, { body: box.value });
      list.append(message(m));
      empty.hidden = true;
      box.value = '';
      markFields(form, null);
      sent.say(t('thread.sent'));
    } catch (error) {
      markFields(form, error);
      sent.fail(error);
    } finally {
      sendButton.disabled = false;
    }
  });

  (async () => {
    try {
      const messages = await get(path);
      list.replaceChildren(...messages.map(message));
      empty.hidden = messages.length > 0;
      status.done();
    } catch (error) {
      status.fail(error);
    }
  })();
  return section;
}
