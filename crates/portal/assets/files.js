// The "choose your images" page: pick or drop files, fingerprint each one in the hashing
// worker, show a local thumbnail (a blob: URL, never uploaded), explain what cannot be used,
// and send only the fingerprints to the case API.

import { data, el, errorMessage, focusElement, postJson, t } from './common.js';
import { Hasher, QUALITY_FLOOR, isLowQuality, toCaseItem } from './hasher-protocol.js';
import { showCredentials } from './case-credentials.js';

const input = document.getElementById('file-input');
const dropzone = document.getElementById('dropzone');
const list = document.getElementById('file-list');
const empty = document.getElementById('files-empty');
const summary = document.getElementById('files-summary');
const submit = document.getElementById('submit');
const submitError = document.getElementById('submit-error');
const hasherError = document.getElementById('hasher-error');
const chooser = document.getElementById('chooser');
const result = document.getElementById('result');

const floor = Number.isInteger(data.qualityFloor) ? data.qualityFloor : QUALITY_FLOOR;
const hasher = new Hasher(data.workerUrl);

/** Every file the person chose, in order: { id, file, kind, state, result, code, view }. */
const items = [];
let nextItemId = 1;
let submitting = false;

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|wmv|3gp|mpe?g)$/i;

function kindOf(file) {
  if (file.type.startsWith('video/') || VIDEO_EXTENSIONS.test(file.name)) return 'video';
  return 'image';
}

function canPreview(file) {
  // HEIC previews only work where the browser decodes HEIC; the worker says so separately.
  return file.type.startsWith('image/') && !/hei[cf]/i.test(file.type);
}

function addFiles(files) {
  for (const file of files) {
    const item = { id: nextItemId++, file, kind: kindOf(file), state: 'queued', result: null, code: null };
    item.view = renderItem(item);
    items.push(item);
    list.append(item.view.root);
    startHashing(item);
  }
  refresh();
}

function renderItem(item) {
  let thumb;
  if (item.kind === 'image' && canPreview(item.file)) {
    item.objectUrl = URL.createObjectURL(item.file);
    thumb = el('img', { class: 'thumb', src: item.objectUrl, alt: '' });
  } else {
    thumb = el('span', { class: `thumb ${item.kind}`, 'aria-hidden': 'true', text: item.kind === 'video' ? '▶' : '?' });
  }
  const status = el('p', { class: 'file-status', text: t('file-status-queued') });
  const progress = el('progress', { max: '100', value: '0', 'aria-label': item.file.name });
  const explain = el('p', { class: 'file-explain', hidden: true });
  const remove = el('button', {
    type: 'button',
    class: 'link-button',
    text: t('file-remove', { name: item.file.name }),
    onclick: () => removeItem(item),
  });
  const kind = t(item.kind === 'video' ? 'file-kind-video' : 'file-kind-image');
  const root = el(
    'li',
    { class: 'file-item' },
    thumb,
    el('div', {}, el('p', { class: 'file-name' }, el('span', { class: 'visually-hidden', text: `${kind}: ` }), item.file.name), status, progress),
    explain,
    remove,
  );
  return { root, status, progress, explain, remove };
}

function startHashing(item) {
  const job = hasher.hash(item.file, (fraction) => {
    if (item.state === 'removed') return;
    item.state = 'hashing';
    const percent = Math.round(fraction * 100);
    item.view.progress.value = percent;
    item.view.status.textContent = t('file-status-hashing', { percent });
    refresh();
  });
  item.cancel = job.cancel;
  job.promise.then(
    (outcome) => {
      if (item.state === 'removed') return;
      item.result = outcome;
      item.state = isLowQuality(outcome, floor) ? 'low' : 'ready';
      showOutcome(item);
    },
    (error) => {
      if (item.state === 'removed') return;
      item.state = 'failed';
      item.code = (error && error.code) || 'internal';
      showOutcome(item);
    },
  );
}

function showOutcome(item) {
  const { root, status, progress, explain } = item.view;
  progress.hidden = true;
  if (item.state === 'ready') {
    status.textContent = t('file-status-ready');
    if (item.result.browser_decoded) {
      explain.textContent = t('file-browser-decoded');
      explain.hidden = false;
    }
  } else if (item.state === 'low') {
    root.classList.add('low');
    status.textContent = t('file-status-low-quality');
    explain.textContent = t('file-low-quality-explain');
    explain.hidden = false;
  } else {
    root.classList.add('failed');
    status.textContent = t('file-status-error');
    if (item.code === 'worker_unavailable') {
      hasherError.replaceChildren(el('p', { text: t('hasher-unavailable') }));
      hasherError.hidden = false;
    } else {
      explain.textContent = t(`error-file-${item.code}`);
      explain.hidden = false;
    }
  }
  refresh();
}

function removeItem(item) {
  const index = items.indexOf(item);
  if (index < 0) return;
  item.state = 'removed';
  if (item.cancel) item.cancel();
  if (item.objectUrl) URL.revokeObjectURL(item.objectUrl);
  item.view.root.remove();
  items.splice(index, 1);
  refresh();
  // Keep keyboard focus nearby: the next file's remove button, else the previous, else the
  // file chooser.
  const neighbour = items[index] || items[index - 1];
  if (neighbour) neighbour.view.remove.focus();
  else input.focus();
}

function refresh() {
  const ready = items.filter((item) => item.state === 'ready').length;
  const pending = items.filter((item) => item.state === 'queued' || item.state === 'hashing').length;
  empty.hidden = items.length > 0;
  summary.textContent = items.length ? t('files-summary', { ready, total: items.length }) : '';
  // The button stays usable (a disabled button cannot be focused and does not say why); a
  // press while files are pending, or when none can be used, explains instead.
  submit.disabled = submitting;
  submit.classList.toggle('waiting', ready === 0 || pending > 0);
  if (!submitting) submit.textContent = t('files-submit');
}

input.addEventListener('change', () => {
  addFiles(Array.from(input.files || []));
  // Let the same file be chosen again after removing it.
  input.value = '';
});

// Drag and drop where the browser supports it. Dropping anywhere else on the page must not
// open the file in the tab.
if ('ondrop' in dropzone) {
  document.getElementById('drop-hint').hidden = false;
  for (const type of ['dragenter', 'dragover']) {
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('dragover');
    });
  }
  for (const type of ['dragleave', 'dragend']) {
    dropzone.addEventListener(type, () => dropzone.classList.remove('dragover'));
  }
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('dragover');
    if (event.dataTransfer) addFiles(Array.from(event.dataTransfer.files || []));
  });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
}

submit.addEventListener('click', async () => {
  if (submitting) return;
  const ready = items.filter((item) => item.state === 'ready');
  if (items.some((item) => item.state === 'queued' || item.state === 'hashing')) {
    showSubmitError(t('files-waiting'));
    return;
  }
  if (ready.length === 0) {
    showSubmitError(t('files-need-one'));
    return;
  }
  submitting = true;
  submitError.hidden = true;
  submit.textContent = t('files-submitting');
  refresh();
  const response = await postJson(data.api.cases, {
    attestations: data.attestations,
    items: ready.map((item) => toCaseItem(item.result)),
  });
  submitting = false;
  if (!response.ok || !response.body || !response.body.case_number || !response.body.pin) {
    refresh();
    showSubmitError(errorMessage(response.ok ? 'unknown' : response.code));
    return;
  }
  // The case exists: forget the files and their previews, and show the codes once.
  for (const item of items) {
    item.state = 'removed';
    if (item.objectUrl) URL.revokeObjectURL(item.objectUrl);
  }
  items.length = 0;
  hasher.terminate();
  chooser.remove();
  showCredentials(
    result,
    { caseNumber: response.body.case_number, pin: response.body.pin },
    { statusUrl: data.statusUrl, helpUrl: data.helpUrl },
  );
});

function showSubmitError(message) {
  submitError.replaceChildren(el('p', { text: message }));
  submitError.hidden = false;
  focusElement(submitError);
}

refresh();
