// What the command line computes, to hold the browser's hashes against: `empreinte hash`, built
// from this checkout (or the binary named by E2E_EMPREINTE).

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot, testdata } from './harness.js';

let binary = null;

/** The path of an `empreinte` binary of this checkout, built (debug) on first use. */
export function empreinteBinary() {
  if (process.env.E2E_EMPREINTE) return process.env.E2E_EMPREINTE;
  if (!binary) {
    execFileSync('cargo', ['build', '-q', '-p', 'empreinte'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    binary = join(repoRoot, 'target', 'debug', 'empreinte');
  }
  return binary;
}

/**
 * `empreinte hash --convention both --json` of each path: a Map from path to
 * `{ width, height, signals: { reference: { hash, quality }, 'full-resolution': {...} } }`, or to
 * `{ error }` for a file it could not hash.
 */
export function nativeHashes(paths) {
  const run = spawnSync(empreinteBinary(), ['hash', '--convention', 'both', '--json', ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`empreinte hash failed (${run.status}): ${run.stderr}`);
  const hashes = new Map();
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const record = JSON.parse(line);
    const entry = hashes.get(record.path) || { width: record.width, height: record.height, signals: {} };
    entry.signals[record.convention] = { hash: record.hash, quality: record.quality };
    hashes.set(record.path, entry);
  }
  for (const path of paths) if (!hashes.has(path)) hashes.set(path, { error: run.stderr });
  return hashes;
}

/** Every PDQ test image of the shared test data (sorted), or [] when it is missing. */
export function pdqTestImages() {
  const folder = join(testdata, 'pdq', 'images');
  try {
    return readdirSync(folder)
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** The shared test videos and the MD5 of each (from vpdq/md5.txt). */
export function videosWithMd5() {
  const listing = readFileSync(join(testdata, 'vpdq', 'md5.txt'), 'utf8');
  return listing
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [md5, name] = line.trim().split(/\s+/);
      return { path: join(testdata, 'vpdq', 'videos', name), md5 };
    });
}
