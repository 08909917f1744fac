// Every page, in every language, at phone and desktop width: it loads, it makes no request off
// this origin, it violates no Content-Security-Policy, axe-core finds no serious or critical
// problem, and a full-page screenshot is saved under artifacts/screenshots/.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { runAxe, serious } from '../lib/axe.js';
import { LANGS, WIDTHS, artifactPath, launchBrowser, offOrigin, openPage, saveArtifact, startServer } from '../lib/harness.js';

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

/** Pages that are only reached through a form, with the answers that reach them. */
const EXTRA_PATHS = ['/eligibility?step=check', '/files?step=check&age=adult&depicted=yes&intimate=yes'];

/**
 * The site's pages as paths without their language prefix, found by following every link from
 * the English home and help pages (so a page nobody links to is not tested, and a broken link
 * fails the test).
 */
async function crawl(page, baseUrl) {
  const found = new Set(['/']);
  const queue = ['/en/', '/en/help'];
  const seen = new Set();
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(baseUrl + path);
    assert.equal(response.status(), 200, `${path} answers ${response.status()}`);
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const href of links) {
      if (!href.startsWith('/en/')) continue;
      const clean = href.split('#')[0];
      if (!seen.has(clean)) queue.push(clean);
      found.add(clean.slice(3) || '/');
    }
  }
  return [...found, ...EXTRA_PATHS];
}

test('every page in every language at phone and desktop width', async () => {
  const { page: crawler, context: crawlContext } = await openPage(browser);
  const paths = await crawl(crawler, server.baseUrl);
  await crawlContext.close();
  assert.ok(paths.length >= 19, `only ${paths.length} pages found: ${paths.join(' ')}`);

  const report = [];
  const failures = [];
  for (const size of WIDTHS) {
    const { context, page, record } = await openPage(browser, { viewport: { width: size.width, height: size.height } });
    for (const lang of LANGS) {
      for (const path of paths) {
        const url = `${server.baseUrl}/${lang}${path}`;
        const problemsBefore = record.problems.length;
        const response = await page.goto(url, { waitUntil: 'networkidle' });
        if (response.status() !== 200) failures.push(`${url}: HTTP ${response.status()}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang, url);

        // Usable at this width: nothing wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${url} at ${size.width} px: ${overflow} px wider than the screen`);

        const name = (path.replace(/\?.*$/, (q) => (q.includes('age=') ? '-ready' : '-errors')).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home');
        await page.screenshot({ path: artifactPath(`screenshots/${lang}/${name}-${size.name}.png`), fullPage: true });

        const violations = await runAxe(page);
        report.push({ url, width: size.width, violations });
        for (const violation of serious(violations)) {
          failures.push(`${url} at ${size.width} px: axe ${violation.impact} ${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.slice(0, 3))}`);
        }
        for (const problem of record.problems.slice(problemsBefore)) failures.push(`${url}: ${problem}`);
      }
    }
    for (const request of offOrigin(record, server.baseUrl)) failures.push(`request off this origin: ${request.method} ${request.url}`);
    await context.close();
  }
  saveArtifact('axe-report.json', JSON.stringify(report, null, 2));
  const counts = report.reduce((all, entry) => {
    for (const violation of entry.violations) all[violation.impact] = (all[violation.impact] || 0) + 1;
    return all;
  }, {});
  console.log(`axe: ${report.length} page views; violations by impact: ${JSON.stringify(counts)}`);
  assert.deepEqual(failures, []);
});
