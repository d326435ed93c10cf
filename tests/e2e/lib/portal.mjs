// What every test file shares: one portal server and one headless Chromium per
// file (started in `before`, stopped in `after`), pages that record console
// errors and failed requests (checked after every test), the accessibility
// smoke check and full-page screenshots into target/screenshots/.
//
// Usage in a test file:
//
//   import { describe, it } from 'node:test';
//   import { usePortal } from './lib/portal.mjs';
//   describe('…', () => {
//     const portal = usePortal();
//     it('…', async () => {
//       const page = await portal.newPage();
//       await portal.goto(page, '/');
//       …
//     });
//   });

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

import { REPO_ROOT, startServer } from './server.mjs';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'target', 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
];

/** Launches the system Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Registers `before`/`after`/`afterEach` hooks in the current suite and
 * returns an object whose fields are filled in once `before` has run.
 */
export function usePortal() {
  const portal = {
    baseUrl: '',
    browser: null,
    server: null,
    /** Pages opened by the running test, with what went wrong on them. */
    opened: [],

    /** An absolute URL on the portal. */
    url(path) {
      return new URL(path, this.baseUrl).href;
    },

    /**
     * A new page in its own context (desktop size unless `viewport` is given)
     * that records console errors, page errors, failed requests and
     * sub-resources answered with 4xx/5xx.
     */
    async newPage({ viewport = DESKTOP, ...options } = {}) {
      const context = await this.browser.newContext({
        viewport,
        locale: 'zh-CN',
        acceptDownloads: true,
        ...options,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.setDefaultNavigationTimeout(30_000);
      const entry = {
        page,
        context,
        // Raw observations; judged in afterEach, when every event has arrived.
        consoleErrors: [],
        failedRequests: [],
        badResponses: [],
        downloads: new Set(),
        expectedStatus: new Map(),
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') entry.consoleErrors.push({ page: page.url(), text: msg.text(), source: msg.location().url });
      });
      page.on('pageerror', (err) => entry.consoleErrors.push({ page: page.url(), text: `uncaught ${err.message}`, source: '' }));
      page.on('download', (d) => entry.downloads.add(d.url()));
      page.on('requestfailed', (req) =>
        entry.failedRequests.push({ url: req.url(), method: req.method(), error: req.failure()?.errorText ?? 'unknown' }),
      );
      page.on('response', (res) => {
        if (res.status() >= 400) {
          const req = res.request();
          entry.badResponses.push({
            url: res.url(),
            method: req.method(),
            status: res.status(),
            document: req.isNavigationRequest() && req.frame() === page.mainFrame(),
          });
        }
      });
      this.opened.push(entry);
      return page;
    },

    /** Goes to `path` and asserts the HTTP status (200 unless told). */
    async goto(page, path, { status = 200 } = {}) {
      const url = this.url(path);
      this.opened.find((e) => e.page === page)?.expectedStatus.set(url, status);
      const response = await page.goto(url, { waitUntil: 'load' });
      assert.ok(response, `no response for ${path}`);
      assert.equal(response.status(), status, `HTTP status of ${path}`);
      return response;
    },
  };

  before(async () => {
    portal.server = await startServer();
    portal.baseUrl = portal.server.baseUrl;
    portal.browser = await launchBrowser();
  });

  afterEach(async () => {
    const entries = portal.opened.splice(0);
    // Let late console messages and request failures arrive.
    await Promise.all(entries.map((e) => e.page.waitForLoadState('load').catch(() => {})));
    const problems = entries.flatMap(problemsOf);
    await Promise.all(entries.map((e) => e.context.close().catch(() => {})));
    assert.deepEqual(problems, [], 'console errors or failed requests');
  });

  after(async () => {
    try {
      await portal.browser?.close();
    } finally {
      // stop() asserts a clean exit within 10 s of SIGTERM.
      await portal.server?.stop();
    }
  });

  return portal;
}

/**
 * What went wrong on a page: console errors, uncaught exceptions, failed
 * requests and 4xx/5xx answers, except
 * - an error page the test asked for with `goto(page, path, { status })`
 *   (Chromium logs every 4xx/5xx document as a console error);
 * - a download link, whose navigation Chromium reports as aborted;
 * - KNOWN_DEFECTS, each with a `todo` test in portal.test.mjs.
 */
function problemsOf(entry) {
  const expected = (url, status) => {
    const want = entry.expectedStatus.get(url);
    return want !== undefined && want >= 400 && (status === undefined || want === status);
  };
  const known = (url) => KNOWN_DEFECTS.some((d) => d.url.test(url));
  const problems = [];
  for (const c of entry.consoleErrors) {
    if (/^Failed to load resource/.test(c.text) && (expected(c.source) || known(c.source))) continue;
    problems.push(`console error on ${c.page}: ${c.text}${c.source ? ` (${c.source})` : ''}`);
  }
  for (const r of entry.failedRequests) {
    if (r.error === 'net::ERR_ABORTED' && entry.downloads.has(r.url)) continue;
    problems.push(`request failed: ${r.method} ${r.url} (${r.error})`);
  }
  for (const r of entry.badResponses) {
    if ((r.document && expected(r.url, r.status)) || known(r.url)) continue;
    problems.push(`HTTP ${r.status} for ${r.method} ${r.url}`);
  }
  return problems;
}

/**
 * Defects of the portal that the suite reports through a `todo` test
 * instead of failing every page: remove an entry once it is fixed.
 */
export const KNOWN_DEFECTS = [
  // { url: /regex of the failing request/, todo: 'what is wrong' },
];

/**
 * The accessibility smoke check every page must pass: `<html lang="zh-CN">`,
 * a title, exactly one `<h1>` and one `<main>`, a skip link to it, every form
 * control labelled, every image with alt text, every link with a name.
 */
export async function assertAccessibleBasics(page) {
  const facts = await page.evaluate(() => {
    const visibleText = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
    const labelled = (el) =>
      (el.labels && el.labels.length > 0 && [...el.labels].some((l) => visibleText(l))) ||
      (el.getAttribute('aria-label') || '').trim() !== '' ||
      (el.getAttribute('aria-labelledby') || '')
        .split(/\s+/)
        .filter(Boolean)
        .some((id) => visibleText(document.getElementById(id) || document.createElement('x'))) ||
      (el.getAttribute('title') || '').trim() !== '';
    const controls = [...document.querySelectorAll('input, select, textarea')].filter(
      (el) => !['hidden', 'submit', 'reset', 'button', 'image'].includes((el.getAttribute('type') || '').toLowerCase()),
    );
    const buttons = [...document.querySelectorAll('button, input[type=submit], input[type=reset], input[type=button]')];
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: document.title.trim(),
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main, [role=main]').length,
      skipTarget: document.querySelector('a.skip-link')?.getAttribute('href') ?? null,
      mainId: document.querySelector('main')?.id ?? null,
      unlabelledControls: controls.filter((el) => !labelled(el)).map((el) => el.outerHTML.slice(0, 120)),
      unnamedButtons: buttons
        .filter((el) => !visibleText(el) && !(el.value || '').trim() && !labelled(el))
        .map((el) => el.outerHTML.slice(0, 120)),
      imagesWithoutAlt: [...document.querySelectorAll('img:not([alt])')].map((el) => el.outerHTML.slice(0, 120)),
      unnamedLinks: [...document.querySelectorAll('a[href]')]
        .filter((a) => !visibleText(a) && !labelled(a) && !a.querySelector('img[alt]:not([alt=""])'))
        .map((a) => a.outerHTML.slice(0, 120)),
    };
  });
  const where = page.url();
  assert.equal(facts.lang, 'zh-CN', `<html lang> on ${where}`);
  assert.ok(facts.title, `<title> is empty on ${where}`);
  assert.equal(facts.h1, 1, `number of <h1> on ${where}`);
  assert.equal(facts.main, 1, `number of <main> on ${where}`);
  assert.equal(facts.skipTarget, `#${facts.mainId}`, `skip link target on ${where}`);
  assert.deepEqual(facts.unlabelledControls, [], `form controls without a label on ${where}`);
  assert.deepEqual(facts.unnamedButtons, [], `buttons without a name on ${where}`);
  assert.deepEqual(facts.imagesWithoutAlt, [], `images without alt on ${where}`);
  assert.deepEqual(facts.unnamedLinks, [], `links without a name on ${where}`);
}

/** Saves a full-page PNG as target/screenshots/<name>.png (a CI artifact). */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page's text with runs of white space collapsed. */
export async function text(locator) {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether the page scrolls sideways (the whole document, not an inner box). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}
