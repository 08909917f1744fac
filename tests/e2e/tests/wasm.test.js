// The committed WebAssembly hashers (crates/portal/assets/pdq.wasm and pdq-baseline.wasm), run by
// Node's V8 (the engine of Chromium) through the same glue as the browser worker (hasher-wasm.js):
// they must hash every test image exactly as the native `empreinte hash` does, both conventions,
// and give each test video the MD5 of vpdq/md5.txt. This vouches for the committed files even on a
// machine whose Rust toolchain would build different bytes (scripts/build-wasm --check).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';

import { repoRoot, testFile } from '../lib/harness.js';
import { nativeHashes, pdqTestImages, videosWithMd5 } from '../lib/native.js';

const { FILE_KIND, HasherError, WasmHasher } = await import(resolve(repoRoot, 'crates/portal/assets/hasher-wasm.js'));

// Both committed builds: with SIMD128 (what current browsers load) and without (older browsers).
const VARIANTS = ['pdq.wasm', 'pdq-baseline.wasm'];
const hashers = {};
let hasher;

before(async () => {
  for (const name of VARIANTS) {
    hashers[name] = await WasmHasher.load(readFileSync(resolve(repoRoot, 'crates/portal/assets', name)));
  }
  hasher = hashers['pdq.wasm'];
});

/** The wasm's answer for an image file: the protocol's result, or { error: code }. */
async function wasmImage(bytes, hasher = hashers['pdq.wasm']) {
  let image;
  try {
    image = await hasher.decodeImageBytes(bytes);
    return hasher.imageResult(image);
  } catch (error) {
    if (error instanceof HasherError) return { error: error.code };
    throw error;
  } finally {
    if (image) hasher.freeImage(image);
  }
}

for (const variant of VARIANTS) test(`the committed ${variant} hashes every test image exactly as \`empreinte hash\``, async (t) => {
  if (!testFile(t, 'pdq/images')) return;
  const paths = pdqTestImages();
  assert.ok(paths.length >= 50, `${paths.length} test images`);
  const native = nativeHashes(paths);
  let compared = 0;
  for (const path of paths) {
    const bytes = new Uint8Array(readFileSync(path));
    assert.equal(hasher.sniff(bytes.subarray(0, 512)), FILE_KIND.image, path);
    const expected = native.get(path);
    const got = await wasmImage(bytes, hashers[variant]);
    assert.ok(!expected.error, `${path}: the CLI failed: ${expected.error}`);
    if (expected.width < 5 || expected.height < 5) {
      // PDQ gives the all-zero hash there; the browser says "too small" instead.
      assert.equal(expected.signals.reference.quality, 0, path);
      assert.deepEqual(got, { error: 'too_small' }, path);
      continue;
    }
    assert.equal(got.kind, 'image', `${path}: ${JSON.stringify(got)}`);
    assert.deepEqual([got.width, got.height], [expected.width, expected.height], path);
    for (const signal of got.signals) {
      assert.deepEqual({ hash: signal.hash, quality: signal.quality }, expected.signals[signal.convention], `${path} ${signal.convention}`);
    }
    assert.deepEqual(got.signals.map((s) => s.convention), ['reference', 'full-resolution']);
    compared++;
  }
  t.diagnostic(`${compared} images identical in both conventions, ${paths.length - compared} too small`);
  // The conventions do differ on large photos, so the comparison is not vacuous.
  const large = native.get(paths.find((p) => p.endsWith('exif-rotn__exif-rotn-6.jpg')));
  assert.notEqual(large.signals.reference.hash, large.signals['full-resolution'].hash);
});

test('the committed wasm gives each test video the MD5 of md5.txt, fed in chunks', async (t) => {
  if (!testFile(t, 'vpdq/md5.txt')) return;
  const videos = videosWithMd5();
  assert.ok(videos.length > 0);
  for (const { path, md5 } of videos) {
    const bytes = new Uint8Array(readFileSync(path));
    assert.equal(hasher.sniff(bytes.subarray(0, 512)), FILE_KIND.video, path);
    const state = hasher.md5();
    // Uneven chunks, across which MD5's 64-byte blocks straddle.
    for (let offset = 0, size = 1; offset < bytes.length; offset += size, size = size * 3 + 7) {
      state.update(bytes.subarray(offset, offset + size));
    }
    assert.equal(state.finish(), md5, path);
  }
});

test('broken, foreign and hostile files get the protocol codes, and the module stays usable', async (t) => {
  const photoPath = testFile(t, 'pdq/images/bridge-mods__aaa-orig.jpg');
  if (!photoPath) return;
  const photo = new Uint8Array(readFileSync(photoPath));
  assert.deepEqual(await wasmImage(photo.subarray(0, photo.length / 3)), { error: 'decode_failed' });
  assert.deepEqual(await wasmImage(new TextEncoder().encode('not an image at all')), { error: 'unsupported_format' });
  // A PNG whose header announces 50 000 x 50 000 pixels: refused before anything is allocated.
  const bomb = new Uint8Array(readFileSync(testFile(t, 'pdq/images/synthetic__noise-16x16.png')));
  new DataView(bomb.buffer, bomb.byteOffset).setUint32(16, 50_000);
  new DataView(bomb.buffer, bomb.byteOffset).setUint32(20, 50_000);
  assert.deepEqual(await wasmImage(bomb), { error: 'too_large' });
  // HEIC is recognised (for the browser to try), not mistaken for a video or garbage.
  const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic')]);
  assert.equal(hasher.sniff(heic), FILE_KIND.heif);
  // Pixels handed over by a browser (HEIC in Safari): hashed like any other, sizes checked.
  const rgba = new Uint8Array(64 * 48 * 4).map((_, i) => (i * 2654435761) >>> 24);
  const fromRgba = hasher.imageFromRgba(rgba, 64, 48);
  const browserResult = hasher.imageResult(fromRgba);
  hasher.freeImage(fromRgba);
  assert.deepEqual([browserResult.width, browserResult.height], [64, 48]);
  assert.ok(browserResult.signals.every((s) => /^[0-9a-f]{64}$/.test(s.hash) && s.quality > 50), JSON.stringify(browserResult));
  assert.throws(() => hasher.imageFromRgba(rgba, 64, 47), { code: 'decode_failed' });
  assert.throws(() => hasher.imageFromRgba(rgba, 20_000, 20_000), { code: 'too_large' });
  const decoded = await hasher.decodeImageBytes(photo);
  const fromPhoto = hasher.imageResult(decoded);
  hasher.freeImage(decoded);
  // After all that, memory is still bounded and hashing still works.
  assert.deepEqual((await wasmImage(photo)).signals, fromPhoto.signals);
  assert.ok(hasher.memoryBytes < 256 * 1024 * 1024, `${hasher.memoryBytes} bytes of memory`);
});
