// The home page: the government, its departments and its towns.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

describe('home page', () => {
  const portal = usePortal();

  it('lists the government, its departments and its towns and sub-districts', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');
    await assertAccessibleBasics(page);

    assert.match(await page.title(), /海盐县人民政府/);
    assert.match(await text(page.getByRole('heading', { level: 1 })), /海盐县人民政府.*政府信息公开平台/);

    const government = page.getByRole('region', { name: '本级政府' }).getByRole('link');
    assert.equal(await government.count(), 1);
    assert.equal(await text(government.locator('.agency-name')), '海盐县人民政府');
    assert.match(await text(government.locator('.agency-count')), /^\d+ 条信息$/);

    const departments = page.getByRole('region', { name: '部门信息公开' }).getByRole('link');
    const departmentNames = await departments.locator('.agency-name').allTextContents();
    assert.ok(departmentNames.length >= 10, `only ${departmentNames.length} departments`);
    for (const name of ['海盐县教育局', '海盐县财政局', '海盐县民政局']) {
      assert.ok(departmentNames.includes(name), `${name} missing from ${departmentNames}`);
    }

    const towns = page.getByRole('region', { name: '乡镇（街道）信息公开' }).getByRole('link');
    const townNames = await towns.locator('.agency-name').allTextContents();
    assert.ok(townNames.length >= 5, `only ${townNames.length} towns`);
    for (const name of ['武原街道', '沈荡镇', '澉浦镇']) {
      assert.ok(townNames.includes(name), `${name} missing from ${townNames}`);
    }
    for (const name of townNames) assert.match(name, /(镇|街道|乡)$/);

    // Every agency tile links to an agency's 政府信息公开 home.
    for (const href of await page.locator('.agency-grid a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^\/agencies\/\d+$/);
    }

    const latest = page.getByRole('region', { name: '最新公开信息' }).getByRole('listitem');
    assert.ok((await latest.count()) > 0, 'no latest items');

    await screenshot(page, 'home');
  });

  it('has a stylesheet that loads and applies', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length));
    assert.equal(sheets.length, 1);
    assert.ok(sheets[0] > 10, 'portal.css has almost no rules');
    // The skip link is hidden until focused.
    const box = await page.locator('a.skip-link').boundingBox();
    assert.ok(!box || box.y + box.height <= 0 || box.x + box.width <= 0 || box.width <= 1, `skip link visible at ${JSON.stringify(box)}`);
  });
});
