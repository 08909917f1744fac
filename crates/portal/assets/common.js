// Shared by every page: the quick exit, the page's data and translations, small helpers.
// Loaded as a module; nothing here sends anything anywhere except the calls the pages make
// to this site's own API.

const dataElement = document.getElementById('portal-data');

/** The page's data: `lang`, `quickExitUrl`, `strings` and page-specific settings. */
export const data = dataElement ? JSON.parse(dataElement.textContent) : { strings: {} };

/**
 * A translated string of the page, with `{name}` placeholders filled from `values`.
 * Returns the key itself when the page did not provide it (a bug the tests catch).
 */
export function t(key, values = {}) {
  const text = data.strings && data.strings[key];
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** Whether the page provided the string `key`. */
export function has(key) {
  return Boolean(data.strings && typeof data.strings[key] === 'string');
}

/**
 * Creates an element. `attributes` are set as attributes, except `text` (its text content) and
 * `on<event>` functions (listeners); children may be nodes or strings (added as text, never
 * parsed as HTML).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** The translated message for an API error code (or the generic one). */
export function errorMessage(code) {
  const key = `error-api-${code}`;
  return has(key) ? t(key) : t('error-api-unknown');
}

/**
 * POSTs JSON to this site's API. Resolves to `{ok: true, status, body}` or
 * `{ok: false, status, code}` where `code` is the API's error code, `network` when the
 * server could not be reached, or `unknown`. Never rejects.
 */
export async function postJson(url, payload) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return { ok: true, status: response.status, body };
  const code = body && body.error && typeof body.error.code === 'string' ? body.error.code : null;
  return { ok: false, status: response.status, code: code || fallbackCode(response.status) };
}

function fallbackCode(status) {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'unknown';
}

/** Copies text to the clipboard; resolves to whether it worked. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the older way (permissions, unfocused document).
    }
  }
  const area = el('textarea', { readonly: true, class: 'visually-hidden' });
  area.value = text;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** A date and time in the page's language, or the raw value if it is not a date. */
export function formatDate(value, withTime = true) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  const options = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(data.locale || data.lang, options).format(date);
}

/** Moves keyboard and screen-reader focus to an element that is not focusable by default. */
export function focusElement(element) {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

// A form sent back with errors: take the reader to the summary of what to fix.
const errorSummary = document.getElementById('error-summary');
if (errorSummary) errorSummary.focus();

// Quick exit: replace this page with the neutral site, so that the back button does not come
// back to it. The page is emptied first, in case the neutral site is slow to load.
function quickExit() {
  const url = data.quickExitUrl || 'about:blank';
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(url);
}

const exitLink = document.getElementById('quick-exit');
if (exitLink) {
  exitLink.addEventListener('click', (event) => {
    event.preventDefault();
    quickExit();
  });
}

// The Escape key pressed twice within 1.5 seconds also leaves.
let lastEscape = 0;
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const now = Date.now();
  if (now - lastEscape < 1500) {
    quickExit();
  } else {
    lastEscape = now;
  }
});
