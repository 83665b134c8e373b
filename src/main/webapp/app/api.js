// The one way pages talk to the server: the public /api, JSON in and out, problems as errors.
import { token } from './auth.js';

function headers(extra = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...extra };
  if (token()) h.Authorization = `Bearer ${token()}`;
  return h;
}

/** An answer that is not 2xx: its status and, when the server sent one, its RFC 9457 problem. */
export class ProblemError extends Error {
  constructor(status, path, problem) {
    super(problem?.detail || `${status} ${path}`);
    this.status = status;
    this.problem = problem || null;
    this.slug = problem?.type ? problem.type.replace('urn:nanum:problem:', '') : null;
  }
}

async function answer(response, path) {
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    throw new ProblemError(response.status, path, problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export async function get(path) {
  return answer(await fetch(`api${path}`, { headers: headers() }), path);
}

/** POST, PUT or DELETE with a JSON body (or none); extra headers such as Idempotency-Key. */
export async function send(method, path, body, extra = {}) {
  const init = { method, headers: headers(body === undefined ? extra : { 'Content-Type': 'application/json', ...extra }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer(await fetch(`api${path}`, init), path);
}

/** Downloads what the API answers (a CSV, a JSON export) as a file, with the resident's token. */
export async function download(path, filename, accept = 'text/csv') {
  const response = await fetch(`api${path}`, { headers: { ...headers(), Accept: accept } });
  if (!response.ok) throw new ProblemError(response.status, path, null);
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds elements from a tag, attributes and children (text or nodes): no HTML strings, so no injection. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
