// Site-wide expectations that are not about one page, including the known
// defects that the other tests tolerate (lib/portal.mjs KNOWN_DEFECTS): each
// is a `todo` test here, reported in the summary without failing the run.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { usePortal } from './lib/portal.mjs';

describe('portal-wide', () => {
  const portal = usePortal();

  it('serves /favicon.ico and the linked SVG emblem as images', async () => {
    const res = await fetch(portal.url('/favicon.ico'));
    const ico = Buffer.from(await res.arrayBuffer());
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\//);
    assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');

    // Every page links the emblem; the browser loads it without errors
    // (usePortal fails the test on a 4xx for any request).
    const page = await portal.newPage();
    const icons = [];
    page.on('response', (r) => {
      if (/favicon/.test(r.url())) icons.push({ url: new URL(r.url()).pathname, status: r.status(), type: r.headers()['content-type'] });
    });
    for (const [path, status] of [['/', 200], ['/agencies/330424000/catalog', 200], ['/no-such-page', 404]]) {
      await portal.goto(page, path, { status });
      const links = await page.locator('link[rel="icon"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
      assert.deepEqual(links, ['/static/favicon.svg', '/favicon.ico'], path);
    }
    const svg = await page.evaluate(async () => {
      const r = await fetch('/static/favicon.svg');
      const img = new Image();
      img.src = '/static/favicon.svg';
      await img.decode();
      return { status: r.status, type: r.headers.get('content-type'), width: img.naturalWidth };
    });
    assert.deepEqual(svg, { status: 200, type: 'image/svg+xml', width: 64 });
    for (const icon of icons) assert.equal(icon.status, 200, icon.url);
  });

  it('ends the footer at the bottom of the window on short pages', async () => {
    const page = await portal.newPage();
    for (const [path, status] of [['/no-such-page', 404], ['/agencies/330424000/catalog?page=abc', 400]]) {
      await portal.goto(page, path, { status });
      const { bottom, height, docHeight } = await page.evaluate(() => ({
        bottom: document.querySelector('.site-footer').getBoundingClientRect().bottom,
        height: window.innerHeight,
        docHeight: document.documentElement.scrollHeight,
      }));
      assert.equal(docHeight, height, `${path}: the page should fill the window exactly`);
      assert.equal(Math.round(bottom), height, `${path}: grey strip below the footer`);
    }
  });

  it('highlights 首页 in the main menu only on the home page', async () => {
    const page = await portal.newPage();
    const current = () => page.getByRole('navigation', { name: '主导航' }).locator('a[aria-current]').allTextContents();
    await portal.goto(page, '/');
    assert.deepEqual(await current(), ['首页']);
    for (const path of [
      '/agencies/330424000',
      '/agencies/330424000/catalog',
      '/agencies/330424000/reports',
      '/agencies/330424000/reports/2020',
    ]) {
      await portal.goto(page, path);
      assert.deepEqual(await current(), ['本级政府信息公开'], path);
    }
    await portal.goto(page, '/agencies/330424113');
    assert.deepEqual(await current(), ['部门信息公开']);
    await portal.goto(page, '/no-such-page', { status: 404 });
    assert.deepEqual(await current(), []);
  });

  it('loads every page resource from the portal itself', async () => {
    const page = await portal.newPage();
    const origins = new Set();
    page.on('request', (req) => origins.add(new URL(req.url()).origin));
    await portal.goto(page, '/');
    await portal.goto(page, '/agencies/330424000/reports/2020');
    origins.delete(new URL(portal.baseUrl).origin);
    assert.deepEqual([...origins], [], 'third-party requests');
  });

  it('sends a restrictive Content-Security-Policy with every page', async () => {
    const page = await portal.newPage();
    const response = await portal.goto(page, '/');
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
  });
});
