// The browser tests' harness: one server and one headless Debian Chromium per test file.
//
// Which server the tests run against is one setting:
//   neither of the below                  build this checkout's `empreinte` and run
//                                         `empreinte serve` on a free port, with its own SQLite
//                                         data folder (removed afterwards) and two platforms
//                                         added through `empreinte admin` (their keys let the
//                                         tests report feedback through the platform API);
//   E2E_BASE_URL=http://127.0.0.1:8080/   use a server that is already running (tests that need
//                                         a platform key are skipped);
//   E2E_SERVER_CMD='...'                  start this command (from the repository root) and use
//                                         the first http:// address it prints (idem).
// E2E_CHROMIUM overrides the browser path (default /usr/bin/chromium).

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { empreinteBinary } from './native.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const artifacts = resolve(here, '..', 'artifacts');
export const testdata = resolve(repoRoot, '..', 'shared', 'testdata');

export const LANGS = ['fr', 'nl', 'de', 'en'];
export const WIDTHS = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** The platforms a test server knows, as the home page lists them. */
export const TEST_PLATFORMS = ['Example Social', 'Example Video'];

/**
 * Starts (or finds) the server; resolves to `{ baseUrl, stop, platformKeys }`, where
 * `platformKeys` maps each of TEST_PLATFORMS to its API key (empty for a server the harness did
 * not set up).
 */
export async function startServer() {
  if (process.env.E2E_BASE_URL) {
    const baseUrl = new URL(process.env.E2E_BASE_URL).origin;
    return { baseUrl, stop: async () => {}, platformKeys: {} };
  }
  if (process.env.E2E_SERVER_CMD) {
    const child = spawn(process.env.E2E_SERVER_CMD, { cwd: repoRoot, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ...(await serving(child, process.env.E2E_SERVER_CMD)), platformKeys: {} };
  }

  const binary = empreinteBinary();
  const dataDir = mkdtempSync(join(tmpdir(), 'empreinte-e2e-'));
  const platformKeys = {};
  for (const name of TEST_PLATFORMS) {
    // The key is the one line on stdout; the explanation goes to stderr.
    platformKeys[name] = execFileSync(binary, ['admin', '--data-dir', dataDir, 'platform', 'add', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  }
  const child = spawn(binary, ['serve', '--data-dir', dataDir, '--listen', '127.0.0.1:0'], {
    cwd: dataDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EMPREINTE_LOG: 'info' },
  });
  const { baseUrl, stop } = await serving(child, `${binary} serve`);
  return {
    baseUrl,
    platformKeys,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for `child` to print the address it serves on; resolves to `{ baseUrl, stop }`. */
async function serving(child, what) {
  let output = '';
  const baseUrl = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address from "${what}" after 600 s:\n${output}`)), 600_000);
    const look = (chunk) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/[0-9a-zA-Z.[\]:-]+/);
      if (match) {
        clearTimeout(timer);
        resolvePromise(new URL(match[0]).origin);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`"${what}" exited with ${code} before serving:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    // The whole process group (a command may have started the server through a shell or cargo).
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
  };
  return { baseUrl, stop };
}

/**
 * What a platform does through the StopNCII-compatible API: reports `feedbackValue` (Blocked,
 * NotBlocked, PendingReview, ...) on a hash, with its API key.
 */
export async function submitFeedback(server, platform, hashValue, feedbackValue) {
  const response = await fetch(`${server.baseUrl}/v1/SubmitFeedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Ocp-Apim-Subscription-Key': server.platformKeys[platform] },
    body: JSON.stringify({ count: 1, hashFeedbacks: [{ hashValue, feedbackValue, tags: [] }] }),
  });
  if (!response.ok) throw new Error(`SubmitFeedback answered ${response.status}: ${await response.text()}`);
}

/** Launches Debian's Chromium, headless, with nothing that calls home. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page that records every request it makes, every CSP violation and every script error.
 * `options` go to browser.newContext (viewport, locale, ...).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const record = { requests: [], problems: [] };
  context.on('request', (request) => {
    record.requests.push({ method: request.method(), url: request.url(), body: request.postDataBuffer() });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) record.problems.push(`CSP: ${text}`);
    else if (message.type() === 'error' && !/Failed to load resource/.test(text)) record.problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => record.problems.push(`script error: ${error.message}`));
  return { context, page, record };
}

/** The requests of a record that leave the server's origin (blob: and data: stay on the device). */
export function offOrigin(record, baseUrl) {
  return record.requests.filter((request) => {
    const url = new URL(request.url);
    if (url.protocol === 'blob:' || url.protocol === 'data:') return false;
    return url.origin !== baseUrl;
  });
}

/** The path of a file under artifacts/, its folder created. */
export function artifactPath(relativePath) {
  const path = join(artifacts, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** Writes a file under artifacts/, creating folders. */
export function saveArtifact(relativePath, content) {
  const path = join(artifacts, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/**
 * The path of a file of the shared test data. When the folder is missing the test is skipped
 * with a clear message, except on CI (env CI set), where it fails.
 */
export function testFile(t, relative) {
  const path = join(testdata, relative);
  if (existsSync(path)) return path;
  const message = `shared test data missing: ${path}`;
  if (process.env.CI) throw new Error(message);
  t.skip(message);
  return null;
}

/** Every 64-byte run of `body` that also occurs in `file` (Rabin-Karp over the file). */
export function sharedRuns(body, file, size = 64) {
  if (body.length < size || file.length < size) return 0;
  const base = 257;
  const mod = 1_000_000_007;
  let power = 1;
  for (let i = 0; i < size - 1; i++) power = (power * base) % mod;
  const hashes = new Map();
  const hashOf = (buffer, start) => {
    let h = 0;
    for (let i = start; i < start + size; i++) h = (h * base + buffer[i]) % mod;
    return h;
  };
  for (let start = 0; start + size <= body.length; start++) hashes.set(hashOf(body, start), start);
  let h = hashOf(file, 0);
  let count = 0;
  for (let start = 0; ; start++) {
    if (hashes.has(h) && file.subarray(start, start + size).equals(body.subarray(hashes.get(h), hashes.get(h) + size))) count++;
    if (start + size >= file.length) break;
    h = (h - ((file[start] * power) % mod) + mod) % mod;
    h = (h * base + file[start + size]) % mod;
  }
  return count;
}
