// Pieces every page uses: a status line, problems shown in the resident's language, labelled form
// fields, the names of districts and categories, and "sign in first".
import { get, el } from './api.js';
import { t, has, current, cityZone } from './i18n.js';
import { session, signIn } from './auth.js';

/** A polite live region that says what the page is doing; .say(), .fail(error), .done(). */
export function statusLine(initial = t('search.loading')) {
  const line = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, initial);
  line.say = text => { line.className = 'status'; line.textContent = text; };
  line.fail = error => { line.className = 'error'; line.textContent = problemText(error); };
  line.done = () => { line.textContent = ''; };
  return line;
}

/**
 * What went wrong, in the resident's language: the problem's type when we have words for it
 * (problem.<slug>), else the field at fault, else a general message. The server's own words (in
 * English) are never shown to a resident who chose another language.
 */
export function problemText(error) {
  if (!error || !error.status) return t('error.load');
  if (error.slug && has(`problem.${error.slug}`)) return t(`problem.${error.slug}`);
  const fields = (error.problem?.errors || []).map(e => e.field).filter(Boolean);
  if (fields.length) return t('problem.fields', { fields: fields.join(', ') });
  if (error.status === 401) return t('problem.unauthenticated');
  if (error.status === 403) return t('problem.forbidden');
  if (error.status === 404) return t('problem.not-found');
  if (error.status === 409) return t('problem.conflict');
  return current() === 'en' && error.problem?.detail ? error.problem.detail : t('error.load');
}

/** Marks the inputs named in a problem's errors as invalid (aria-invalid), clearing the others. */
export function markFields(form, error) {
  const fields = new Set((error?.problem?.errors || []).map(e => e.field));
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (fields.has(input.name)) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

let fieldCount = 0;
/** A labelled control: field(label, 'input', {name, type, ...}); the label is tied to it by id. */
export function field(label, tag, attributes = {}, ...children) {
  const id = attributes.id || `f${++fieldCount}`;
  const control = el(tag, { ...attributes, id }, ...children);
  return el('label', { class: 'field', for: id }, el('span', {}, label), control);
}

/** A form that calls submit(formData as an object) and shows progress and problems in its status line. */
export function actionForm(attributes, controls, submitLabel, submit) {
  const status = statusLine('');
  const button = el('button', { type: 'submit' }, submitLabel);
  const form = el('form', attributes, ...controls, button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    status.say(t('form.sending'));
    try {
      const values = Object.fromEntries(new FormData(form).entries());
      const message = await submit(values, form);
      markFields(form, null);
      status.say(message || t('form.done'));
    } catch (error) {
      markFields(form, error);
      status.fail(error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A button that runs an action and reports how it went in the given status line. */
export function actionButton(label, action, status, attributes = {}) {
  const button = el('button', { type: 'button', ...attributes }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const message = await action();
      if (message) status.say(message);
    } catch (error) {
      status.fail(error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** True when someone is signed in; otherwise draws "sign in first" with a button, and returns false. */
export function signedIn(view, title, why = t('account.signInToUse')) {
  if (session()) return true;
  const button = el('button', { type: 'button' }, t('account.signIn'));
  button.addEventListener('click', signIn);
  view.replaceChildren(el('h1', {}, title), el('p', {}, why), button);
  return false;
}

export function hasRole(role) {
  return (session()?.roles || []).includes(role);
}

let districts;
let categories;

export async function districtList() {
  if (!districts) districts = await get('/districts').catch(() => []);
  return districts;
}

export async function districtName(code) {
  const d = (await districtList()).find(x => x.code === code);
  return d ? (current() === 'ko' ? d.nameKo : d.nameEn) : (code || '—');
}

export async function categoryList() {
  if (!categories) categories = await get('/categories').catch(() => []);
  return categories;
}

export async function categoryName(code) {
  const c = (await categoryList()).find(x => x.code === code);
  if (!c) return code || '—';
  return { ko: c.nameKo, fr: c.nameFr }[current()] || c.nameEn;
}

/** Today in the city's calendar (YYYY-MM-DD). */
export function today(plusDays = 0) {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: cityZone() }).format(d);
}

/** A random key for a write that must happen once (Idempotency-Key). */
export function onceKey() {
  return crypto.randomUUID();
}


/** An instant as the value of a datetime-local input (YYYY-MM-DDTHH:MM) in the city's time. */
export function cityLocal(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: cityZone(), hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant (ISO-8601, UTC) a datetime-local value means in the city's time. */
export function cityInstant(local) {
  if (!local) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // The city's offset at that moment: how far its wall clock is from UTC.
  const offset = Date.parse(`${cityLocal(asUtc)}:00Z`) - asUtc;
  return new Date(asUtc - offset).toISOString();
}
