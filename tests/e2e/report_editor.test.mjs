// The annual-report editor in a browser, from an empty year to a report on
// the portal: an officer (教育局, which has no report yet) opens 2025, enters
// table 二 and the narratives, sees a finding appear while typing and
// disappear once fixed, saves, previews, downloads the DOCX and the PDF,
// publishes past the deadline (with the warning) and finds the report on the
// portal. Then the supervisor's overview and a read-only report.
// Screenshots: staff-report-list, staff-report-editor-empty,
// staff-report-editor-finding, staff-report-editor-saved,
// staff-report-published, staff-report-portal, staff-report-overview,
// staff-report-readonly.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';
import { readZip } from './lib/zip.mjs';

const settle = (page) => page.waitForLoadState('networkidle');
const YEAR = 2025;
const TITLE = `海盐县教育局${YEAR}年政府信息公开工作年度报告`;

async function signIn(portal, page, username, password) {
  await portal.goto(page, '/staff/login');
  await settle(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL(/\/staff\/cases$/, { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
  await settle(page);
}

/** Clicks a download link; the file's bytes. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name }).click()]);
  assert.equal(await file.failure(), null, `${name} downloads`);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-report-'));
  try {
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-pdf-'));
  try {
    const path = join(dir, 'r.pdf');
    writeFileSync(path, bytes);
    const out = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, `pdftotext: ${out.stderr}`);
    return out.stdout.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The findings panel's text. */
const panel = (page) => page.locator('#rep-findings-panel');

describe('annual-report editor', () => {
  const portal = usePortal();

  it('the report editor from empty to published', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu', 'jiaoyu-demo-2026');

    await portal.goto(page, '/staff/reports');
    await settle(page);
    await assertAccessibleBasics(page);
    const row = page.locator('table.rep-years tbody tr').filter({ hasText: `${YEAR}年度` });
    assert.match(await text(row), /未开始/);
    await screenshot(page, 'staff-report-list');

    await Promise.all([page.waitForURL(new RegExp(`/staff/reports/${YEAR}$`)), row.getByRole('link').click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), TITLE);
    assert.match(await text(panel(page)), /R9-blank-cell/);
    assert.match(await text(page.locator('.rep-computed').locator('..')), /自动统计/);
    await screenshot(page, 'staff-report-editor-empty');

    // Table 二: the entered rows (the 规章/规范性文件 rows come from the catalog).
    await page.getByLabel('行政许可·本年处理决定数量').fill('120');
    await page.getByLabel('行政处罚·本年处理决定数量').fill('35');
    await page.getByLabel('行政强制·本年处理决定数量').fill('0');
    // The fee stays blank for now: the blank-cell finding remains, live.
    await page.getByLabel('（一）主动公开').fill('2025年，我局主动公开政府信息468条，重点公开教育经费、招生入学等信息。');
    await page.getByLabel('（三）政府信息管理').fill('落实公开属性源头认定和保密审查。');
    await page.getByLabel('（四）政府信息公开平台建设').fill('完善门户网站教育专栏。');
    await page.getByLabel('（五）监督保障').fill('开展政府信息公开业务培训2次。');
    await page.getByLabel('五、存在的主要问题及改进情况').fill('政策解读形式较单一，2026年将增加图解解读。');
    await page.getByLabel('六、其他需要报告的事项').fill('本年度未收取信息处理费。');

    // A figure in the narrative that contradicts table 三 appears as a finding while typing…
    await page.getByLabel('（二）依申请公开').fill('本年共收到政府信息公开申请9999件，均按时答复。');
    await page.locator('#rep-findings-panel [data-code="R10-narrative-mismatch"]').waitFor();
    assert.match(await text(page.locator('#rep-live-status')), /已随输入校验/);
    assert.match(await text(panel(page)), /正文称受理（收到）申请9999件/);
    await screenshot(page, 'staff-report-editor-finding');
    // …and disappears once fixed; so does the blank cell once filled.
    await page.getByLabel('（二）依申请公开').fill('依法依规办理政府信息公开申请，均在法定期限内答复。');
    await page.getByLabel('行政事业性收费·本年收费金额（单位：万元）').fill('0');
    await page.locator('#rep-findings-panel [data-code="R10-narrative-mismatch"]').waitFor({ state: 'detached' });
    await page.locator('#rep-findings-panel [data-code="R9-blank-cell"]').waitFor({ state: 'detached' });

    await Promise.all([page.waitForURL(/saved=1/, { waitUntil: 'load' }), page.getByRole('button', { name: '保存草稿' }).click()]);
    await settle(page);
    assert.match(await text(page.locator('.alert-ok')), /草稿已保存（第1版）/);
    assert.equal(await page.getByLabel('行政许可·本年处理决定数量').inputValue(), '120');
    await screenshot(page, 'staff-report-editor-saved');

    // Preview in the official layout.
    await Promise.all([page.waitForURL(/\/preview$/), page.getByRole('link', { name: '预览（正式版式）' }).click()]);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), TITLE);
    assert.match(await text(page.locator('body')), /主动公开政府信息468条/);
    await page.goBack();
    await settle(page);

    // DOCX and PDF.
    const docx = await download(page, '下载Word（DOCX）');
    assert.match(docx.name, /\.docx$/);
    const xml = readZip(docx.bytes).get('word/document.xml')().toString('utf8').replace(/<[^>]+>/g, '');
    assert.ok(xml.includes(TITLE), 'the DOCX has the title');
    const pdf = await download(page, '下载PDF');
    assert.match(pdf.name, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF');
    const pdfWords = pdfText(pdf.bytes);
    assert.ok(pdfWords.includes(TITLE), 'the PDF has the title');
    assert.ok(pdfWords.includes('468'), 'the PDF has the narrative figure');

    // Publish: the deadline (2026-01-31) has passed, so the warning shows and
    // the lateness must be acknowledged.
    const publish = page.locator('.rep-publish');
    assert.match(await text(publish.getByRole('alert')), /已超过法定公开期限（2026年1月31日）/);
    await publish.getByLabel('我已知晓逾期，仍然发布').check();
    await Promise.all([page.waitForURL(/published=1/, { waitUntil: 'load' }), publish.getByRole('button', { name: /发布第 1 版草稿/ }).click()]);
    await settle(page);
    assert.match(await text(page.locator('.alert-ok')), /发布到门户网站（逾期发布，已记录）/);
    assert.match(await text(page.locator('.page-sub')), /已发布/);
    await screenshot(page, 'staff-report-published');

    // On the portal.
    await portal.goto(page, `/agencies/330424102/reports/${YEAR}`);
    await settle(page);
    assert.match(await text(page.getByRole('heading', { level: 1 })), /海盐县教育局.*2025年.*年度报告/);
    assert.match(await text(page.locator('.report-body')), /主动公开政府信息468条/);
    assert.ok((await page.getByRole('link', { name: 'PDF' }).count()) > 0, 'the PDF download is offered');
    await screenshot(page, 'staff-report-portal');
  });

  it('the supervisor sees which agencies have not submitted and the summed report', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'zhengwu', 'zhengwu-demo-2026');
    await portal.goto(page, `/staff/reports/overview?year=${YEAR}`);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '报告汇总');
    assert.match(await text(page.locator('.rep-attention').first()), /尚未提交/);
    const table = page.locator('table.rep-overview-table');
    const first = await text(table.locator('tbody tr').first());
    assert.match(first, /未提交/, 'agencies that have not submitted come first');
    const housing = table.locator('tbody tr').filter({ hasText: '海盐县住房和城乡建设局' });
    assert.match(await text(housing), /草稿/);
    const education = table.locator('tbody tr').filter({ hasText: '海盐县教育局' });
    assert.match(await text(education), /已发布.*逾期发布/);
    assert.ok((await page.locator('.rep-aggregate table.gk-report-table').count()) === 3, 'the summed report in the official layout');
    const xlsx = await download(page, '下载Excel（XLSX）');
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
    await screenshot(page, 'staff-report-overview');

    await Promise.all([page.waitForURL(/agency=330424107/), housing.getByRole('link', { name: /查看/ }).click()]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.match(await text(page.locator('.alert-warn').first()), /只能查看/);
    assert.equal(await page.getByRole('button', { name: '保存草稿' }).count(), 0);
    assert.ok(await page.getByLabel('行政许可·本年处理决定数量').isDisabled());
    await screenshot(page, 'staff-report-readonly');
  });
});
