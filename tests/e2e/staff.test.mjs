// The staff back office in a browser: an officer signs in, finds a case in
// the inbox, registers an extension, downloads the 延期答复告知书 and answers;
// and an application filed on the portal goes from its receipt through 补正
// and extension to the answer, every notice downloaded and read.
// Screenshots: staff-login, staff-inbox, staff-case, staff-case-answered.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';
import { readZip } from './lib/zip.mjs';

/** Waits until the page has loaded everything (its favicon too), so that the
 * next navigation aborts nothing. */
const settle = (page) => page.waitForLoadState('networkidle');

async function signIn(portal, page, username, password) {
  await portal.goto(page, '/staff/login');
  await settle(page);
  await assertAccessibleBasics(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL(/\/staff\/cases$/, { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
  await settle(page);
}

/** Downloads the DOCX of the notice listed as `title` on a case page; its text. */
async function noticeText(page, title) {
  const link = page.locator('.doc-list li').filter({ hasText: title }).getByRole('link', { name: 'DOCX' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(await download.failure(), null, `${title} downloads`);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-staff-'));
  try {
    const file = join(dir, 'notice.docx');
    await download.saveAs(file);
    const entries = readZip(readFileSync(file));
    assert.ok(entries.has('word/document.xml'), `${title} is a Word document`);
    // Word splits text into runs: compare the text without the markup.
    return entries.get('word/document.xml')().toString('utf8').replace(/<[^>]+>/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Submits the action form headed `heading` and waits for its confirmation. */
async function act(page, heading, button, done, fill = async () => {}) {
  const form = page.locator('form.action').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  await fill(form);
  await Promise.all([page.waitForURL(new RegExp(`done=${done}`), { waitUntil: 'load' }), form.getByRole('button', { name: button }).click()]);
  await settle(page);
  assert.match(await text(page.getByRole('status')), /已登记/);
}

describe('staff back office', () => {
  const portal = usePortal();

  it('prints the demo logins on start', () => {
    const out = portal.server.output.stdout;
    assert.match(out, /\/staff\/login/);
    assert.match(out, /admin\s+\/ admin-demo-2026/);
    assert.match(out, /jiaoyu\s+\/ jiaoyu-demo-2026/);
  });

  it('an officer handles a case from the inbox to the answer', async () => {
    const page = await portal.newPage();
    await portal.goto(page, '/staff/login');
    await settle(page);
    await screenshot(page, 'staff-login');
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '依申请公开办件');
    const inbox = page.locator('table.inbox');
    assert.ok((await inbox.locator('tbody tr').count()) > 5, 'the demo cases are listed');
    // Urgent cases first, flagged in words and not by colour alone.
    assert.match(await text(inbox.locator('tbody tr').first().locator('.due-flag')), /已逾期|今日到期/);
    assert.ok((await page.getByText(/即将到期/).count()) > 0);
    await screenshot(page, 'staff-inbox');

    // A case whose answer period is running, least urgent first.
    await page.getByLabel('办理状态').selectOption('registered');
    await Promise.all([page.waitForURL(/state=registered/, { waitUntil: 'load' }), page.getByRole('button', { name: '筛选' }).click()]);
    await settle(page);
    const link = inbox.locator('tbody tr').last().locator('td.num a');
    const number = await text(link);
    await Promise.all([page.waitForURL(/\/staff\/cases\/\d+$/, { waitUntil: 'load' }), link.click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), `申请 ${number}`);
    // Notices address an organisation by its name, a person by theirs.
    const fact = (label) => page.locator('.case-side .facts div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
    const applicant = (await fact('单位名称').count()) > 0 ? await text(fact('单位名称')) : await text(fact('姓名'));
    assert.ok(applicant.length >= 2, 'applicant name shown');

    // Register the extension.
    const form = page.locator('form.action').filter({ has: page.getByRole('heading', { name: '延期答复' }) });
    await form.getByLabel('延长（工作日，最多20）').fill('15');
    await form.getByLabel(/批准人/).fill('办公室主任 张卫东');
    await Promise.all([page.waitForURL(/done=extension/, { waitUntil: 'load' }), form.getByRole('button', { name: '登记延期' }).click()]);
    await settle(page);
    assert.match(await text(page.getByRole('status')), /已登记：延期答复/);
    assert.equal(await text(page.locator('.case-head .badge')), '已延期');
    assert.match(await text(page.locator('.timeline')), /延期答复.*延长15个工作日，批准人：办公室主任 张卫东/);
    assert.match(await text(page.locator('table.deadlines')), /第三十三条/);
    await screenshot(page, 'staff-case');

    // Download the notice: a DOCX naming the applicant.
    const notice = page.locator('.doc-list li').filter({ hasText: '延期答复告知书' }).getByRole('link', { name: 'DOCX' });
    const [download] = await Promise.all([page.waitForEvent('download'), notice.click()]);
    assert.equal(await download.failure(), null);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-staff-'));
    try {
      const file = join(dir, 'notice.docx');
      await download.saveAs(file);
      const entries = readZip(readFileSync(file));
      const xml = entries.get('word/document.xml')().toString('utf8');
      assert.ok(xml.includes(applicant), `the notice names ${applicant}`);
      assert.ok(xml.includes('张卫东'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Answer.
    const answer = page.locator('form.action').filter({ has: page.getByRole('heading', { name: '作出答复' }) });
    await answer.getByLabel('办理结果').selectOption('granted');
    await answer.getByLabel(/提供方式/).fill('现以电子邮件方式向您提供');
    await Promise.all([page.waitForURL(/done=answer/, { waitUntil: 'load' }), answer.getByRole('button', { name: '登记答复' }).click()]);
    await settle(page);
    assert.equal(await text(page.locator('.case-head .badge')), '已答复');
    assert.ok((await page.locator('.doc-list').getByText('政府信息公开申请答复书').count()) === 1);
    // Once answered, the only step left is handling it again (e.g. after a 复议 decision).
    assert.deepEqual(await page.locator('form.action h3').allTextContents(), ['重新办理'], 'no more steps once answered');

    // Sign out: the inbox asks for the login again.
    await Promise.all([page.waitForURL(/\/staff\/login\?bye=1$/, { waitUntil: 'load' }), page.getByRole('button', { name: '退出登录' }).click()]);
    await settle(page);
    await portal.goto(page, '/staff/cases');
    assert.match(page.url(), /\/staff\/login\?next=/);
  });
  it('an application filed online goes through 补正 and extension to an answer, every notice downloaded', async () => {
    // Receipt: the applicant files with 教育局 on the portal.
    const applicant = '林雨桐';
    const portalPage = await portal.newPage();
    await portal.goto(portalPage, '/agencies/330424102/apply');
    await portalPage.getByLabel(/^姓名/).fill(applicant);
    await portalPage.getByLabel('身份证件类型').selectOption({ label: '居民身份证' });
    await portalPage.getByLabel('身份证件号码').fill('11010519491231002X');
    await portalPage.getByLabel('联系电话').fill('13857312345');
    await portalPage.getByLabel('通信地址').fill('浙江省嘉兴市海盐县武原街道海滨东路8号');
    await portalPage.getByLabel('所需政府信息的名称、文号或者特征性描述').fill('海盐县教育局关于学校招生划片的文件');
    await portalPage.getByLabel('电子文本').check();
    await portalPage.getByLabel('网上获取（凭查询码下载）').check();
    await portalPage.getByLabel(/本人（本单位）承诺/).check();
    await Promise.all([portalPage.waitForLoadState('load'), portalPage.getByRole('button', { name: '提交申请' }).click()]);
    await portalPage.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const number = await text(portalPage.locator('#application-number'));
    assert.match(number, /^\d{4}-\d{4}$/);

    // The officer finds it in the inbox.
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');
    await page.getByLabel('搜索').fill(number);
    await Promise.all([page.waitForURL(/q=/, { waitUntil: 'load' }), page.getByRole('button', { name: '筛选' }).click()]);
    await settle(page);
    const row = page.locator('table.inbox tbody tr').filter({ hasText: number });
    assert.equal(await row.count(), 1, `${number} is in the inbox`);
    assert.match(await text(row), new RegExp(applicant));
    await Promise.all([page.waitForURL(/\/staff\/cases\/\d+$/, { waitUntil: 'load' }), row.locator('td.num a').click()]);
    await settle(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), `申请 ${number}`);
    assert.equal(await text(page.locator('.case-head .badge')), '办理中');
    const receipt = await noticeText(page, '受理回执');
    assert.ok(receipt.includes(applicant) && receipt.includes(number), 'the 受理回执 names the applicant and the number');

    // 补正: the notice lists what to correct; the clock stops until the correction arrives.
    const correction = '请说明所需招生划片文件的学段（小学或初中）及年度。';
    await act(page, '告知补正', '登记补正告知', 'correction', async (form) => {
      await form.getByLabel('补正期限（工作日）').fill('10');
      await form.getByLabel('送达方式').selectOption('post');
      await form.getByLabel('需补正的事项（每行一项）').fill(correction);
    });
    assert.equal(await text(page.locator('.case-head .badge')), '待补正');
    // Posted: the applicant's 10 days run from the day it is signed for; until
    // that date is entered the period cannot lapse.
    assert.match(await text(page.locator('table.deadlines')), /送达日期待登记/);
    await act(page, '登记送达日期', '登记送达', 'served');
    assert.doesNotMatch(await text(page.locator('table.deadlines')), /送达日期待登记/);
    const correctionNotice = await noticeText(page, '补正告知书');
    assert.ok(correctionNotice.includes(applicant), 'the 补正告知书 names the applicant');
    assert.ok(correctionNotice.includes(correction), 'and lists what to correct');
    assert.ok(correctionNotice.includes('10个工作日'), 'and the period');
    await act(page, '收到补正', '登记收到补正', 'correction-received');
    assert.equal(await text(page.locator('.case-head .badge')), '办理中');

    // Extension, approved by the head of the office.
    await act(page, '延期答复', '登记延期', 'extension', async (form) => {
      await form.getByLabel('延长（工作日，最多20）').fill('20');
      await form.getByLabel(/批准人/).fill('办公室主任 沈立群');
    });
    assert.equal(await text(page.locator('.case-head .badge')), '已延期');
    const extension = await noticeText(page, '延期答复告知书');
    assert.ok(extension.includes(applicant) && extension.includes('20个工作日'), 'the 延期答复告知书 names the applicant and the days');

    // Answer: granted, with the answer letter.
    await act(page, '作出答复', '登记答复', 'answer', async (form) => {
      await form.getByLabel('办理结果').selectOption('granted');
      await form.getByLabel(/提供方式/).fill('现通过政府信息公开平台向您提供');
    });
    assert.equal(await text(page.locator('.case-head .badge')), '已答复');
    const answer = await noticeText(page, '答复书');
    assert.ok(answer.includes(applicant), 'the 答复书 names the applicant');
    assert.ok(answer.includes('现通过政府信息公开平台向您提供'), 'and how the information is provided');
    // The timeline has every step, in order.
    const timeline = await text(page.locator('.timeline'));
    const steps = ['收到申请', '补正', '延期', '答复'].map((s) => timeline.indexOf(s));
    assert.ok(steps.every((i) => i >= 0), `timeline: ${timeline}`);
    assert.deepEqual([...steps].sort((a, b) => a - b), steps, 'in order');
    await screenshot(page, 'staff-case-answered');

  });
});
