// The hashing WebAssembly (`pdq.wasm`, built from crates/pdq-wasm by scripts/build-wasm) behind a
// small JavaScript API. The ABI (exported functions, memory ownership, numbers) is documented in
// crates/pdq-wasm/src/lib.rs. No DOM here: the hashing worker uses it, and so do the Node tests
// that check the committed `.wasm` against `empreinte hash`.

/** What `sniff` says a file is (the ABI's numbers). */
export const FILE_KIND = Object.freeze({
  unknown: 0,
  image: 1, // decoded here: JPEG, PNG, WebP, GIF, BMP, TIFF
  heif: 2, // HEIC/HEIF: only a browser may decode it
  browserImage: 3, // AVIF, JPEG XL, JPEG 2000: only a browser may decode it
  unsupportedImage: 4, // an image format nothing here decodes
  video: 5,
});

/** How many leading bytes `sniff` needs. */
export const HEAD_LEN = 512;

const DECODE_ERRORS = { 1: 'decode_failed', 2: 'unsupported_format', 3: 'too_large' };
const CONVENTIONS = ['reference', 'full-resolution'];

/** A failure with one of the worker protocol's codes (`decode_failed`, `too_large`, ...). */
export class HasherError extends Error {
  constructor(code, message = code) {
    super(message);
    this.name = 'HasherError';
    this.code = code;
  }
}

const ascii = new TextDecoder('ascii');

/**
 * One instance of the module. After a trap (a `WebAssembly.RuntimeError`: a bug, or memory
 * exhausted) the instance must be thrown away: `trapCode()` says which it was, and
 * `WasmHasher.instantiate(module)` makes a fresh one from the compiled module.
 */
export class WasmHasher {
  /** Compiles and instantiates from a `fetch()` response (streaming) or from bytes. */
  static async load(source) {
    const { module } =
      source instanceof ArrayBuffer || ArrayBuffer.isView(source)
        ? await WebAssembly.instantiate(source, {})
        : await WebAssembly.instantiateStreaming(source, {});
    return WasmHasher.instantiate(module);
  }

  /** A fresh instance of an already compiled module. */
  static async instantiate(module) {
    const instance = await WebAssembly.instantiate(module, {});
    return new WasmHasher(module, instance);
  }

  constructor(module, instance) {
    this.module = module;
    this.exports = instance.exports;
    this.imageByteLimit = this.exports.hasher_image_byte_limit() >>> 0;
    this.imagePixelLimit = this.exports.hasher_image_pixel_limit() >>> 0;
    this.imageMinSide = this.exports.hasher_image_min_side() >>> 0;
  }

  /** Bytes of linear memory in use (it grows, never shrinks). */
  get memoryBytes() {
    return this.exports.memory.buffer.byteLength;
  }

  /** After a trap: `too_large` when an allocation failed (not enough memory), else `internal`. */
  trapCode() {
    try {
      return this.exports.hasher_out_of_memory() ? 'too_large' : 'internal';
    } catch {
      return 'internal';
    }
  }

  /** `len` bytes of module memory; throws `too_large` when there is no room. */
  allocate(len) {
    const ptr = this.exports.hasher_alloc(len) >>> 0;
    if (ptr === 0) throw new HasherError('too_large', `no room for ${len} bytes`);
    return ptr;
  }

  free(ptr, len) {
    this.exports.hasher_free(ptr, len);
  }

  /** Copies `bytes` into module memory at `ptr` (a fresh view: memory may have grown). */
  write(ptr, bytes) {
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
  }

  /** Reads `len` ASCII bytes at `ptr`. */
  readAscii(ptr, len) {
    return ascii.decode(new Uint8Array(this.exports.memory.buffer, ptr, len));
  }

  /** The FILE_KIND of a file whose first bytes (up to HEAD_LEN) are `head`. */
  sniff(head) {
    const ptr = this.allocate(head.length);
    try {
      this.write(ptr, head);
      return this.exports.hasher_sniff(ptr, head.length);
    } finally {
      this.free(ptr, head.length);
    }
  }

  /**
   * Decodes an image file whose `size` bytes `fill(ptr)` writes into module memory (so the
   * caller can read the file in chunks straight into it). Returns an image handle for
   * `hashImage`; throws a HasherError.
   */
  async decodeImage(size, fill) {
    if (size > this.imageByteLimit) throw new HasherError('too_large', `${size} bytes`);
    if (size === 0) throw new HasherError('decode_failed', 'empty file');
    const ptr = this.allocate(size);
    try {
      await fill(ptr);
      const image = this.exports.hasher_image_decode(ptr, size) >>> 0;
      if (image === 0) {
        const code = DECODE_ERRORS[this.exports.hasher_last_error()] || 'internal';
        throw new HasherError(code);
      }
      return image;
    } finally {
      this.free(ptr, size);
    }
  }

  /** Decodes an image file held in `bytes` (a Uint8Array). */
  decodeImageBytes(bytes) {
    return this.decodeImage(bytes.length, async (ptr) => this.write(ptr, bytes));
  }

  /** An image handle for RGBA pixels a browser decoded (`width * height * 4` bytes). */
  imageFromRgba(rgba, width, height) {
    if (width * height > this.imagePixelLimit) throw new HasherError('too_large', `${width}x${height}`);
    const len = width * height * 4;
    if (rgba.length !== len || len === 0) throw new HasherError('decode_failed', 'wrong pixel count');
    const ptr = this.allocate(len);
    this.write(ptr, rgba);
    // The module owns the buffer from here on, whatever the outcome.
    const image = this.exports.hasher_image_from_rgba(ptr, width, height) >>> 0;
    if (image === 0) throw new HasherError(DECODE_ERRORS[this.exports.hasher_last_error()] || 'internal');
    return image;
  }

  imageSize(image) {
    return { width: this.exports.hasher_image_width(image) >>> 0, height: this.exports.hasher_image_height(image) >>> 0 };
  }

  /** The PDQ signal of an image handle under one convention ('reference', 'full-resolution'). */
  hashImage(image, convention) {
    const index = CONVENTIONS.indexOf(convention);
    if (index < 0) throw new HasherError('internal', `unknown convention ${convention}`);
    const out = this.allocate(64);
    try {
      const quality = this.exports.hasher_image_hash(image, index, out);
      return { type: 'pdq', convention, hash: this.readAscii(out, 64), quality };
    } finally {
      this.free(out, 64);
    }
  }

  freeImage(image) {
    this.exports.hasher_image_free(image);
  }

  /**
   * The worker protocol's image result for an image handle (both conventions). An image too
   * small to fingerprint (PDQ would give the all-zero hash) is `too_small`.
   */
  imageResult(image, onStep = () => {}) {
    const size = this.imageSize(image);
    if (size.width < this.imageMinSide || size.height < this.imageMinSide) {
      throw new HasherError('too_small', `${size.width}x${size.height}`);
    }
    const signals = [];
    for (const convention of CONVENTIONS) {
      signals.push(this.hashImage(image, convention));
      onStep(convention);
    }
    return { kind: 'image', ...size, signals };
  }

  /**
   * An incremental MD5: `{ update(bytes), finish() -> hex, dispose() }`. Call `finish` once, or
   * `dispose` to give the state back without a digest (after a cancellation).
   */
  md5() {
    const state = this.exports.hasher_md5_new() >>> 0;
    if (state === 0) throw new HasherError('too_large');
    let scratch = 0;
    let scratchLen = 0;
    const release = () => {
      if (scratch) this.free(scratch, scratchLen);
      scratch = 0;
    };
    return {
      update: (bytes) => {
        if (bytes.length > scratchLen) {
          release();
          scratchLen = bytes.length;
          scratch = this.allocate(scratchLen);
        }
        this.write(scratch, bytes);
        this.exports.hasher_md5_update(state, scratch, bytes.length);
      },
      dispose: () => {
        release();
        const out = this.allocate(32);
        this.exports.hasher_md5_finish(state, out);
        this.free(out, 32);
      },
      finish: () => {
        release();
        const out = this.allocate(32);
        try {
          this.exports.hasher_md5_finish(state, out);
          return this.readAscii(out, 32);
        } finally {
          this.free(out, 32);
        }
      },
    };
  }
}
