// The publishing workflow in a browser: an officer drafts an item and
// attaches a file, the reviewer passes 保密审查 and the two review steps, the
// officer publishes; the portal search finds the item and its attachment
// downloads; withdrawal takes it out of search and its page says so (410).
// Screenshots: staff-items, staff-items-new, staff-items-draft,
// staff-items-review, staff-items-published, staff-items-late, and the portal
// pages staff-items-portal-item and staff-items-portal-withdrawn.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

const settle = (page) => page.waitForLoadState('networkidle');

const TITLE = '海盐县中小学生课后服务收费标准公示';
const WORD = '课后服务收费标准';
const FILE = { name: '课后服务收费标准.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 课后服务收费标准（样例）\n') };

async function signIn(portal, page, username, next = '/staff/items') {
  await portal.goto(page, `/staff/login?next=${encodeURIComponent(next)}`);
  await settle(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`${username}-demo-2026`);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/staff/login'), { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
  await settle(page);
}

/** Clicks `button` (in `scope`) and waits for the confirmation `done`. */
async function submit(page, scope, button, done) {
  await Promise.all([page.waitForURL(new RegExp(`done=${done}`), { waitUntil: 'load' }), scope.getByRole('button', { name: button, exact: true }).click()]);
  await settle(page);
  assert.equal(await page.locator('.alert-ok[role=status]').count(), 1, `confirmation after ${button}`);
}

describe('publishing workflow', () => {
  const portal = usePortal();

  it('draft → 保密审查 and review → publish → search and download → withdraw', async () => {
    const officer = await portal.newPage();
    await signIn(portal, officer, 'jiaoyu');
    await portal.goto(officer, '/staff/items');
    await settle(officer);
    await assertAccessibleBasics(officer);
    assert.equal(await text(officer.getByRole('heading', { level: 1 })), '信息发布');
    await screenshot(officer, 'staff-items');

    // Draft with every field, then an attachment.
    await officer.getByRole('link', { name: '新建信息' }).click();
    await settle(officer);
    await assertAccessibleBasics(officer);
    await officer.getByLabel('标题 *').fill(TITLE);
    await officer.getByLabel('文号').fill('盐教〔2026〕15号');
    await officer.getByLabel('信息分类 *').selectOption({ label: '行政事业性收费' });
    await officer.getByLabel('主题分类').fill('教育');
    await officer.getByLabel('正文').fill(`${TITLE}\n\n根据有关规定，现将我县中小学生课后服务收费标准公示如下。\n\n一、收费标准：每生每学期不超过600元。`);
    await screenshot(officer, 'staff-items-new');
    await submit(officer, officer.locator('form.pub-form'), '保存草稿', 'created');
    const itemPath = new URL(officer.url()).pathname;
    assert.match(itemPath, /^\/staff\/items\/\d+$/);
    assert.equal(await text(officer.locator('#item-stage')), '草稿');
    assert.match(await text(officer.locator('#due-date')), /^\d{4}-\d{2}-\d{2}$/, 'the Art. 26 due date is shown');
    await officer.getByLabel(/上传附件/).setInputFiles(FILE);
    await submit(officer, officer.locator('form.pub-upload'), '上传', 'upload');
    assert.ok((await officer.getByRole('link', { name: FILE.name }).count()) === 1, 'the attachment is listed');
    await screenshot(officer, 'staff-items-draft');
    await submit(officer, officer.locator('#actions'), '提交审核', 'submit');
    assert.equal(await text(officer.locator('#item-stage')), '审核中');
    assert.equal(await officer.getByRole('button', { name: '通过' }).count(), 0, 'the drafter cannot approve');

    // The reviewer passes every step, each with a comment.
    const reviewer = await portal.newPage();
    await signIn(portal, reviewer, 'shenyue', itemPath);
    await assertAccessibleBasics(reviewer);
    for (const [i, step] of ['保密审查', '科室负责人审核', '办公室审核'].entries()) {
      const form = reviewer.locator('form.action');
      assert.equal(await text(form.getByRole('heading', { level: 3 })), step);
      await form.getByLabel('审核意见').fill(i === 0 ? '不涉及国家秘密、工作秘密和个人隐私，可以公开。' : '同意。');
      if (i === 1) await screenshot(reviewer, 'staff-items-review');
      await submit(reviewer, form, '通过', 'approve');
    }
    assert.equal(await text(reviewer.locator('#item-stage')), '待发布');
    assert.equal(await reviewer.locator('.pub-reviews tbody tr').count(), 3, 'three decisions recorded');

    // The officer publishes.
    await portal.goto(officer, itemPath);
    await settle(officer);
    await submit(officer, officer.locator('#actions'), '发布', 'publish');
    assert.equal(await text(officer.locator('#item-stage')), '已发布');
    await screenshot(officer, 'staff-items-published');
    const publicHref = await officer.getByRole('link', { name: '门户页面' }).getAttribute('href');

    // The portal search finds it first; its page offers the attachment.
    const visitor = await portal.newPage();
    await portal.goto(visitor, `/search?q=${encodeURIComponent(WORD)}`);
    await settle(visitor);
    const first = visitor.locator(`a[href="${publicHref}"]`).first();
    assert.equal(await first.count(), 1, 'found by search');
    await Promise.all([visitor.waitForURL((u) => u.pathname === publicHref, { waitUntil: 'load' }), first.click()]);
    await settle(visitor);
    await assertAccessibleBasics(visitor);
    await screenshot(visitor, 'staff-items-portal-item');
    const link = visitor.getByRole('link', { name: FILE.name });
    const [download] = await Promise.all([visitor.waitForEvent('download'), link.click()]);
    assert.equal(await download.failure(), null);
    assert.deepEqual(readFileSync(await download.path()), FILE.buffer, 'the same bytes come back');

    // Withdrawal takes it out of search; its page says why.
    await officer.getByLabel('撤回原因').fill('收费标准调整，待重新公示。');
    await submit(officer, officer.locator('#actions'), '撤回信息', 'withdraw');
    assert.equal(await text(officer.locator('#item-stage')), '已撤回');
    await portal.goto(visitor, `/search?q=${encodeURIComponent(WORD)}`);
    await settle(visitor);
    assert.equal(await visitor.locator(`a[href="${publicHref}"]`).count(), 0, 'gone from search');
    await portal.goto(visitor, publicHref, { status: 410 });
    await settle(visitor);
    assert.match(await text(visitor.locator('.pub-withdrawn-notice')), /收费标准调整，待重新公示/);
    await screenshot(visitor, 'staff-items-portal-withdrawn');
    assert.equal(await visitor.getByRole('link', { name: FILE.name }).count(), 0, 'no attachment once withdrawn');

    // History on the staff page; late items are flagged in the list.
    await portal.goto(officer, itemPath);
    await settle(officer);
    const history = await text(officer.locator('.timeline'));
    for (const action of ['新建草稿', '上传附件', '提交审核', '审核通过', '发布', '撤回']) assert.ok(history.includes(action), action);
    await portal.goto(officer, '/staff/items?late=1');
    await settle(officer);
    assert.ok((await officer.locator('tbody .due-flag').count()) > 0, 'late items are flagged');
    await screenshot(officer, 'staff-items-late');
  });
});
