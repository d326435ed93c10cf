// Keyboard use: the skip link comes first and moves focus to <main>; links
// are reachable with Tab and show a visible focus.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { usePortal } from './lib/portal.mjs';

const PAGES = ['/', '/agencies/330424000', '/agencies/330424000/catalog', '/agencies/330424000/reports/2020'];

describe('keyboard navigation', () => {
  const portal = usePortal();

  for (const path of PAGES) {
    it(`the first Tab on ${path} focuses the skip link, which moves focus to main`, async () => {
      const page = await portal.newPage();
      await portal.goto(page, path);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent.trim(),
          href: el.getAttribute('href'),
          visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0,
        };
      });
      assert.deepEqual(focused, { text: '跳到主要内容', href: '#main', visible: true });

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      assert.match(page.url(), /#main$/);

      // The next Tab goes to the first link inside main, not back to the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => document.activeElement.closest('main') !== null);
      assert.ok(inMain, 'Tab after the skip link left <main>');
    });
  }

  it('shows a visible focus indicator on links', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    assert.equal(style.tag, 'A');
    assert.ok((style.outline !== 'none' && style.width > 0) || style.shadow !== 'none', `no focus indicator: ${JSON.stringify(style)}`);
  });
});
