// The staff dashboards in a browser: ECharts (served by the application
// itself) draws every chart from the options the server embedded, each
// chart's series add up to the figures of its data table, and without
// JavaScript the tables stand in for the charts.
// Screenshots: staff-dashboard (officer), staff-dashboard-supervisor.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessibleBasics, screenshot, text, usePortal } from './lib/portal.mjs';

const settle = (page) => page.waitForLoadState('networkidle');

async function signIn(portal, page, username) {
  await portal.goto(page, '/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`${username}-demo-2026`);
  await Promise.all([page.waitForURL(/\/staff\/cases$/, { waitUntil: 'load' }), page.getByRole('button', { name: '登录' }).click()]);
  await settle(page);
}

/** Per chart id: whether a canvas was drawn, and the series totals of its ECharts instance. */
function chartFacts(page) {
  return page.evaluate(() => {
    const facts = {};
    for (const el of document.querySelectorAll('.dash-chart')) {
      const chart = window.echarts && window.echarts.getInstanceByDom(el);
      const option = chart ? chart.getOption() : { series: [] };
      facts[el.id] = {
        visible: !el.hidden && el.getBoundingClientRect().height > 100,
        canvas: el.querySelectorAll('canvas').length,
        series: option.series.map((s) => ({
          type: s.type,
          name: s.name,
          total: (s.data || []).reduce((sum, d) => sum + (typeof d === 'number' ? d : d && typeof d.value === 'number' ? d.value : 0), 0),
        })),
        tableOpen: el.closest('figure').querySelector('details.dash-data').open,
      };
    }
    return facts;
  });
}

/** The cells of the last row (the total) of a chart's data table. */
async function totalRow(page, id) {
  const row = page.locator(`#${id}`).locator('xpath=..').locator('details.dash-data tbody tr').last();
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

const sum = (series, type) => series.filter((s) => s.type === type).reduce((n, s) => n + s.total, 0);

describe('staff dashboards', () => {
  const portal = usePortal();

  it('draws the charts of an officer with the figures of the tables', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'jiaoyu');
    await Promise.all([
      page.waitForURL(/\/staff\/dashboard$/, { waitUntil: 'load' }),
      page.getByRole('navigation', { name: '后台菜单' }).getByRole('link', { name: '统计图表' }).click(),
    ]);
    await settle(page);
    await assertAccessibleBasics(page);
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '统计图表');
    await page.waitForFunction(() => document.querySelectorAll('.dash-chart canvas').length >= 4);
    const facts = await chartFacts(page);
    assert.deepEqual(Object.keys(facts), ['dash-monthly', 'dash-outcomes', 'dash-answer-time', 'dash-overdue']);
    for (const [id, f] of Object.entries(facts)) {
      assert.ok(f.visible, `${id} is shown`);
      assert.ok(f.canvas >= 1, `${id} has a canvas`);
      assert.equal(f.tableOpen, false, `${id}: the table folds away once drawn`);
    }
    const received = Number(await text(page.locator('.dash-f-received .tile-value')));
    assert.ok(received > 10, 'the demo agency received applications this year');
    // Stacked months add up to the year's total in the table's last row.
    const monthly = await totalRow(page, 'dash-monthly');
    assert.equal(sum(facts['dash-monthly'].series, 'bar'), received);
    assert.equal(Number(monthly.at(-1)), received);
    // The pie holds every closed application; the histogram every answer.
    const [closed] = await totalRow(page, 'dash-outcomes');
    assert.equal(sum(facts['dash-outcomes'].series, 'pie'), Number(closed));
    const [answered] = await totalRow(page, 'dash-answer-time');
    assert.equal(sum(facts['dash-answer-time'].series, 'bar'), Number(answered));
    assert.equal(Number(await text(page.locator('.dash-f-answered .tile-value'))), Number(answered));
    // Late answers and open overdue cases, as in the table.
    const overdue = await totalRow(page, 'dash-overdue');
    assert.equal(sum(facts['dash-overdue'].series, 'bar'), Number(overdue[1]) + Number(overdue[2]));
    assert.ok(facts['dash-overdue'].series.some((s) => s.type === 'line' && s.name === '超期率'));
    await screenshot(page, 'staff-dashboard');

    // Stacked by channel: the same total.
    await page.getByLabel('申请量分组').selectOption('channel');
    await Promise.all([page.waitForURL(/stack=channel/, { waitUntil: 'load' }), page.getByRole('button', { name: '查看' }).click()]);
    await page.waitForFunction(() => document.querySelectorAll('.dash-chart canvas').length >= 4);
    const byChannel = await chartFacts(page);
    assert.equal(sum(byChannel['dash-monthly'].series, 'bar'), received);
    assert.ok(byChannel['dash-monthly'].series.some((s) => s.name === '互联网渠道'));

    // An agency outside the officer's scope in the address: refused without data.
    await portal.goto(page, '/staff/dashboard?agency=330424107', { status: 404 });
    assert.equal(await text(page.getByRole('heading', { level: 1 })), '页面不存在');
    assert.equal(await page.locator('.dash-chart').count(), 0);
  });

  it('compares the agencies of a supervisor', async () => {
    const page = await portal.newPage();
    await signIn(portal, page, 'zhengwu');
    await portal.goto(page, '/staff/dashboard');
    await page.waitForFunction(() => document.querySelectorAll('.dash-chart canvas').length >= 5);
    await assertAccessibleBasics(page);
    const facts = await chartFacts(page);
    const received = Number(await text(page.locator('.dash-f-received .tile-value')));
    const agencies = facts['dash-agencies'].series.find((s) => s.name === '收到申请');
    assert.equal(agencies.total, received, 'the agencies add up to the total');
    assert.equal(sum(facts['dash-monthly'].series, 'bar'), received);
    await screenshot(page, 'staff-dashboard-supervisor');

    // Filter one agency: its own figures, no comparison.
    await page.getByLabel('机关', { exact: true }).selectOption({ label: '海盐县教育局' });
    await Promise.all([page.waitForURL(/agency=330424102/, { waitUntil: 'load' }), page.getByRole('button', { name: '查看' }).click()]);
    await page.waitForFunction(() => document.querySelectorAll('.dash-chart canvas').length >= 4);
    assert.equal(await page.locator('#dash-agencies').count(), 0);
    assert.match(await text(page.locator('.page-sub')), /海盐县教育局/);
  });

  it('shows the data tables without JavaScript', async () => {
    const page = await portal.newPage({ javaScriptEnabled: false });
    await signIn(portal, page, 'jiaoyu');
    await portal.goto(page, '/staff/dashboard');
    const tables = page.locator('details.dash-data[open] table');
    assert.equal(await tables.count(), 4);
    assert.ok(await tables.first().isVisible());
    assert.equal(await page.locator('.dash-chart:visible').count(), 0, 'no empty chart boxes');
    assert.match(await text(tables.first().locator('caption')), /每月收到的申请/);
  });
});
