// The phone layout (390×844): no sideways scrolling of the page; wide report
// tables scroll inside their own labelled container; the catalog list comes
// first, as cards that keep their 文号 and their table semantics; the main
// menu, the pagination and the headings do not break badly.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PHONE, assertAccessibleBasics, horizontalOverflow, screenshot, text, usePortal } from './lib/portal.mjs';

const phone = { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Distinct line positions (rounded tops) of the boxes of `locator`'s visible elements. */
async function lineTops(locator) {
  const tops = await locator.evaluateAll((els) =>
    els.filter((el) => el.getClientRects().length > 0).map((el) => Math.round(el.getBoundingClientRect().top)),
  );
  return [...new Set(tops)];
}

/** How many lines the text `part` of the element takes (1 = not broken). */
async function linesOf(locator, part) {
  return locator.evaluate((el, part) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(part);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + part.length);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    }
    return -1;
  }, part);
}

/** Counts of the roles in Chromium's accessibility tree below the catalog table. */
async function tableRoles(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const counts = {};
  for (const n of nodes) {
    const role = n.role?.value;
    if (!n.ignored && ['table', 'row', 'columnheader', 'cell', 'gridcell'].includes(role)) counts[role] = (counts[role] ?? 0) + 1;
  }
  return counts;
}

describe('phone layout', () => {
  const portal = usePortal();

  for (const [name, path] of [
    ['phone-home', '/'],
    ['phone-catalog', '/agencies/330424000/catalog'],
    ['phone-agency', '/agencies/330424000'],
    ['phone-town', '/agencies/330424101'],
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
      // The main menu is one row of short labels that fits.
      const menu = page.getByRole('navigation', { name: '主导航' });
      assert.equal((await lineTops(menu.locator('li'))).length, 1, 'main menu wraps');
      const { menuScroll, menuWidth } = await menu.locator('ul').evaluate((ul) => ({ menuScroll: ul.scrollWidth, menuWidth: ul.clientWidth }));
      assert.ok(menuScroll <= menuWidth, `main menu needs sideways scrolling (${menuScroll} > ${menuWidth})`);
      assert.deepEqual(
        await menu.getByRole('link').evaluateAll((as) => as.map((a) => a.textContent.replace(/\s+/g, ''))),
        ['首页', '本级政府信息公开', '部门信息公开', '乡镇（街道）信息公开', '最新公开信息'],
        'the accessible labels stay complete',
      );
      await screenshot(page, name);
    });
  }

  it('headings do not break inside words', async () => {
    const page = await portal.newPage(phone);
    await portal.goto(page, '/');
    assert.equal(await linesOf(page.getByRole('heading', { level: 1 }), '政府信息公开平台'), 1, 'hero heading');
    assert.equal(await linesOf(page.getByRole('heading', { level: 1 }), '海盐县人民政府'), 1, 'hero heading');
    await portal.goto(page, '/agencies/330424000');
    assert.equal(await linesOf(page.getByRole('heading', { level: 1 }), '海盐县人民政府'), 1, 'agency heading');
    const size = await page.getByRole('heading', { level: 1 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    assert.ok(size <= 20, `h1 of ${size}px on a phone`);
  });

  it('the catalog shows the list first, categories in a collapsed 按分类浏览', async () => {
    const page = await portal.newPage(phone);
    await portal.goto(page, '/agencies/330424000/catalog');
    const firstRow = page.locator('table.catalog tbody tr').first();
    const { y: top, height } = await firstRow.boundingBox();
    assert.ok(top + height <= PHONE.height, `the first item ends at ${top + height} px, below the fold`);
    assert.equal(await page.getByRole('complementary').count(), 0, 'the sidebar of categories is shown on a phone');

    const picker = page.locator('details.category-picker');
    assert.equal(await picker.evaluate((d) => d.open), false);
    assert.match(await text(picker.locator('summary')), /^按分类浏览（当前：全部）$/);
    await picker.locator('summary').click();
    const budget = picker.getByRole('link', { name: /^财政预算决算/ });
    assert.ok(await budget.isVisible());
    await Promise.all([page.waitForURL(/category=art20_07$/, { waitUntil: 'load' }), budget.click()]);
    assert.match(await text(page.locator('details.category-picker summary')), /当前：财政预算决算/);
    await assertAccessibleBasics(page);
  });

  it('the catalog cards keep their 文号 and their table semantics', async () => {
    const page = await portal.newPage(phone);
    await portal.goto(page, '/agencies/330424000/catalog');
    const cells = page.locator('table.catalog td.col-doc:not(.col-empty)');
    assert.ok((await cells.count()) > 0, 'no item with a 文号 on page 1');
    const doc = cells.first();
    assert.ok(await doc.isVisible(), '文号 is hidden on a phone');
    const box = await doc.boundingBox();
    assert.ok(box.width > 40 && box.height > 10, `文号 box ${JSON.stringify(box)}`);
    assert.match(await doc.innerText(), /〔\d{4}〕|号/);

    const roles = await tableRoles(page);
    assert.equal(roles.table, 1, JSON.stringify(roles));
    assert.equal(roles.row, 21, `header row and 20 items: ${JSON.stringify(roles)}`);
    assert.equal(roles.columnheader, 4, JSON.stringify(roles));
    assert.equal((roles.cell ?? 0) + (roles.gridcell ?? 0), 80, JSON.stringify(roles));
  });

  it('the pagination fits on one line', async () => {
    const page = await portal.newPage(phone);
    await portal.goto(page, '/agencies/330424000/catalog?page=3');
    const pagination = page.getByRole('navigation', { name: '分页' });
    assert.equal((await lineTops(pagination.locator('li'))).length, 1, 'pagination wraps');
    for (const name of ['第一页', '上一页', '第 2 页', '第 4 页', '下一页']) {
      assert.ok(await pagination.getByRole('link', { name, exact: true }).isVisible(), name);
    }
    assert.ok(await pagination.locator('[aria-current="page"]').isVisible());
  });

  it('the 2020 report keeps each wide table in its own labelled scrolling box', async () => {
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
          ownBox: scroller === table.parentElement && scroller.classList.contains('gk-table-scroll'),
          label: scroller?.getAttribute('aria-label'),
          role: scroller?.getAttribute('role'),
          tabindex: scroller?.getAttribute('tabindex'),
        };
      }),
    );
    assert.equal(tables.length, 3);
    for (const t of tables) {
      assert.ok(t.width > innerWidth, `${t.caption} is only ${t.width} px wide`);
      assert.ok(t.scroller !== null && t.scroller <= innerWidth, `${t.caption} (${t.width} px) overflows without a scrolling container`);
      assert.ok(t.ownBox, `${t.caption} scrolls with the text around it`);
      assert.deepEqual([t.role, t.tabindex, t.label], ['region', '0', t.caption]);
    }
    // Headings and paragraphs do not move with a swipe.
    const scrollingSections = await page.locator('.gk-section').evaluateAll((ss) => ss.filter((s) => getComputedStyle(s).overflowX !== 'visible').length);
    assert.equal(scrollingSections, 0);
    // A hint says the table scrolls; the keyboard scrolls it.
    assert.ok(await page.locator('.gk-table-hint').first().isVisible());
    const region = page.getByRole('region', { name: tables[0].caption });
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((caption) => document.querySelector(`[aria-label="${caption}"]`).scrollLeft > 0, tables[0].caption);
    await region.evaluate((r) => r.scrollTo(0, 0));
    await screenshot(page, 'phone-report');
  });
});
