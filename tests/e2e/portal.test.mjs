// Site-wide expectations that are not about one page, including the known
// defects that the other tests tolerate (lib/portal.mjs KNOWN_DEFECTS): each
// is a `todo` test here, reported in the summary without failing the run.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KNOWN_DEFECTS, usePortal } from './lib/portal.mjs';

describe('portal-wide', () => {
  const portal = usePortal();

  it('serves /favicon.ico as an image', { todo: KNOWN_DEFECTS.find((d) => d.url.test('/favicon.ico'))?.todo }, async () => {
    const res = await fetch(portal.url('/favicon.ico'));
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\//);
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
