// 依申请公开 online: choose the agency, fill the form in the browser (no
// script needed), submit, read the 查询码 and follow it on /track.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PHONE, assertAccessibleBasics, horizontalOverflow, screenshot, text, usePortal } from './lib/portal.mjs';

const GOVERNMENT = '330424000';

describe('依申请公开', () => {
  const portal = usePortal();

  it('files an application with the form and follows it with the query code', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/');
    // The main menu leads to the agency list, which leads to the form.
    await Promise.all([
      page.waitForURL(portal.url('/apply'), { waitUntil: 'load' }),
      page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click(),
    ]);
    await assertAccessibleBasics(page);
    await screenshot(page, 'apply-choose');
    await Promise.all([
      page.waitForURL(portal.url(`/agencies/${GOVERNMENT}/apply`), { waitUntil: 'load' }),
      page.locator('.ap-agencies-main a.ap-agency').first().click(),
    ]);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '政府信息公开申请海盐县人民政府');

    // Natural person by default: the organisation fields are out of the way, and come back for a company.
    assert.ok(await page.getByLabel('自然人').isChecked());
    assert.ok(await page.getByLabel(/^姓名/).isVisible());
    assert.ok(!(await page.getByLabel('统一社会信用代码').isVisible()));
    await page.getByLabel('商业企业').check();
    assert.ok(await page.getByLabel('统一社会信用代码').isVisible());
    assert.ok(!(await page.getByLabel(/^姓名/).isVisible()));
    await page.getByLabel('自然人').check();

    await page.getByLabel(/^姓名/).fill('张三');
    await page.getByLabel('身份证件类型').selectOption({ label: '居民身份证' });
    await page.getByLabel('身份证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('电子邮箱').fill('zhangsan@example.cn');
    await page.getByLabel('通信地址').fill('浙江省嘉兴市海盐县武原街道向阳路1号');
    await page.getByLabel('邮政编码').fill('314300');
    await page.getByLabel('所需政府信息的名称、文号或者特征性描述').fill('海盐县2023年度财政预算执行情况和2024年度财政预算草案的报告');
    await page.getByLabel('电子文本').check();
    await page.getByLabel('网上获取（凭查询码下载）').check();
    await page.getByLabel('身份证明等材料').setInputFiles({
      name: '身份证扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% test scan\n'),
    });
    await page.getByLabel(/本人（本单位）承诺/).check();
    await screenshot(page, 'apply');

    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForURL(portal.url(`/agencies/${GOVERNMENT}/apply`)),
      page.getByRole('button', { name: '提交申请' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    await assertAccessibleBasics(page);
    const code = await text(page.locator('#query-code'));
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{12}$/, `query code ${code}`);
    const main = await text(page.getByRole('main'));
    assert.match(main, /请妥善保存查询码/);
    assert.match(main, /申请编号 ?\d{4}-\d{4}/);
    assert.match(main, /答复期限截至\d{4}年\d{2}月\d{2}日/);
    assert.match(main, /身份证扫描件\.pdf/);
    const number = await text(page.locator('#application-number'));
    await screenshot(page, 'apply-done');

    // Follow it: type the code as a person would (lower case, with a dash).
    await portal.goto(page, '/track');
    await assertAccessibleBasics(page);
    await page.getByLabel('查询码').fill(`${code.slice(0, 6)}-${code.slice(6)}`.toLowerCase());
    await Promise.all([
      page.waitForURL(portal.url(`/track/${code}`), { waitUntil: 'load' }),
      page.getByRole('button', { name: '查询' }).click(),
    ]);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.locator('#application-state')), '已收到，正在办理');
    const status = await text(page.getByRole('main'));
    assert.ok(status.includes(number), 'application number');
    assert.match(status, /收到申请/);
    assert.match(status, /答复期限/);
    assert.match(status, /张\*/);
    assert.ok(!status.includes('张三'), 'name masked');
    assert.ok(!status.includes('13812345678'), 'no phone number');
    await screenshot(page, 'track');
  });

  it('answers a wrong query code with a friendly 未找到 page', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/track/ZZZZZZZZZZZZ', { status: 404 });
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '未找到申请');
    assert.match(await text(page.getByRole('main')), /未找到与该查询码对应的申请/);
  });

  it('fits a phone', async () => {
    const page = await portal.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    for (const path of ['/apply', `/agencies/${GOVERNMENT}/apply`, '/track']) {
      await portal.goto(page, path);
      await assertAccessibleBasics(page);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      assert.ok(scrollWidth <= innerWidth, `${path}: scrollWidth ${scrollWidth} > ${innerWidth}`);
    }
    await screenshot(page, 'phone-track');
    await portal.goto(page, `/agencies/${GOVERNMENT}/apply`);
    await screenshot(page, 'phone-apply');
  });
});
