// 政府信息公开工作年度报告: the report page's official tables with the demo
// figures, and the DOCX download.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';
import { readZip } from './lib/zip.mjs';

const GOVERNMENT = '海盐县人民政府';
const TITLE = `${GOVERNMENT}2020年政府信息公开工作年度报告`;

async function follow(page, locator, url) {
  await Promise.all([page.waitForURL(url, { waitUntil: 'load' }), locator.click()]);
  await assertAccessibleBasics(page);
}

/** Opens the 2020 report by clicking from the home page. */
async function openReport(portal) {
  const page = await portal.newPage();
  await portal.goto(page, '/');
  await follow(page, page.getByRole('region', { name: '本级政府' }).getByRole('link'), /\/agencies\/\d+$/);
  await follow(
    page,
    page.getByRole('list', { name: '政府信息公开栏目' }).getByRole('link').filter({ hasText: '政府信息公开年报' }),
    /\/reports$/,
  );
  assert.match(await text(page.getByRole('heading', { level: 1 })), /政府信息公开工作年度报告/);
  const years = await page.locator('.report-link').allTextContents();
  assert.ok(years.includes(TITLE), `${TITLE} not listed: ${years}`);
  await follow(page, page.getByRole('link', { name: TITLE, exact: true }), /\/reports\/2020$/);
  return page;
}

/** The cells of the row whose header is `label`, as numbers. */
async function rowFigures(table, label) {
  const row = table.locator('tr').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
  assert.equal(await row.count(), 1, `row ${label}`);
  return (await row.locator('td').allTextContents()).map((s) => Number(s.trim()));
}

describe('annual reports', () => {
  const portal = usePortal();

  it('shows the 2020 report with the official table labels and the demo figures', async () => {
    const page = await openReport(portal);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), TITLE);

    const sections = (await page.locator('.report-body h2').allTextContents()).map((s) => s.trim());
    assert.deepEqual(sections, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);

    const proactive = page.getByRole('table', { name: '主动公开政府信息情况' });
    for (const label of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购']) {
      assert.equal(await proactive.getByText(label, { exact: true }).count(), 1, `proactive table: ${label}`);
    }

    const applications = page.getByRole('table', { name: '收到和处理政府信息公开申请情况' });
    for (const label of ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '三、本年度办理结果', '（一）予以公开', '（三）不予公开', '1.属于国家秘密']) {
      assert.ok((await applications.getByText(label, { exact: true }).count()) >= 1, `applications table: ${label}`);
    }
    const received = await rowFigures(applications, '一、本年新收政府信息公开申请数量');
    assert.equal(received.at(-1), 184, `新收 total: ${received}`);
    assert.equal(received.slice(0, -1).reduce((a, b) => a + b, 0), 184, '新收 columns add up to the total');
    const carried = await rowFigures(applications, '二、上年结转政府信息公开申请数量');
    const processed = await rowFigures(applications, '（七）总计');
    assert.equal(processed.at(-1), 179, `办结 total: ${processed}`);
    const pending = await rowFigures(applications, '四、结转下年度继续办理');
    // The table's own check: 一 + 二 = 三 + 四.
    assert.equal(received.at(-1) + carried.at(-1), processed.at(-1) + pending.at(-1));

    const reviews = page.getByRole('table', { name: '政府信息公开行政复议、行政诉讼情况' });
    for (const label of ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结']) {
      assert.ok((await reviews.getByText(label, { exact: true }).count()) >= 1, `reviews table: ${label}`);
    }
    assert.match(await text(page.locator('.report-body')), /全年共收到政府信息公开申请184件/);

    await screenshot(page, 'report');
  });

  it('downloads the 2020 report as a DOCX', async () => {
    const page = await openReport(portal);
    const link = page.locator('.report-downloads').getByRole('link', { name: 'Word（DOCX）' });
    assert.match(await link.getAttribute('href'), /\/reports\/2020\.docx$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await download.failure(), null);
    assert.match(download.suggestedFilename(), /\.docx$/);

    const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-download-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const bytes = readFileSync(file);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a ZIP archive');
      const zip = readZip(bytes);
      for (const part of ['[Content_Types].xml', 'word/document.xml']) assert.ok(zip.has(part), `${part} missing: ${[...zip.keys()]}`);
      const xml = zip.get('word/document.xml')().toString('utf8');
      assert.match(xml, /本年新收/);
      assert.match(xml, new RegExp(TITLE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The page is still the report: the download did not navigate away.
    assert.match(page.url(), /\/reports\/2020$/);
  });
});
