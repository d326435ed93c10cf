// The staff back office in a browser: an officer signs in, finds a case in
// the inbox, registers an extension, downloads the 延期答复告知书 and answers.
// Screenshots: staff-login, staff-inbox, staff-case.

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
    assert.equal(await page.locator('form.action').count(), 0, 'no more steps once answered');

    // Sign out: the inbox asks for the login again.
    await Promise.all([page.waitForURL(/\/staff\/login\?bye=1$/, { waitUntil: 'load' }), page.getByRole('button', { name: '退出登录' }).click()]);
    await settle(page);
    await portal.goto(page, '/staff/cases');
    assert.match(page.url(), /\/staff\/login\?next=/);
  });
});
