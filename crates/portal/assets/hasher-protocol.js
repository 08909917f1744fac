// The message protocol between the portal's pages and the hashing Web Worker
// (`hasher-worker.js`, provided by the WebAssembly build), and the page's side of it.
// The worker is started as a module worker (`new Worker(url, { type: 'module' })`) from the
// URL the page gives (`workerUrl` in the page data); it loads its WebAssembly from this origin.
//
// Page -> worker
//   { id, file }            Fingerprint this File. `id` is a positive integer chosen by the
//                           page, unique for the page's lifetime. The worker reads the file
//                           itself; nothing leaves the device.
//   { id, cancel: true }    The person removed the file: stop and send nothing more for `id`.
//
// Worker -> page: any number of progress messages, then exactly one result or error per id.
//   { id, progress }        A number from 0 to 1.
//   { id, result: { kind: 'image', width, height, signals: [
//       { type: 'pdq', convention: 'reference',       hash, quality },
//       { type: 'pdq', convention: 'full-resolution', hash, quality } ],
//       browser_decoded } }   `browser_decoded` is true when the browser, not our own decoder,
//                           turned the file into pixels (HEIC in Safari): canvas-altering
//                           privacy settings may then have changed them slightly.
//   { id, result: { kind: 'video', signals: [ { type: 'video_md5', hash } ] } }
//   { id, error: { code } } `code` is one of HASHER_ERROR_CODES.
//
// `hash` is lowercase hexadecimal: 64 digits for PDQ (256 bits), 32 for MD5. `quality` is PDQ's
// quality, an integer from 0 to 100. `width` and `height` are the image's size after EXIF
// orientation. The signals are exactly what `POST /api/v1/cases` takes as an item's `signals`.

/** Error codes a worker may answer with (and `worker_unavailable`, raised on this side). */
export const HASHER_ERROR_CODES = [
  'decode_failed', // the bytes are not a readable image or video (corrupt, truncated)
  'heic_unsupported', // a HEIC/HEIF photo this browser cannot decode
  'internal', // a bug or an unexpected failure in the worker
  'read_failed', // the file could not be read (moved, deleted, permission)
  'too_large', // over the size or pixel limits (decompression bombs), or this device's memory
  'too_small', // an image less than 5 pixels wide or high: nothing to fingerprint
  'unsupported_format', // a type of file the hasher does not handle
];

/** PDQ quality below which an image's fingerprint is not used (featureless images). */
export const QUALITY_FLOOR = 50;

const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;

/**
 * Checks that a worker's result has the shape above, so that nothing malformed reaches the
 * API. Returns the result, or null when it is malformed.
 */
export function checkResult(result) {
  if (!result || !Array.isArray(result.signals) || result.signals.length === 0) return null;
  if (result.kind === 'image') {
    const conventions = new Set();
    for (const signal of result.signals) {
      const ok =
        signal.type === 'pdq' &&
        (signal.convention === 'reference' || signal.convention === 'full-resolution') &&
        typeof signal.hash === 'string' &&
        HEX64.test(signal.hash) &&
        Number.isInteger(signal.quality) &&
        signal.quality >= 0 &&
        signal.quality <= 100;
      if (!ok) return null;
      conventions.add(signal.convention);
    }
    return conventions.size === result.signals.length ? result : null;
  }
  if (result.kind === 'video') {
    const ok = result.signals.every(
      (signal) => signal.type === 'video_md5' && typeof signal.hash === 'string' && HEX32.test(signal.hash),
    );
    return ok ? result : null;
  }
  return null;
}

/**
 * Whether an image's fingerprints are too weak to use: any PDQ signal under the floor. Both
 * conventions are computed from the same pixels and differ little in quality; an image is sent
 * with both or not at all.
 */
export function isLowQuality(result, floor = QUALITY_FLOOR) {
  return result.kind === 'image' && result.signals.some((s) => s.type === 'pdq' && s.quality < floor);
}

/** The item of `POST /api/v1/cases` for a checked result. */
export function toCaseItem(result) {
  return {
    kind: result.kind,
    signals: result.signals.map((signal) =>
      signal.type === 'pdq'
        ? { type: 'pdq', convention: signal.convention, hash: signal.hash, quality: signal.quality }
        : { type: signal.type, hash: signal.hash },
    ),
  };
}

/**
 * The page's handle on the worker. The worker is started on first use; if it cannot start
 * (missing file, blocked, crashed), every pending and later job fails with
 * `worker_unavailable`.
 */
export class Hasher {
  constructor(workerUrl) {
    this.workerUrl = workerUrl;
    this.worker = null;
    this.failed = false;
    this.nextId = 1;
    this.jobs = new Map();
  }

  start() {
    if (this.worker || this.failed) return;
    try {
      this.worker = new Worker(this.workerUrl, { type: 'module', name: 'hasher' });
    } catch {
      this.fail();
      return;
    }
    this.worker.addEventListener('message', (event) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail();
    });
    this.worker.addEventListener('messageerror', () => this.fail());
  }

  fail() {
    this.failed = true;
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const job of this.jobs.values()) job.reject({ code: 'worker_unavailable' });
    this.jobs.clear();
  }

  receive(message) {
    if (!message || !this.jobs.has(message.id)) return;
    const job = this.jobs.get(message.id);
    if (typeof message.progress === 'number') {
      job.onProgress(Math.min(1, Math.max(0, message.progress)));
      return;
    }
    this.jobs.delete(message.id);
    if (message.error) {
      const code = HASHER_ERROR_CODES.includes(message.error.code) ? message.error.code : 'internal';
      job.reject({ code });
      return;
    }
    const result = checkResult(message.result);
    if (result) job.resolve(result);
    else job.reject({ code: 'internal' });
  }

  /**
   * Fingerprints `file`. Returns `{ promise, cancel }`; the promise resolves to the checked
   * result or rejects with `{ code }`. `onProgress(fraction)` is called as the worker reports.
   */
  hash(file, onProgress = () => {}) {
    const id = this.nextId++;
    let cancel = () => {};
    const promise = new Promise((resolve, reject) => {
      if (this.failed) {
        reject({ code: 'worker_unavailable' });
        return;
      }
      this.start();
      if (this.failed) {
        reject({ code: 'worker_unavailable' });
        return;
      }
      this.jobs.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, file });
      cancel = () => {
        if (this.jobs.delete(id) && this.worker) this.worker.postMessage({ id, cancel: true });
      };
    });
    return { promise, cancel: () => cancel() };
  }

  /** Stops the worker and forgets every job (after the case is created). */
  terminate() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.jobs.clear();
  }
}
