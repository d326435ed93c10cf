// Case handling in a browser: an officer registers a paper application
// (信函, signed for last week) with a scan and gets the 受理回执, transfers it
// to the competent agency (which then finds it with the 转送告知书), records a
// 行政复议 on a case and enters its result, and reads the reminders page.
// Screenshots: staff-register, staff-case-handling, staff-transfer,
// staff-disputes, staff-reminders.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

const settle = (page) => page.waitForLoadState('networkidle');

async function signIn(portal, page, username, password) {
  await portal.goto(page, '/staff/login');
  await settle(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL(/\/staff\/cases$/, { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
  await settle(page);
}

/** Tells the console check that a POST to `path` re-shows its form with `status`. */
function expectStatus(portal, page, path, status) {
  portal.opened.find((e) => e.page === page)?.expectedStatus.set(portal.url(path), status);
}

/** A date `days` before today, as YYYY-MM-DD (local time, like the server). */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('case handling', () => {
  const portal = usePortal();

  it('registers a paper application, transfers it, and the receiving agency finds it', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.waitForURL(/\/staff\/cases\/new$/);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '登记申请');

    const received = daysAgo(6);
    await page.getByLabel('收到申请日期').fill(received);
    await page.getByLabel(/邮寄（签收）/).check();
    await page.getByLabel('姓名', { exact: true }).fill('纸质申请人');
    await page.getByLabel('身份证件号码').fill('11010519491231002Y');
    await page.getByLabel('联系电话').fill('13857312345');
    await page.getByLabel('通信地址').fill('浙江省嘉兴市海盐县武原街道城北路8号');
    await page.getByLabel(/所需政府信息的名称/).fill('海盐县自然资源和规划局关于城北路8号地块的土地出让合同');
    await page.getByLabel('提供形式').selectOption('paper');
    await page.getByLabel('获取方式').selectOption('post');
    await page.getByLabel(/扫描件/).setInputFiles({ name: '申请书扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%scan\n') });
    await screenshot(page, 'staff-register');

    // A wrong check digit: the form comes back with the input and the error
    // next to the field, as on the public form.
    expectStatus(portal, page, '/staff/cases/new', 422);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '登记并出具受理回执' }).click()]);
    await settle(page);
    assert.match(await text(page.locator('#register-errors')), /身份证/);
    assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '纸质申请人');
    await page.getByLabel('身份证件号码').fill('11010519491231002X');
    await page.getByLabel(/扫描件/).setInputFiles({ name: '申请书扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%scan\n') });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '登记并出具受理回执' }).click()]);
    await settle(page);
    const heading = await text(page.getByRole('heading', { level: 1 }));
    const number = heading.match(/申请 (\d{4}-\d{4}) 已登记/)?.[1];
    assert.ok(number, heading);
    assert.match(await text(page.getByRole('status')), new RegExp(`${received}收到（邮寄（签收））`));
    assert.match(await text(page.locator('main')), /申请书扫描件\.pdf/);
    const ack = page.frameLocator('iframe.hd-notice');
    assert.match(await text(ack.locator('body')), /政府信息公开申请受理回执.*纸质申请人/);

    // Open the case and transfer it to 自然资源和规划局.
    await Promise.all([page.waitForURL(/\/staff\/cases\/\d+$/, { waitUntil: 'load' }), page.getByRole('link', { name: '打开办件' }).click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.match(await text(page.locator('.timeline')), /收到申请.*邮寄（签收）/);
    await screenshot(page, 'staff-case-handling');
    const transfer = page.locator('#transfer');
    await transfer.getByLabel('接收机关').selectOption({ label: '海盐县自然资源和规划局' });
    await transfer.getByLabel('转送理由').fill('所申请的土地出让合同由海盐县自然资源和规划局制作并保存');
    await Promise.all([page.waitForLoadState('load'), transfer.getByRole('button', { name: '转送并生成告知书' }).click()]);
    await settle(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), `申请 ${number} 已转送`);
    const notice = page.frameLocator('iframe.hd-notice');
    assert.match(await text(notice.locator('body')), /政府信息公开申请转送告知书.*纸质申请人.*该政府信息的公开机关为海盐县自然资源和规划局/);
    await screenshot(page, 'staff-transfer');

    // 自然资源和规划局 finds it, with the 转送告知书 among its notices.
    const other = await portal.newPage();
    await signIn(portal, other, 'ziran', 'ziran-demo-2026');
    await other.getByLabel('搜索').fill('纸质申请人');
    await Promise.all([other.waitForURL(/q=/, { waitUntil: 'load' }), other.getByRole('button', { name: '筛选' }).click()]);
    await settle(other);
    const row = other.locator('table.inbox tbody tr').filter({ hasText: '纸质申请人' });
    assert.equal(await row.count(), 1);
    await Promise.all([other.waitForURL(/\/staff\/cases\/\d+$/, { waitUntil: 'load' }), row.locator('td.num a').click()]);
    await settle(other);
    assert.match(await text(other.locator('.timeline')), /转送其他机关/);
    assert.match(await text(other.locator('table.deadlines')), /转送至海盐县自然资源和规划局，自其收到申请之日/);
    assert.equal(await other.locator('.doc-list').getByText('转送告知书').count(), 1);
  });

  it('records a reconsideration on a case and enters its result', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');
    const first = page.locator('table.inbox tbody tr').first().locator('td.num a');
    const number = await text(first);
    await Promise.all([page.waitForURL(/\/staff\/cases\/\d+$/, { waitUntil: 'load' }), first.click()]);
    await settle(page);
    await Promise.all([page.waitForURL(/\/staff\/disputes\/new\?application=\d+$/, { waitUntil: 'load' }), page.getByRole('link', { name: '登记复议或诉讼' }).click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    await page.getByLabel('类型').selectOption('reconsideration');
    await page.getByLabel(/案号/).fill('海政复〔2026〕18号');
    await page.getByLabel('申请（起诉）日期').fill(daysAgo(3));
    // A result needs its date: refused with the reason.
    expectStatus(portal, page, '/staff/disputes', 422);
    await page.getByLabel('审理结果').selectOption('upheld');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '保存' }).click()]);
    await settle(page);
    assert.match(await text(page.locator('#dispute-error')), /须填写审结日期/);
    await page.getByLabel('审理结果').selectOption('pending');
    await Promise.all([page.waitForURL(/\/staff\/cases\/\d+/, { waitUntil: 'load' }), page.getByRole('button', { name: '保存' }).click()]);
    await settle(page);
    const side = page.locator('#disputes');
    assert.match(await text(side), /行政复议 海政复〔2026〕18号.*尚未审结/);

    // The decision arrives: 纠错, counted in table 四's 结果纠正.
    await Promise.all([page.waitForURL(/\/staff\/disputes\/\d+$/, { waitUntil: 'load' }), side.getByRole('link', { name: /海政复〔2026〕18号/ }).click()]);
    await settle(page);
    await page.getByLabel('审理结果').selectOption('corrected');
    await page.getByLabel(/审结日期/).fill(daysAgo(1));
    await Promise.all([page.waitForURL(/\/staff\/disputes\?done=updated$/, { waitUntil: 'load' }), page.getByRole('button', { name: '保存' }).click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    const listed = page.locator('table.hd-disputes-table tbody tr').filter({ hasText: '海政复〔2026〕18号' });
    assert.match(await text(listed), new RegExp(`${number}.*结果纠正`));
    const tally = page.locator('table.hd-tally tbody tr').filter({ hasText: '行政复议' });
    assert.ok(Number(await text(tally.locator('td').nth(1))) >= 1, '结果纠正 counted');
    await screenshot(page, 'staff-disputes');
  });

  it('shows the reminders of the scope and saves the e-mail address', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');
    await page.getByRole('link', { name: '到期提醒' }).click();
    await page.waitForURL(/\/staff\/reminders$/);
    await settle(page);
    await assertAccessibleBasics(page);
    const overdue = page.locator('section').filter({ has: page.getByRole('heading', { name: /已逾期或今日到期/ }) });
    assert.ok((await overdue.locator('tbody tr').count()) > 0, 'the demo has overdue cases');
    assert.match(await text(overdue.locator('tbody tr').first()), /已逾期|今日到期/);
    assert.match(await text(overdue.locator('tbody tr').first()), /海盐县教育局/);
    assert.equal(await page.getByLabel(/接收提醒的电子邮箱/).inputValue(), 'jiaoyu@haiyan.example.gov.cn');
    await screenshot(page, 'staff-reminders');
    await page.getByLabel(/接收提醒的电子邮箱/).fill('chenxiaoyan@haiyan.example.gov.cn');
    await Promise.all([page.waitForURL(/done=email$/, { waitUntil: 'load' }), page.getByRole('button', { name: '保存邮箱' }).click()]);
    await settle(page);
    assert.match(await text(page.getByRole('status')), /电子邮箱已保存/);
    assert.equal(await page.getByLabel(/接收提醒的电子邮箱/).inputValue(), 'chenxiaoyan@haiyan.example.gov.cn');
  });
});
