// Error pages: in Chinese, with the portal's chrome and a way back.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PHONE, assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

/** The 404 page at `path` on a phone (for its screenshot). */
async function phoneCopy(portal, path) {
  const page = await portal.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await portal.goto(page, path, { status: 404 });
  return page;
}

describe('error pages', () => {
  const portal = usePortal();

  it('answers an unknown agency with a 404 page in Chinese', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/agencies/999999999', { status: 404 });
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '页面不存在');
    assert.match(await page.title(), /页面不存在/);
    const main = await text(page.getByRole('main'));
    assert.match(main, /404/);
    assert.match(main, /找不到机构“999999999”/);
    assert.doesNotMatch(main, /not found|error/i, 'English text on the 404 page');
    // The government's identity, as on every other page, and its real office.
    assert.equal(await text(page.locator('.brand-name')), '海盐县人民政府');
    assert.match(await text(page.locator('.topbar')), /^海盐县人民政府门户网站/);
    assert.match(await page.title(), /- 海盐县人民政府$/);
    const footer = await text(page.getByRole('contentinfo'));
    assert.match(footer, /主办单位：海盐县人民政府办公室/);
    assert.doesNotMatch(footer, /政府信息公开平台办公室/);
    await screenshot(page, '404');
    await screenshot(await phoneCopy(portal, '/agencies/999999999'), 'phone-404');

    // The way back works.
    await Promise.all([
      page.waitForURL(portal.url('/'), { waitUntil: 'load' }),
      page.getByRole('main').getByRole('link', { name: /返回.*首页/ }).click(),
    ]);
    await assertAccessibleBasics(page);
  });

  it('answers unknown paths, items and report years with a 404 page in Chinese', async () => {
    const page = await portal.newPage();
    for (const path of ['/no-such-page', '/items/NO-SUCH-ITEM', '/agencies/330424000/reports/1999', '/agencies/330424000/reports/2020.exe']) {
      await portal.goto(page, path, { status: 404 });
      await assertAccessibleBasics(page);
      assert.equal(await text(page.getByRole('heading', { level: 1 })), '页面不存在', path);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    }
  });

  it('answers a malformed page number with a 400 page in Chinese', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/agencies/330424000/catalog?page=abc', { status: 400 });
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '请求参数有误');
    assert.match(await text(page.getByRole('main')), /页码/);
    assert.equal(await text(page.locator('.brand-name')), '海盐县人民政府');
    assert.match(await text(page.getByRole('contentinfo')), /主办单位：海盐县人民政府办公室/);
  });
});
