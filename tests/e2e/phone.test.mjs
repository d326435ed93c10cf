// The phone layout (390×844): no sideways scrolling of the page; wide report
// tables scroll inside their own container.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PHONE, assertAccessibleBasics, horizontalOverflow, screenshot, usePortal } from './lib/portal.mjs';

const phone = { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('phone layout', () => {
  const portal = usePortal();

  for (const [name, path] of [
    ['phone-home', '/'],
    ['phone-catalog', '/agencies/330424000/catalog'],
    ['phone-agency', '/agencies/330424101'],
    ['phone-item', null],
  ]) {
    it(`${name}: the page does not scroll sideways at 390 px`, async () => {
      const page = await portal.newPage(phone);
      if (path) {
        await portal.goto(page, path);
      } else {
        await portal.goto(page, '/agencies/330424000/catalog');
        await Promise.all([page.waitForURL(/\/items\//, { waitUntil: 'load' }), page.locator('table.catalog a').first().click()]);
      }
      await assertAccessibleBasics(page);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      assert.equal(innerWidth, PHONE.width);
      assert.ok(scrollWidth <= innerWidth, `${path ?? 'item'}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
      if (name === 'phone-home' || name === 'phone-catalog') await screenshot(page, name);
    });
  }

  it('the 2020 report keeps its wide tables inside a scrolling container', async () => {
    const page = await portal.newPage(phone);
    await portal.goto(page, '/agencies/330424000/reports/2020');
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    assert.ok(scrollWidth <= innerWidth, `report: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
    const tables = await page.locator('table.gk-report-table').evaluateAll((tables) =>
      tables.map((table) => {
        const box = table.getBoundingClientRect();
        let scroller = table.parentElement;
        while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        return {
          caption: table.caption?.textContent.trim(),
          width: Math.round(box.width),
          scroller: scroller ? Math.round(scroller.getBoundingClientRect().right) : null,
        };
      }),
    );
    assert.equal(tables.length, 3);
    for (const t of tables) {
      if (t.width > innerWidth) {
        assert.ok(t.scroller !== null && t.scroller <= innerWidth, `${t.caption} (${t.width} px) overflows without a scrolling container`);
      }
    }
    await screenshot(page, 'phone-report');
  });
});
