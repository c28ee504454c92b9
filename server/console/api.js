// The REST API (docs/server.md), with the API key when one is entered.
// Failures become ApiError: a sentence and the problem's field errors.

const KEY_STORAGE = 'pathrank.key';

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

export class ApiError extends Error {
  constructor(message, status, lines = []) {
    super(message);
    this.status = status;
    this.lines = lines;
  }
}

const HINTS = {
  401: 'This server needs an API key: enter it in the key field at the top.',
  403: 'The API key does not have the role this needs.',
  503: 'The server is not ready (catalogs loading or store closed).',
};

// A problem+json answer in words.
function problemError(status, problem, path) {
  const lines = [];
  for (const e of problem.errors || []) {
    const where = e.field ? `${e.in || 'body'} ${e.field}` : e.in || '';
    lines.push(where ? `${where}: ${e.message}` : e.message);
  }
  if (HINTS[status]) lines.push(HINTS[status]);
  const title = problem.title || `HTTP ${status}`;
  const detail = problem.detail ? `: ${problem.detail}` : '';
  return new ApiError(`${title}${detail} (${status} from ${path})`, status, lines);
}

// fetch + JSON; `text` true returns the body as text (e.g. /metrics).
export async function api(method, path, body, {text = false} = {}) {
  const headers = {Accept: text ? 'text/plain' : 'application/json'};
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  const init = {method, headers};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(`Cannot reach the server for ${path} (${e.message}).`, 0);
  }
  const raw = await res.text();
  if (!res.ok) {
    let problem = {};
    try {
      problem = JSON.parse(raw);
    } catch {
      problem = {title: res.statusText};
    }
    throw problemError(res.status, problem, path);
  }
  if (text) return raw;
  return raw ? JSON.parse(raw) : {};
}

export const enc = encodeURIComponent;
