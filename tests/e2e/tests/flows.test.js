// The person's paths through the portal, in a real browser: the minor path, the keyboard, the
// quick exit, choosing files and creating a case, the status page and withdrawal, the letters.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';

import { LANGS, TEST_PLATFORMS, artifactPath, launchBrowser, offOrigin, openPage, repoRoot, saveArtifact, sharedRuns, startServer, submitFeedback, testFile } from '../lib/harness.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const caseRequests = (record) => record.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/v1/cases'));

test('under 18 when the images were made: the services for minors, and no case', async () => {
  const { context, page, record } = await openPage(browser);
  await page.goto(`${server.baseUrl}/en/eligibility`);
  await page.check('#age-minor');
  await page.check('#depicted');
  await page.check('#intimate');
  await Promise.all([page.waitForURL('**/en/minors'), page.click('button[type=submit]')]);
  assert.match(await page.textContent('main'), /116 000/);
  // "Not sure" goes the same way, even with nothing else answered.
  await page.goto(`${server.baseUrl}/fr/eligibility`);
  await page.check('#age-unsure');
  await Promise.all([page.waitForURL('**/fr/minors'), page.click('button[type=submit]')]);
  assert.deepEqual(caseRequests(record), [], 'no request to the case API');
  assert.deepEqual(record.requests.filter((r) => r.method !== 'GET'), [], 'nothing but page loads');
  assert.deepEqual(offOrigin(record, server.baseUrl), []);
  assert.deepEqual(record.problems, []);
  await context.close();
});

/** The element that has focus, described for assertions. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent || '').trim(),
      className: element.className,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });

test('the eligibility questions work with the keyboard alone, with visible focus', async () => {
  const { context, page, record } = await openPage(browser);
  await page.goto(`${server.baseUrl}/en/eligibility`);
  // The first stop is the skip link, and it takes you to the content.
  await page.keyboard.press('Tab');
  let now = await focused(page);
  assert.equal(now.className, 'skip-link');
  assert.ok(now.outline, 'focus is visible on the skip link');
  assert.ok(await page.isVisible('.skip-link'), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');

  // Tab to the first question, answer everything with the keyboard.
  for (let i = 0; i < 20 && (await focused(page)).id !== 'age-adult'; i++) await page.keyboard.press('Tab');
  now = await focused(page);
  assert.equal(now.id, 'age-adult', 'Tab reaches the age question');
  assert.ok(now.outline, 'focus is visible on the radio button');
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#age-adult'));
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'depicted', 'one Tab leaves the radio group');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'intimate');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  now = await focused(page);
  assert.equal(now.tag, 'button');
  assert.ok(now.outline, 'focus is visible on the button');
  await Promise.all([page.waitForURL(/\/en\/files\?/), page.keyboard.press('Enter')]);
  assert.equal(await page.textContent('h1'), await page.evaluate(() => document.querySelector('h1').textContent));

  // Sent without answers, the form explains what is missing, and the summary links to it.
  await page.goto(`${server.baseUrl}/en/eligibility`);
  for (let i = 0; i < 20 && (await focused(page)).tag !== 'button'; i++) await page.keyboard.press('Tab');
  await Promise.all([page.waitForURL(/step=check/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('.error-summary li').count(), 3);
  assert.deepEqual(record.problems, []);
  await context.close();
});

test('quick exit replaces the page, so Back does not return to it', async () => {
  const { context, page, record } = await openPage(browser);
  // The neutral site is answered locally: these tests never reach the internet.
  const exitUrl = await (async () => {
    await page.goto(`${server.baseUrl}/en/`);
    return page.getAttribute('#quick-exit', 'href');
  })();
  await context.route(`${new URL(exitUrl).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' }),
  );
  await page.goto(`${server.baseUrl}/en/help/police`);
  const lengthBefore = await page.evaluate(() => history.length);
  await Promise.all([page.waitForURL(`${exitUrl}**`), page.click('#quick-exit')]);
  assert.equal(await page.title(), 'Weather');
  assert.equal(await page.evaluate(() => history.length), lengthBefore, 'no new history entry');
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/en/', 'Back skips the page that was left');

  // The Escape key twice does the same, from any page.
  await page.goto(`${server.baseUrl}/de/help/support`);
  await page.keyboard.press('Escape');
  assert.equal(new URL(page.url()).pathname, '/de/help/support', 'one press is not enough');
  await Promise.all([page.waitForURL(`${exitUrl}**`), page.keyboard.press('Escape')]);
  await page.goBack();
  assert.notEqual(new URL(page.url()).pathname, '/de/help/support');

  const elsewhere = offOrigin(record, server.baseUrl).map((r) => r.url);
  assert.ok(elsewhere.every((url) => url.startsWith(exitUrl)), `only the exit leaves: ${elsewhere}`);
  assert.deepEqual(record.problems, []);
  await context.close();
});

test('choose files, create a case, see it, withdraw it; no file content leaves the page', async (t) => {
  const photo = testFile(t, 'pdq/images/bridge-mods__aaa-orig.jpg');
  const flat = testFile(t, 'pdq/images/synthetic__flat-grey-100.png');
  const video = testFile(t, 'vpdq/videos/chair-19-sd-bar.mp4');
  const extra = testFile(t, 'pdq/images/labelme-subset__q0122.jpg');
  if (!photo || !flat || !video || !extra) return;

  const { context, page, record } = await openPage(browser, { viewport: { width: 360, height: 780 } });
  await page.goto(`${server.baseUrl}/en/files?step=check&age=adult&depicted=yes&intimate=yes`);
  await page.setInputFiles('#file-input', [photo, flat, video, extra]);
  await page.waitForFunction(() => document.querySelectorAll('.file-item progress:not([hidden])').length === 0, null, { timeout: 120_000 });

  const items = page.locator('.file-item');
  assert.equal(await items.count(), 4);
  // Thumbnails are local blob: URLs; the video has an icon instead.
  const sources = await page.$$eval('.file-item img.thumb', (images) => images.map((image) => image.src));
  assert.equal(sources.length, 3);
  assert.ok(sources.every((src) => src.startsWith('blob:')), sources.join(' '));
  // The flat image is explained, not dropped silently.
  const low = page.locator('.file-item.low');
  assert.equal(await low.count(), 1);
  assert.match(await low.textContent(), /very plain/);
  assert.match(await low.textContent(), /synthetic__flat-grey-100\.png/);
  await page.screenshot({ path: artifactPath('screenshots/flow/files-chosen-phone.png'), fullPage: true });

  // Remove one file with the keyboard; focus stays in the list.
  await page.focus('.file-item:nth-child(4) .link-button');
  await page.keyboard.press('Enter');
  assert.equal(await items.count(), 3);
  assert.match((await page.evaluate(() => document.activeElement.textContent)) || '', /Remove/);

  await page.click('#submit');
  await page.waitForSelector('#result-heading', { timeout: 30_000 });
  const caseNumber = (await page.textContent('#case-number-value')).trim();
  const pin = (await page.textContent('#pin-value')).trim();
  assert.match(caseNumber, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  assert.match(pin, /^[0-9]{8}$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading', 'focus moves to the result');
  assert.equal(await page.locator('.file-item').count(), 0, 'the files are forgotten');
  await page.screenshot({ path: artifactPath('screenshots/flow/case-created-phone.png'), fullPage: true });

  // The download is made on the device and holds both codes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#credentials-download')]);
  const saved = readFileSync(await download.path(), 'utf8');
  assert.ok(saved.includes(caseNumber) && saved.includes(pin), saved);
  assert.ok(!page.url().includes(pin) && !page.url().includes(caseNumber));

  // What was sent: one small JSON with only fingerprints, none of the files' bytes.
  const posts = caseRequests(record).filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1);
  const body = posts[0].body;
  assert.ok(body.length < 4096, `the case request is ${body.length} bytes`);
  const sent = JSON.parse(body.toString('utf8'));
  assert.deepEqual(sent.attestations, { adult_when_made: true, depicted: true, intimate: true });
  assert.deepEqual(sent.items.map((item) => item.kind).sort(), ['image', 'video']);
  const image = sent.items.find((item) => item.kind === 'image');
  assert.deepEqual(image.signals.map((s) => s.convention).sort(), ['full-resolution', 'reference']);
  for (const path of [photo, flat, video, extra]) {
    assert.equal(sharedRuns(body, readFileSync(path)), 0, `the request carries bytes of ${path}`);
  }
  for (const request of record.requests) {
    if (request.body) for (const path of [photo, video]) assert.equal(sharedRuns(request.body, readFileSync(path)), 0);
  }

  // A platform reports through its own API (as its matcher would after an upload matched).
  const reported = Object.keys(server.platformKeys).length > 0;
  if (reported) {
    const pdq = image.signals.find((s) => s.convention === 'reference').hash;
    await submitFeedback(server, TEST_PLATFORMS[0], pdq, 'Blocked');
  }

  // The status page: codes in a POST body, never in the address.
  await page.goto(`${server.baseUrl}/en/status`);
  await page.fill('#case-number', caseNumber.toLowerCase().replace(/-/g, ' '));
  await page.fill('#pin', pin);
  await page.click('#status-submit');
  await page.waitForSelector('#case-view-heading');
  const view = await page.textContent('#case-view');
  assert.match(view, /Your case is active/);
  assert.match(view, /Image 1/);
  assert.match(view, /Video 1/);
  if (reported) assert.match(view, new RegExp(`${TEST_PLATFORMS[0]}\\s+blocked a matching upload`));
  assert.ok(!page.url().includes(pin));
  await page.screenshot({ path: artifactPath('screenshots/flow/status-phone.png'), fullPage: true });

  // Withdrawal asks first; "No" keeps the case.
  await page.click('#withdraw-start');
  await page.click('#withdraw-cancel');
  assert.ok(await page.isVisible('#withdraw-start'));
  await page.click('#withdraw-start');
  await page.click('#withdraw-confirm');
  await page.waitForSelector('text=Your case has been withdrawn.');
  assert.match(await page.textContent('#case-view'), /withdrawn/i);
  assert.equal(await page.locator('#withdraw-start').count(), 0, 'nothing left to withdraw');
  await page.screenshot({ path: artifactPath('screenshots/flow/withdrawn-phone.png'), fullPage: true });

  const statusPosts = record.requests.filter((r) => r.method === 'POST' && /\/api\/v1\/cases\/(status|withdraw)$/.test(new URL(r.url).pathname));
  assert.ok(statusPosts.length >= 3);
  for (const request of statusPosts) {
    assert.ok(!request.url.includes(pin), 'no PIN in an address');
    assert.equal(JSON.parse(request.body.toString('utf8')).pin, pin);
  }
  for (const request of record.requests) assert.ok(!request.url.includes(pin) && !request.url.includes(caseNumber.replace(/-/g, '')), request.url);
  assert.deepEqual(offOrigin(record, server.baseUrl), []);
  assert.deepEqual(record.problems, []);
  await context.close();
});

test('a wrong PIN is explained in the page language, and bad input is caught before sending', async () => {
  const { context, page, record } = await openPage(browser);
  await page.goto(`${server.baseUrl}/fr/status`);
  await page.fill('#case-number', '7KQ2M');
  await page.fill('#pin', '123');
  await page.click('#status-submit');
  assert.equal(await page.getAttribute('#case-number', 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('#case-number-error'));
  assert.equal(caseRequests(record).length, 0, 'nothing sent for a malformed number');
  await page.fill('#case-number', '7KQ2M-XJ4PA-9D0RT-W3HNB');
  await page.fill('#pin', '00000000');
  await page.click('#status-submit');
  await page.waitForSelector('#status-error:not([hidden])');
  assert.match(await page.textContent('#status-error'), /Nous ne trouvons pas de dossier|Trop de tentatives/);
  assert.deepEqual(record.problems.filter((p) => !p.startsWith('console error')), []);
  await context.close();
});

test('letters are written on the device, in every combination and language', async () => {
  const { composeLetter, VIOLENCE, SENDERS, CHANNELS } = await import(resolve(repoRoot, 'crates/portal/assets/letter.js'));
  const { context, page, record } = await openPage(browser);
  for (const lang of LANGS) {
    // networkidle: the browser fetches the favicon after the load event; that page load is not
    // what the assertion below is about.
    await page.goto(`${server.baseUrl}/${lang}/help/letters`, { waitUntil: 'networkidle' });
    const strings = await page.evaluate(() => JSON.parse(document.getElementById('portal-data').textContent).strings);
    const all = [];
    for (const violence of VIOLENCE) {
      for (const sender of SENDERS) {
        for (const channel of CHANNELS) {
          for (const fields of [{}, { recipient: 'Alex Dupont', victim: 'Sam Martin', organisation: 'Acme', signature: 'Lou Bernard', city: 'Namur' }]) {
            const letter = composeLetter(strings, { violence, sender, channel }, fields, '1 janvier 2030');
            const where = `${lang} ${violence}/${sender}/${channel}`;
            assert.ok(!/\{\w+\}/.test(letter), `${where}: placeholder left: ${letter}`);
            assert.ok(!letter.includes('⟦') && !letter.includes('undefined'), `${where}: ${letter}`);
            assert.ok(!/\n\n\n/.test(letter), `${where}: empty paragraph`);
            if (fields.victim && sender !== 'victim' && !(sender === 'recipient' && violence === 'unsolicited')) {
              assert.ok(letter.includes('Sam Martin'), `${where}: the person concerned is named`);
            }
            if (fields.recipient) assert.ok(letter.includes('Alex Dupont'), `${where}: the recipient is named`);
            if (fields.signature) assert.ok(letter.includes('Lou Bernard'), `${where}: signed`);
            if (fields.city && channel === 'letter') assert.ok(letter.includes('Namur'), `${where}: dated`);
            all.push(`=== ${where} ${fields.recipient ? '(filled in)' : '(empty)'}\n${letter}\n`);
          }
        }
      }
    }
    // For people reviewing the wording.
    saveArtifact(`letters/${lang}.txt`, all.join('\n'));

    // In the page: the letter follows the choices, and typing sends nothing.
    const before = record.requests.length;
    await page.check('#violence-sextortion');
    await page.check('#sender-witness');
    await page.check('#channel-email');
    await page.fill('#field-victim', 'Sam Martin');
    await page.fill('#field-signature', 'Lou Bernard');
    const text = await page.inputValue('#letter-output');
    assert.ok(text.includes('Sam Martin') && text.includes('Lou Bernard'), text);
    assert.ok(await page.isHidden('#field-organisation'), 'only the fields that matter are shown');
    await page.check('#sender-manager');
    assert.ok(await page.isVisible('#field-organisation'));
    // A late GET of one of the portal's own static files carries nothing; anything else would.
    const sent = record.requests
      .slice(before)
      .filter((r) => r.method !== 'GET' || new URL(r.url).origin !== server.baseUrl || !new URL(r.url).pathname.startsWith('/assets/'));
    assert.deepEqual(sent.map((r) => `${r.method} ${r.url}`), [], 'nothing is sent while writing');
  }
  assert.deepEqual(record.problems, []);
  await context.close();
});

test('the home page lists the platforms or says calmly that there are none yet', async () => {
  const { context, page, record } = await openPage(browser);
  await page.goto(`${server.baseUrl}/nl/`, { waitUntil: 'networkidle' });
  const state = await page.locator('#platforms-state');
  const listed = await page.locator('#platforms-list li').count();
  if (Object.keys(server.platformKeys).length > 0) {
    // The server the harness set up has its two platforms, and the page names them.
    assert.deepEqual((await page.locator('#platforms-list li').allTextContents()).map((t) => t.trim()).sort(), [...TEST_PLATFORMS].sort());
  }
  if (listed === 0) {
    assert.match(await state.textContent(), /Er doet nog geen enkel platform mee|kan nu niet geladen worden/);
  } else {
    assert.ok(await state.isHidden());
  }
  assert.deepEqual(record.problems, []);
  await context.close();
});

test('when the hashing worker cannot start, the page says so instead of waiting forever', async (t) => {
  const photo = testFile(t, 'pdq/images/bridge-mods__aaa-orig.jpg');
  if (!photo) return;
  const { context, page } = await openPage(browser);
  await context.route('**/assets/hasher-worker*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${server.baseUrl}/de/files?step=check&age=adult&depicted=yes&intimate=yes`);
  await page.setInputFiles('#file-input', [photo]);
  await page.waitForSelector('#hasher-error:not([hidden])', { timeout: 30_000 });
  assert.match(await page.textContent('#hasher-error'), /konnte nicht starten/);
  assert.match(await page.textContent('.file-item'), /kann nicht verwendet werden/);
  await page.click('#submit');
  assert.match(await page.textContent('#submit-error'), /Füge mindestens ein Bild/);
  await context.close();
});

test('the dark colour scheme keeps every contrast (axe, phone width)', async () => {
  const { runAxe, serious } = await import('../lib/axe.js');
  const { context, page, record } = await openPage(browser, { colorScheme: 'dark', viewport: { width: 360, height: 780 } });
  const failures = [];
  for (const path of ['/', '/eligibility?step=check', '/files?step=check&age=adult&depicted=yes&intimate=yes', '/status', '/minors', '/help/letters', '/help/report/whatsapp']) {
    await page.goto(`${server.baseUrl}/en${path}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: artifactPath(`screenshots/dark/${path.replace(/\?.*/, '').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '') || 'home'}-phone.png`), fullPage: true });
    for (const violation of serious(await runAxe(page))) failures.push(`${path}: ${violation.id} ${JSON.stringify(violation.nodes.slice(0, 2))}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(record.problems, []);
  await context.close();
});
