// Accessibility smoke test of every kind of page, with no console errors and
// no failed requests (checked by the shared afterEach).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, usePortal } from './lib/portal.mjs';

const PAGES = [
  '/',
  '/agencies/330424000',
  '/agencies/330424101',
  '/agencies/330424205',
  '/agencies/330424000/guide',
  '/agencies/330424000/rules',
  '/agencies/330424000/catalog',
  '/agencies/330424000/catalog?category=art20_07',
  '/agencies/330424000/catalog?page=2',
  '/agencies/330424000/reports',
  '/agencies/330424000/reports/2020',
];

describe('accessibility smoke test', () => {
  const portal = usePortal();

  for (const path of PAGES) {
    it(`${path}: lang, one h1, main, labelled controls, no console errors`, async () => {
      const page = await portal.newPage();
      await portal.goto(page, path);
      await assertAccessibleBasics(page);
      // The breadcrumb marks where the reader is (not on the home page).
      if (path !== '/') {
        assert.equal(await page.getByRole('navigation', { name: '当前位置' }).locator('[aria-current="page"]').count(), 1);
      }
    });
  }

  it('an item page passes too', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/agencies/330424000/catalog');
    const href = await page.locator('table.catalog a').first().getAttribute('href');
    await portal.goto(page, href);
    await assertAccessibleBasics(page);
  });
});
