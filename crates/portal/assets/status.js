// The case status page: the case number and PIN go in a POST body (never in an address),
// the case is shown item by item with what each platform did and when, and it can be
// withdrawn after a confirmation. The codes are kept only in this page's memory.

import { data, el, errorMessage, focusElement, formatDate, postJson, t } from './common.js';

const form = document.getElementById('status-form');
const numberInput = document.getElementById('case-number');
const pinInput = document.getElementById('pin');
const numberError = document.getElementById('case-number-error');
const pinError = document.getElementById('pin-error');
const formError = document.getElementById('status-error');
const submit = document.getElementById('status-submit');
const view = document.getElementById('case-view');

/** Crockford base32 without I, L, O, U. */
const CASE_NUMBER = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{20}$/;

/**
 * A typed case number in its canonical form (`7KQ2M-XJ4PA-9D0RT-W3HNB`), or null. Case,
 * spaces and dashes do not matter; I and L read as 1, O as 0 (Crockford's confusables).
 */
export function normaliseCaseNumber(text) {
  const symbols = text
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (!CASE_NUMBER.test(symbols)) return null;
  return symbols.match(/.{5}/g).join('-');
}

/** A typed PIN (8 digits, spaces allowed), or null. */
export function normalisePin(text) {
  const digits = text.replace(/\s/g, '');
  return /^[0-9]{8}$/.test(digits) ? digits : null;
}

let credentials = null;

function setFieldError(inputElement, errorElement, message) {
  if (message) {
    errorElement.textContent = message;
    errorElement.hidden = false;
    inputElement.setAttribute('aria-invalid', 'true');
  } else {
    errorElement.textContent = '';
    errorElement.hidden = true;
    inputElement.removeAttribute('aria-invalid');
  }
}

function showFormError(message) {
  formError.replaceChildren(el('p', { text: message }));
  formError.hidden = false;
  focusElement(formError);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  formError.hidden = true;
  const caseNumber = normaliseCaseNumber(numberInput.value);
  const pin = normalisePin(pinInput.value);
  setFieldError(numberInput, numberError, caseNumber ? null : t('status-invalid-number'));
  setFieldError(pinInput, pinError, pin ? null : t('status-invalid-pin'));
  if (!caseNumber) {
    numberInput.focus();
    return;
  }
  if (!pin) {
    pinInput.focus();
    return;
  }
  credentials = { case_number: caseNumber, pin };
  await lookUp(true);
});

async function lookUp(moveFocus) {
  submit.disabled = true;
  submit.textContent = t('status-loading');
  const response = await postJson(data.api.status, credentials);
  submit.disabled = false;
  submit.textContent = t('status-submit');
  if (!response.ok || !response.body) {
    view.hidden = true;
    view.replaceChildren();
    showFormError(errorMessage(response.ok ? 'unknown' : response.code));
    return;
  }
  renderCase(response.body);
  if (moveFocus) focusElement(document.getElementById('case-view-heading'));
}

const ITEM_STATUS = {
  active: 'status-item-active',
  withdrawn: 'status-item-withdrawn',
  quarantined: 'status-item-quarantined',
};

const OUTCOMES = ['matched', 'pending_review', 'blocked', 'not_blocked'];

function renderCase(found) {
  const withdrawn = found.state === 'withdrawn';
  const parts = [
    el('h2', { id: 'case-view-heading', text: t('status-case-heading') }),
    el('p', { class: 'lead', text: t(withdrawn ? 'status-case-withdrawn' : 'status-case-active') }),
  ];
  const dates = [];
  if (found.created_at) dates.push(t('status-created', { date: formatDate(found.created_at, false) }));
  if (found.withdrawn_at) dates.push(t('status-withdrawn-on', { date: formatDate(found.withdrawn_at, false) }));
  if (dates.length) parts.push(el('p', { class: 'hint', text: dates.join(' · ') }));

  const items = Array.isArray(found.items) ? found.items : [];
  let anyNotBlocked = false;
  const counters = { image: 0, video: 0 };
  const list = el('ul', { class: 'items' });
  for (const item of items) {
    const kind = item.kind === 'video' ? 'video' : 'image';
    counters[kind] += 1;
    const title = t(kind === 'video' ? 'status-item-video' : 'status-item-image', { number: counters[kind] });
    const statusText = t(ITEM_STATUS[item.status] || 'status-item-unknown');
    const entry = el('li', {}, el('p', { class: 'item-title', text: `${title}: ${statusText}` }));
    if (item.status === 'quarantined') entry.append(el('p', { class: 'hint', text: t('status-item-quarantined-explain') }));
    const reports = Array.isArray(item.reports) ? item.reports : [];
    if (reports.length === 0) {
      entry.append(el('p', { class: 'hint', text: t('status-no-reports') }));
    } else {
      const reportList = el('ul', { class: 'reports' });
      for (const report of reports) {
        const outcome = OUTCOMES.includes(report.outcome) ? report.outcome : 'unknown';
        if (outcome === 'not_blocked') anyNotBlocked = true;
        const when = report.at ? el('time', { datetime: report.at, text: formatDate(report.at) }) : null;
        reportList.append(
          el('li', {}, el('strong', { text: String(report.platform ?? '') }), ` ${t(`outcome-${outcome}`)}`, when ? ' · ' : '', when),
        );
      }
      entry.append(reportList);
    }
    list.append(entry);
  }
  parts.push(el('h3', { text: t('status-items-heading') }), list);
  if (anyNotBlocked) parts.push(el('p', { class: 'callout calm', text: t('status-not-blocked-help') }));
  if (!withdrawn) parts.push(withdrawSection());
  parts.push(
    el('p', {}, el('button', { type: 'button', class: 'link-button', id: 'case-hide', text: t('status-hide'), onclick: hide })),
  );
  view.replaceChildren(...parts);
  view.hidden = false;
}

function withdrawSection() {
  const confirmBox = el('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'withdraw-question' });
  const start = el('button', {
    type: 'button',
    class: 'button secondary',
    id: 'withdraw-start',
    text: t('status-withdraw'),
    onclick: () => {
      start.hidden = true;
      confirmBox.hidden = false;
      focusElement(document.getElementById('withdraw-question'));
    },
  });
  const cancel = el('button', {
    type: 'button',
    class: 'button secondary',
    id: 'withdraw-cancel',
    text: t('status-withdraw-cancel'),
    onclick: () => {
      confirmBox.hidden = true;
      start.hidden = false;
      start.focus();
    },
  });
  const confirm = el('button', {
    type: 'button',
    class: 'button danger',
    id: 'withdraw-confirm',
    text: t('status-withdraw-confirm'),
    onclick: async () => {
      confirm.disabled = true;
      cancel.disabled = true;
      const response = await postJson(data.api.withdraw, credentials);
      confirm.disabled = false;
      cancel.disabled = false;
      if (!response.ok) {
        showFormError(errorMessage(response.code));
        return;
      }
      // The refreshed case says it is withdrawn; focus its heading so that it is read out.
      await lookUp(true);
    },
  });
  confirmBox.append(
    el('p', { id: 'withdraw-question', text: t('status-withdraw-confirm-question') }),
    el('p', { class: 'actions' }, confirm, cancel),
  );
  return el(
    'section',
    { 'aria-labelledby': 'withdraw-heading' },
    el('h3', { id: 'withdraw-heading', text: t('status-withdraw-heading') }),
    el('p', { text: t('status-withdraw-explain') }),
    start,
    confirmBox,
  );
}

function hide() {
  credentials = null;
  numberInput.value = '';
  pinInput.value = '';
  view.replaceChildren();
  view.hidden = true;
  numberInput.focus();
}
