// The authorization matrix in a real browser: every staff route of
// lib/staff_routes.mjs × every demo login (and signed out). Each login signs
// in through the form in its own Chromium context; each route is fetched
// from inside that page (the browser's own cookies, no redirects followed),
// POSTs with the session's CSRF token. Refused answers must be the Chinese
// error page of the back office, and a login outside 教育局 must never see
// its applicant's name. All mismatches are reported together as one table.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { usePortal } from './lib/portal.mjs';
import { STAFF_ROUTES } from './lib/staff_routes.mjs';

const LOGINS = ['admin', 'zhengwu', 'jiaoyu', 'zhujian', 'shenyue'];
/** Logins that may see 教育局's applications. */
const SEES_JIAOYU = new Set(['admin', 'zhengwu', 'jiaoyu']);

/** A browser context signed in as `username` (or anonymous), on a staff page. */
async function session(browser, baseUrl, username) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/staff/login`, { waitUntil: 'load' });
  let csrf = '';
  if (username) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(`${username}-demo-2026`);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/staff/login'), { waitUntil: 'load' }),
      page.getByRole('button', { name: '登录' }).click(),
    ]);
    // Every role lands on a page of its own work, never on a refusal.
    assert.doesNotMatch(await page.title(), /无权|错误/, `${username}: landing page`);
    // The session's token, from the sign-out form of a page every role may open.
    await page.goto(`${baseUrl}/staff/password`, { waitUntil: 'load' });
    csrf = await page.locator('form.logout-form input[name="csrf"]').inputValue();
    assert.match(csrf, /^[0-9a-f]{32,}$/, `${username}: CSRF token on the page`);
  }
  return { context, page, csrf, username: username ?? 'anonymous' };
}

/** Fetches `path` inside the page: status, final location, HTML. */
function request(s, { method, path, form }) {
  return s.page.evaluate(
    async ({ method, path, form, csrf }) => {
      const init = { method, redirect: 'manual', credentials: 'same-origin' };
      if (method === 'POST') {
        init.headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
        init.body = new URLSearchParams({ ...form, ...(csrf ? { csrf } : {}) }).toString();
      }
      const res = await fetch(path, init);
      if (res.type === 'opaqueredirect') {
        // A manual redirect hides its target from scripts: follow it once to
        // learn it, unless that would repeat a signed-in POST.
        if (method === 'POST' && csrf) return { status: 303, location: '', body: '' };
        const followed = await fetch(path, { ...init, redirect: 'follow' });
        return { status: 303, location: new URL(followed.url).pathname + new URL(followed.url).search, body: '' };
      }
      const type = res.headers.get('content-type') || '';
      return { status: res.status, location: '', body: type.startsWith('text/html') ? await res.text() : '', type };
    },
    { method, path, form: form ?? {}, csrf: s.csrf },
  );
}

/** Resolves the placeholders of the route list from the demo data. */
async function placeholders(browser, baseUrl) {
  const jiaoyu = await session(browser, baseUrl, 'jiaoyu');
  try {
    const values = { year: String(new Date().getFullYear() - 1) };
    const inbox = await request(jiaoyu, { method: 'GET', path: '/staff/cases?state=all' });
    const caseId = inbox.body.match(/href="\/staff\/cases\/(\d+)"/)?.[1];
    assert.ok(caseId, '教育局 has applications in the demo data');
    values.jiaoyuCase = caseId;
    const casePage = await request(jiaoyu, { method: 'GET', path: `/staff/cases/${caseId}` });
    // The applicant as the case page shows it (a person's name or an organisation's).
    const names = [...casePage.body.matchAll(/<dt>(?:姓名|单位名称)<\/dt>\s*<dd>([^<]+)<\/dd>/g)].map((m) => m[1].trim());
    assert.ok(names.length > 0, 'the case page names its applicant');
    if (STAFF_ROUTES.some((r) => r.path.includes('{jiaoyuItem}'))) {
      const items = await request(jiaoyu, { method: 'GET', path: '/staff/items' });
      const itemId = items.body.match(/href="\/staff\/items\/(\d+)"/)?.[1];
      assert.ok(itemId, '教育局 has catalog items listed at /staff/items');
      values.jiaoyuItem = itemId;
    }
    return { values, applicantNames: names };
  } finally {
    await jiaoyu.context.close();
  }
}

const fill = (path, values) =>
  path.replace(/\{(\w+)\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`unknown placeholder ${whole} in ${path}`);
    return values[key];
  });

/** The mismatches as an aligned text table. */
function table(rows) {
  const head = ['route', 'login', 'expected', 'got', 'problem'];
  const cells = rows.map((r) => [r.route, r.login, String(r.expected), String(r.got), r.problem]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
}

describe('authorization matrix', () => {
  // The portal's server and browser; this file opens its own contexts
  // (not portal.newPage), whose refused requests are the point and must not
  // count as page errors.
  const portal = usePortal();

  it('every staff route answers every demo login as the route list says', async () => {
    const browser = portal.browser;
    const mismatches = [];
    try {
      const { values, applicantNames } = await placeholders(browser, portal.baseUrl);
      const sessions = {};
      for (const login of LOGINS) sessions[login] = await session(browser, portal.baseUrl, login);
      let checked = 0;
      for (const entry of STAFF_ROUTES) {
        const method = entry.method ?? 'GET';
        const path = fill(entry.path, values);
        const route = `${method} ${entry.path}`;
        const logins = Object.keys(entry.expect).filter((l) => l !== 'anonymous');
        const missing = LOGINS.filter((l) => !logins.includes(l));
        if (missing.length > 0) {
          mismatches.push({ route, login: missing.join(','), expected: '?', got: '-', problem: 'no expectation for these logins' });
        }
        // Refused logins first, so that an allowed POST cannot change what they see.
        const order = [...logins.filter((l) => entry.expect[l] >= 400), ...logins.filter((l) => entry.expect[l] < 400)];
        for (const login of order) {
          const s = sessions[login];
          if (!s) {
            mismatches.push({ route, login, expected: entry.expect[login], got: '-', problem: 'not a demo login of the matrix' });
            continue;
          }
          const expected = entry.expect[login];
          const got = await request(s, { method, path, form: entry.form });
          checked += 1;
          const problems = [];
          if (got.status !== expected) problems.push(entry.note ? `status (${entry.note})` : 'status');
          if (got.status === 303 && /\/staff\/login/.test(got.location)) problems.push('signed out?');
          if (got.status === 403 || got.status === 404) {
            const heading = got.status === 403 ? '无权访问' : '页面不存在';
            if (!got.body.includes('<html lang="zh-CN">') || !got.body.includes(heading)) {
              problems.push(`not the Chinese ${got.status} page (${heading})`);
            }
          }
          // Refused answers only: demo names repeat across agencies, so an
          // allowed page of the login's own agency may carry the same name.
          if (!SEES_JIAOYU.has(login) && got.status >= 400) {
            const leaked = applicantNames.filter((n) => got.body.includes(n));
            if (leaked.length > 0) problems.push(`shows 教育局's applicant ${leaked.join('、')}`);
          }
          if (problems.length > 0) {
            mismatches.push({ route: `${method} ${path}`, login, expected, got: got.status, problem: problems.join('; ') });
          }
        }
      }
      // Signed out: every route leads to the sign-in page.
      const anonymous = await session(browser, portal.baseUrl, null);
      for (const entry of STAFF_ROUTES) {
        const method = entry.method ?? 'GET';
        const path = fill(entry.path, values);
        const got = await request(anonymous, { method, path, form: entry.form });
        checked += 1;
        const publicStatus = entry.expect.anonymous ?? (entry.path.startsWith('/staff/static/') ? 200 : undefined);
        if (publicStatus !== undefined) {
          if (got.status !== publicStatus) {
            mismatches.push({ route: `${method} ${path}`, login: 'anonymous', expected: publicStatus, got: got.status, problem: 'public file' });
          }
        } else if (got.status !== 303 || !got.location.startsWith('/staff/login')) {
          mismatches.push({ route: `${method} ${path}`, login: 'anonymous', expected: '303 → /staff/login', got: `${got.status} ${got.location}`, problem: 'not sent to sign in' });
        } else if (method === 'GET' && !/^\/staff\/?$/.test(path) && !got.location.includes('next=')) {
          // (The workbench itself needs no way back: signing in lands there.)
          mismatches.push({ route: `${method} ${path}`, login: 'anonymous', expected: 'next=…', got: got.location, problem: 'no way back after signing in' });
        }
      }
      for (const s of [...Object.values(sessions), anonymous]) await s.context.close();
      assert.ok(checked >= STAFF_ROUTES.length * (LOGINS.length + 1), `checked ${checked} answers`);
    } finally {
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => {})));
    }
    assert.equal(mismatches.length, 0, `authorization mismatches:\n${table(mismatches)}`);
  });
});
