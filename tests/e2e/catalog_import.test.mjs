// Bulk import of an existing catalog in a browser: an officer uploads a CSV
// with one bad row, reads the row error on the preview, confirms, and the
// imported item is on the portal (item page and search).
// Screenshots: staff-import, staff-import-preview, staff-import-done.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

const settle = (page) => page.waitForLoadState('networkidle');

const TITLE = '海盐县教育局关于开展校园周边食品安全专项整治行动的通知';

const CSV = [
  '索引号,标题,文号,成文日期,发布日期,主题分类,类别,有效性,公开方式,正文',
  `E2E/2024-00001,${TITLE},盐教〔2024〕18号,2024/3/5,2024年3月8日,教育,行政法规、规章和规范性文件,有效,主动公开,为切实保障师生饮食安全，决定在全县开展校园周边食品安全专项整治行动。`,
  'E2E/2024-00002,日期写错的一条,,,2024-02-30,教育,统计信息,有效,主动公开,',
  'E2E/2024-00003,2023年教育经费统计公告,,,20240310,教育,art20_04,有效,主动公开,全县教育经费总投入情况。',
].join('\r\n');

describe('catalog import', () => {
  const portal = usePortal();

  it('an officer imports a catalog with one bad row, and the items appear on the portal', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/staff/login');
    await settle(page);
    await page.getByLabel('用户名').fill('jiaoyu');
    await page.getByLabel('密码').fill('jiaoyu-demo-2026');
    await Promise.all([page.waitForURL(/\/staff\/cases$/, { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
    await settle(page);

    await page.getByRole('navigation', { name: '后台菜单' }).getByRole('link', { name: /导入/ }).click();
    await page.waitForURL(/\/staff\/items\/import$/);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '批量导入主动公开目录');
    assert.ok(await page.getByRole('link', { name: '下载 Excel 模板' }).isVisible());
    await screenshot(page, 'staff-import');

    await page.getByLabel('目录文件').setInputFiles({ name: '教育局主动公开目录.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await Promise.all([page.waitForURL(/\/staff\/items\/import$/, { waitUntil: 'load' }), page.getByRole('button', { name: '上传并预览' }).click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '导入预览');
    const errors = page.locator('table.imp-errors tbody tr');
    assert.equal(await errors.count(), 1);
    assert.match(await text(errors.first()), /第 3 行\s*发布日期\s*“2024-02-30”日期不存在（2024年2月只有 29 天，没有 30 日）/);
    assert.match(await text(page.locator('table.imp-sample')), new RegExp(TITLE));
    await screenshot(page, 'staff-import-preview');

    await Promise.all([
      page.waitForURL(/inserted=2/, { waitUntil: 'load' }),
      page.getByRole('button', { name: '确认导入 2 条' }).click(),
    ]);
    await settle(page);
    assert.match(await text(page.getByRole('status')), /已导入 2 条信息并发布到门户；1 行有错误未导入/);
    await screenshot(page, 'staff-import-done');

    await portal.goto(page, '/items/E2E/2024-00001');
    assert.equal(await text(page.getByRole('heading', { level: 1 })), TITLE);
    assert.match(await text(page.locator('main')), /盐教〔2024〕18号/);

    await portal.goto(page, `/search?q=${encodeURIComponent('校园周边食品安全专项整治')}`);
    await settle(page);
    assert.match(await text(page.locator('main')), new RegExp(TITLE));

    // The bad row was not imported.
    await portal.goto(page, '/items/E2E/2024-00002', { status: 404 });
  });
});
