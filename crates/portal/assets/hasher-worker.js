// The hashing Web Worker (a module worker): fingerprints the files a person chose, on their
// device, with the WebAssembly build of Empreinte's own decoders and PDQ (pdq.wasm, from
// crates/pdq-wasm; pdq-baseline.wasm where the browser lacks SIMD), so that the page stays responsive and the hashes are bit for bit those of
// `empreinte hash`. The message protocol is described in hasher-protocol.js.
//
// - Images (JPEG, PNG, WebP, GIF, BMP, TIFF) are decoded in WebAssembly, never through a canvas:
//   privacy-minded browsers deliberately alter the pixels a canvas gives back.
// - HEIC/HEIF photos (and AVIF, JPEG XL, JPEG 2000) are not decoded by our code; where the
//   browser can decode them (Safari for HEIC), its pixels are hashed and the result says
//   `browser_decoded: true`; where it cannot, the answer is `heic_unsupported` (or
//   `unsupported_format`).
// - Videos get the MD5 of their bytes, read 8 MB at a time so a 2 GB video never sits in memory.
//
// Files are handled one at a time, in the order they arrive; progress is reported per chunk read
// and per step.

import { FILE_KIND, HEAD_LEN, HasherError, WasmHasher } from './hasher-wasm.js';

// With SIMD128 (Chrome/Edge 91, Firefox 89, Safari 16.4) hashing takes about half the time; older
// browsers get the same code built without it. The probe is a one-function module that uses a
// SIMD instruction (i8x16.splat).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11]);
const WASM_URL = WebAssembly.validate(SIMD_PROBE)
  ? new URL('./pdq.wasm', import.meta.url)
  : new URL('./pdq-baseline.wasm', import.meta.url);
/** Bytes read from a file at a time. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** After a job that grew the module's memory past this, start afresh to give the memory back. */
const MEMORY_KEPT_BYTES = 256 * 1024 * 1024;
const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|wmv|3gp|3g2|mpe?g|mts|m2ts|ts|flv|ogv)$/i;

/** Thrown when the page cancelled the job: nothing more is sent for it. */
class Cancelled extends Error {}

// Compile while the person is still choosing files.
let hasherPromise = WasmHasher.load(fetch(WASM_URL));
let compiledModule = null;
hasherPromise.then(
  (hasher) => {
    compiledModule = hasher.module;
  },
  () => {},
);

/** The live instance (a fresh one after a trap or after a large job). */
async function hasher(id) {
  try {
    return await hasherPromise;
  } catch (error) {
    // The module cannot be fetched or compiled: the page must learn that the worker is
    // unusable (an error event on the Worker object, upon which it stops this worker), not
    // wait for results forever. Should that event not reach it, the job still gets an answer.
    const failure = new Error(`the WebAssembly hasher could not be loaded: ${error && error.message}`);
    if (typeof self.reportError === 'function') self.reportError(failure);
    else setTimeout(() => { throw failure; });
    setTimeout(() => self.postMessage({ id, error: { code: 'internal' } }), 2000);
    throw new Cancelled();
  }
}

function renew() {
  hasherPromise = compiledModule ? WasmHasher.instantiate(compiledModule) : WasmHasher.load(fetch(WASM_URL));
}

const queue = [];
const cancelled = new Set();
let running = false;

self.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || !Number.isInteger(message.id)) return;
  if (message.cancel) {
    cancelled.add(message.id);
    return;
  }
  if (!(message.file instanceof Blob)) {
    self.postMessage({ id: message.id, error: { code: 'internal' } });
    return;
  }
  queue.push(message);
  if (!running) run();
});

async function run() {
  running = true;
  while (queue.length > 0) {
    const { id, file } = queue.shift();
    if (!cancelled.delete(id)) await handle(id, file);
  }
  running = false;
}

async function handle(id, file) {
  const check = () => {
    if (cancelled.has(id)) throw new Cancelled();
  };
  const progress = (fraction) => {
    check();
    self.postMessage({ id, progress: Math.min(1, Math.max(0, fraction)) });
  };
  let wasm = null;
  try {
    wasm = await hasher(id);
    check();
    if (file.size === 0) throw new HasherError('decode_failed', 'empty file');
    const head = await read(file, 0, Math.min(file.size, HEAD_LEN));
    check();
    let kind = wasm.sniff(head);
    if (kind === FILE_KIND.unknown && (file.type.startsWith('video/') || VIDEO_EXTENSIONS.test(file.name))) {
      // Not a container we recognise, but the person says it is a video: its MD5 is still the
      // signal platforms match exact copies with.
      kind = FILE_KIND.video;
    }
    let result;
    if (kind === FILE_KIND.image) result = await hashImageFile(wasm, file, progress);
    else if (kind === FILE_KIND.video) result = await hashVideoFile(wasm, file, progress);
    else if (kind === FILE_KIND.heif || kind === FILE_KIND.browserImage) {
      result = await hashBrowserDecodedImage(wasm, file, progress, kind === FILE_KIND.heif ? 'heic_unsupported' : 'unsupported_format');
    } else throw new HasherError('unsupported_format');
    check();
    self.postMessage({ id, result });
  } catch (error) {
    if (error instanceof Cancelled) return;
    let code = 'internal';
    if (error instanceof HasherError) code = error.code;
    else if (error instanceof WebAssembly.RuntimeError && wasm) {
      // A trap: memory exhausted (the image is too large for this device) or a bug. The
      // instance may be in any state; never use it again.
      code = wasm.trapCode();
      wasm = null;
      renew();
    }
    if (!cancelled.has(id)) self.postMessage({ id, error: { code } });
  } finally {
    cancelled.delete(id);
    if (wasm && wasm.memoryBytes > MEMORY_KEPT_BYTES) renew();
  }
}

/**
 * Lets waiting messages in (a cancel for the job in hand) before a long synchronous step: the
 * WebAssembly calls do not yield, so this is where a removed file stops being worked on.
 */
function yieldToMessages() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `length` bytes of `file` from `offset`; a failure to read is `read_failed`. */
async function read(file, offset, length) {
  try {
    return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
  } catch (error) {
    throw new HasherError('read_failed', error && error.message);
  }
}

async function hashImageFile(wasm, file, progress) {
  // Reading takes the first 30%, decoding up to 70%, then each convention.
  const image = await wasm.decodeImage(file.size, async (ptr) => {
    for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
      const chunk = await read(file, offset, CHUNK_BYTES);
      if (chunk.length === 0) throw new HasherError('read_failed', 'the file shrank while being read');
      wasm.write(ptr + offset, chunk);
      progress((0.3 * (offset + chunk.length)) / file.size);
    }
    await yieldToMessages();
    progress(0.3);
  });
  try {
    await yieldToMessages();
    progress(0.7);
    return wasm.imageResult(image, (convention) => progress(convention === 'reference' ? 0.85 : 1));
  } finally {
    wasm.freeImage(image);
  }
}

async function hashVideoFile(wasm, file, progress) {
  const md5 = wasm.md5();
  let finished = false;
  try {
    for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
      const chunk = await read(file, offset, CHUNK_BYTES);
      if (chunk.length === 0) throw new HasherError('read_failed', 'the file shrank while being read');
      md5.update(chunk);
      progress((offset + chunk.length) / file.size);
    }
    finished = true;
    return { kind: 'video', signals: [{ type: 'video_md5', hash: md5.finish() }] };
  } finally {
    if (!finished) md5.dispose();
  }
}

/**
 * HEIC and the other formats our decoders lack: the browser decodes them where it can, and its
 * RGBA pixels are hashed. Such results are marked `browser_decoded`, because a browser that
 * alters canvas pixels for privacy (anti-fingerprinting) changes them slightly.
 */
async function hashBrowserDecodedImage(wasm, file, progress, unsupportedCode) {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    throw new HasherError(unsupportedCode, 'no image decoding in this worker');
  }
  let bitmap;
  try {
    // As the person sees it (EXIF orientation), with the stored colour values (no colour
    // management, as our own decoders do).
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch {
    // A browser that refuses one of these options may still decode the file with its defaults.
    try {
      bitmap = await createImageBitmap(file);
    } catch (error) {
      throw new HasherError(unsupportedCode, error && error.message);
    }
  }
  let image;
  try {
    const { width, height } = bitmap;
    if (width * height > wasm.imagePixelLimit) throw new HasherError('too_large', `${width}x${height}`);
    progress(0.5);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new HasherError(unsupportedCode, 'no 2D context');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, width, height).data;
    image = wasm.imageFromRgba(pixels, width, height);
  } finally {
    bitmap.close();
  }
  try {
    await yieldToMessages();
    progress(0.7);
    const result = wasm.imageResult(image, (convention) => progress(convention === 'reference' ? 0.85 : 1));
    return { ...result, browser_decoded: true };
  } finally {
    wasm.freeImage(image);
  }
}
