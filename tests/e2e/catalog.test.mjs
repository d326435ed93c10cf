// Browsing by clicking: home → an agency → 法定主动公开内容 → a category →
// an item, and the catalog's pagination.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

const GOVERNMENT = '海盐县人民政府';
const CATEGORY = '财政预算决算';

/** Clicks `locator` and waits for the navigation to a URL matching `url`. */
async function follow(page, locator, url) {
  await Promise.all([page.waitForURL(url, { waitUntil: 'load' }), locator.click()]);
  await assertAccessibleBasics(page);
}

describe('catalog of 法定主动公开内容', () => {
  const portal = usePortal();

  it('is browsed by clicking from the home page down to an item and its metadata', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');

    // Home → the government's 政府信息公开 home.
    await follow(page, page.getByRole('region', { name: '本级政府' }).getByRole('link'), /\/agencies\/\d+$/);
    assert.match(await text(page.getByRole('heading', { level: 1 })), new RegExp(`^${GOVERNMENT}信息公开`));
    const columns = page.getByRole('list', { name: '政府信息公开栏目' }).getByRole('link');
    assert.deepEqual(
      await columns.locator('.column-title').allTextContents(),
      ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报'],
    );
    const crumbs = page.getByRole('navigation', { name: '当前位置' });
    assert.match(await text(crumbs), /首页.*海盐县人民政府信息公开/);
    await screenshot(page, 'agency');

    // → 法定主动公开内容 (the column tile).
    await follow(page, columns.filter({ hasText: '法定主动公开内容' }), /\/catalog$/);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), `${GOVERNMENT} · 法定主动公开内容`);
    const side = page.getByRole('complementary');
    assert.match(await text(side.getByRole('heading')), /法定主动公开内容/);
    assert.match(await text(side.locator('a[aria-current="page"]')), /^全部\s*\d+$/);
    const total = Number(await text(page.locator('.result-count strong')));
    assert.ok(total > 20, `only ${total} items`);
    assert.equal(await page.locator('table.catalog tbody tr').count(), 20);
    assert.deepEqual(
      (await page.locator('table.catalog thead th').allTextContents()).map((s) => s.trim()),
      ['索引号', '标题', '文号', '发布日期'],
    );
    await screenshot(page, 'catalog');

    // → a category in the sidebar.
    const categoryLink = side.getByRole('link', { name: new RegExp(`^${CATEGORY}`) });
    const expected = Number(await text(categoryLink.locator('.count')));
    await follow(page, categoryLink, /\/catalog\?category=art20_07$/);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), `${GOVERNMENT} · ${CATEGORY}`);
    assert.match(await text(side.locator('a[aria-current="page"]')), new RegExp(`^${CATEGORY}`));
    assert.match(await text(page.locator('.lead')), /第二十条/);
    assert.equal(Number(await text(page.locator('.result-count strong'))), expected);
    assert.match(await text(crumbs), new RegExp(`法定主动公开内容.*${CATEGORY}`));
    const rows = page.locator('table.catalog tbody tr');
    assert.equal(await rows.count(), Math.min(expected, 20));

    // → the first item.
    const first = rows.first();
    const listed = {
      index: await text(first.locator('td.col-index')),
      title: await text(first.locator('td.col-title')),
      doc: await text(first.locator('td.col-doc')),
      date: await text(first.locator('td.col-date')),
    };
    assert.match(listed.date, /^\d{4}-\d{2}-\d{2}$/);
    await follow(page, first.getByRole('link'), /\/items\//);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), listed.title);
    assert.match(await page.title(), new RegExp(listed.title.slice(0, 10)));

    const meta = {};
    for (const row of await page.locator('table.meta tr').all()) {
      const labels = await row.locator('th').allTextContents();
      const values = await row.locator('td').allTextContents();
      labels.forEach((label, i) => (meta[label.trim()] = values[i].trim()));
    }
    assert.equal(meta['索引号'], listed.index);
    assert.equal(meta['发布机构'], GOVERNMENT);
    assert.equal(meta['文号'], listed.doc || '—');
    assert.equal(meta['发布日期'], listed.date);
    assert.match(meta['有效性'], /^(有效|失效|废止|修订)/);
    assert.match(meta['信息分类'], new RegExp(`^${CATEGORY}（第二十条`));
    for (const label of ['主题分类', '成文日期', '公开方式']) assert.ok(meta[label], `${label} missing`);
    assert.ok((await page.locator('.doc-body p').count()) > 0, 'the item has no body text');
    assert.match(await text(crumbs), new RegExp(`法定主动公开内容.*${CATEGORY}.*正文`));
    await screenshot(page, 'item');

    // The breadcrumb leads back to the category.
    await follow(page, crumbs.getByRole('link', { name: CATEGORY }), /\/catalog\?category=art20_07$/);
  });

  it('pages to page 2 and back', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');
    await follow(page, page.getByRole('region', { name: '本级政府' }).getByRole('link'), /\/agencies\/\d+$/);
    await follow(page, page.getByRole('link', { name: /^更多/ }), /\/catalog$/);

    const pagination = page.getByRole('navigation', { name: '分页' });
    const status = page.locator('.result-count');
    const pages = Number((await text(status)).match(/第 1 \/ (\d+) 页/)?.[1]);
    assert.ok(pages >= 2, `expected several pages: ${await text(status)}`);
    assert.equal(await text(pagination.locator('[aria-current="page"]')), '1');
    assert.equal(await pagination.getByRole('link', { name: '上一页' }).count(), 0, '上一页 is a link on page 1');
    const firstPage = await page.locator('table.catalog td.col-index').allTextContents();

    await follow(page, pagination.getByRole('link', { name: '第 2 页' }), /\/catalog\?page=2$/);
    assert.match(await text(status), new RegExp(`第 2 / ${pages} 页`));
    assert.equal(await text(pagination.locator('[aria-current="page"]')), '2');
    const secondPage = await page.locator('table.catalog td.col-index').allTextContents();
    assert.equal(secondPage.length, 20);
    assert.deepEqual(secondPage.filter((i) => firstPage.includes(i)), [], 'page 2 repeats items of page 1');

    // Newest first.
    const dates = await page.locator('table.catalog td.col-date').allTextContents();
    assert.deepEqual([...dates].sort().reverse(), dates);

    await follow(page, pagination.getByRole('link', { name: '上一页' }), /\/catalog$/);
    assert.match(await text(status), /第 1 \//);
  });
});
