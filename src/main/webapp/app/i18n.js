// Messages in Korean, English and French; the language comes from the choice the resident made,
// else from the browser, else English. Dates and numbers follow the language's conventions.
const SUPPORTED = ['ko', 'en', 'fr'];
let messages = {};
let language = 'en';
let zone = 'Asia/Seoul';

/** The city's time zone (the server's NANUM_CITY_ZONE), set once at start. */
export function useZone(cityZone) {
  if (cityZone) zone = cityZone;
}

export function cityZone() {
  return zone;
}

export function chosenLanguage() {
  const saved = localStorage.getItem('nanum.language');
  if (SUPPORTED.includes(saved)) return saved;
  const fromBrowser = (navigator.languages || [navigator.language]).map(l => l.slice(0, 2).toLowerCase());
  return fromBrowser.find(l => SUPPORTED.includes(l)) || 'en';
}

export async function useLanguage(lang) {
  const response = await fetch(`i18n/${lang}.json`);
  messages = await response.json();
  language = lang;
  localStorage.setItem('nanum.language', lang);
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
  document.title = t('app.name');
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

export function t(key, values = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** A message that depends on a count: key.one, key.other … as the language's plural rules say. */
export function tn(key, n) {
  const form = new Intl.PluralRules(language).select(n);
  const chosen = messages[`${key}.${form}`] ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { n: formatNumber(n) });
}

export function current() {
  return language;
}

export function formatDate(iso) {
  return iso ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
    .format(new Date(iso)) : '';
}

export function formatDay(isoDate) {
  return isoDate ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : '';
}

export function formatTime(iso) {
  return iso ? new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: zone }).format(new Date(iso)) : '';
}

/** Minutes as hours and minutes, e.g. 1 h 30 min / 1시간 30분. */
export function formatMinutes(minutes) {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  const h = formatNumber(Math.floor(m / 60));
  if (m % 60 === 0) return sign + t('time.h', { h });
  if (m < 60) return sign + t('time.m', { m: formatNumber(m) });
  return sign + t('time.hm', { h, m: formatNumber(m % 60) });
}

export function formatNumber(n) {
  return new Intl.NumberFormat(language).format(n);
}
