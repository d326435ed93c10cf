// Every staff route and what each demo login gets there, for the browser
// authorization matrix (authorization.test.mjs). Whoever adds a staff route
// adds its entries here (append at the end of the list, one object per line
// or block; keep the list valid JavaScript).
//
// `who` keys are demo logins (see DEMO_LOGINS in gongkai-store):
//   admin (系统管理员), zhengwu (政务公开监督, the county government: reads all
//   subordinate agencies), jiaoyu (经办人, 教育局), zhujian (经办人, 住建局),
//   shenyue (发布审核, the county government).
// `path` may use placeholders that the test resolves from the demo data:
//   {jiaoyuCase} an application id of 教育局, {jiaoyuItem} a catalog item id of
//   教育局 (for staff item routes), {year} the last full year.
// `expect` maps each login to the HTTP status of a GET (or of the POST with
// a valid CSRF token when `method: 'POST'`, with `form` as its body):
//   200 (or 303 for POST) allowed, 403 refused by role, 404 outside the scope.
//   For a POST, 303 stands for any redirect (the browser does not tell them
//   apart); 422 is a form shown again with its error.
//
// How the test runs an entry (so that entries can be written safely):
// - every request is a `fetch` inside a signed-in Chromium page, without
//   following redirects; POSTs are `application/x-www-form-urlencoded` with
//   the session's `csrf` added to `form`;
// - for each entry the refused logins (expect ≥ 400) go first, then the
//   allowed ones in the order of `expect`. A POST that changes data should
//   use a `form` the handler rejects after its authorization check (e.g.
//   `{ date: 'bad' }`, which re-shows the form with 422), so that every
//   allowed login gets the same answer and the demo data stays as it is;
// - a refused answer must be the back office's Chinese error page (无权访问
//   / 页面不存在) and must not show data of 教育局 (its applicant's name)
//   to a login outside it;
// - signed out, every entry must redirect to /staff/login, except the public
//   files under /staff/static/ (200) and entries with an `anonymous` status
//   in `expect`.
// Optional fields: `method` ('GET' default, or 'POST'), `form` (POST body),
// `note` (shown in the mismatch table).
// Not in the list: POST /staff/logout (it would end the matrix's sessions;
// staff.test.mjs signs out) and /staff/login (public by nature).
export const STAFF_ROUTES = [
  { path: '/staff/cases', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/cases/{jiaoyuCase}', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/admin/users', expect: { admin: 200, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 } },
  { path: '/staff/password', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 } },
  { path: '/staff/password', method: 'POST', form: { current: 'x', new: 'new-password-1', confirm: 'new-password-2' }, expect: { admin: 422, zhengwu: 422, jiaoyu: 422, zhujian: 422, shenyue: 422 }, note: 'new passwords differ: form shown again' },
  { path: '/staff/cases/{jiaoyuCase}/actions/answer', method: 'POST', form: { date: 'bad', outcome: 'granted' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'invalid date: form shown again, nothing recorded' },
  { path: '/staff/cases/{jiaoyuCase}/actions/no-such-step', method: 'POST', form: { date: '2025-01-02' }, expect: { admin: 404, zhengwu: 403, jiaoyu: 404, zhujian: 404, shenyue: 403 } },
  { path: '/staff/admin/users', method: 'POST', form: { username: '', display_name: '', role: 'officer', agency: '330424102', password: 'x' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 }, note: 'empty username: form shown again' },
  // Dashboards (统计图表): every role with cases, in its scope.
  { path: '/staff/dashboard', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/dashboard?year={year}&agency=330424102', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/dashboard?agency=330424107&stack=channel', expect: { admin: 200, zhengwu: 200, jiaoyu: 404, zhujian: 200, shenyue: 403 } },
  { path: '/staff/static/echarts-LICENSE.txt', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 }, note: 'public: ECharts licence' },
  // The core back office: workbench, notices, attachments, password reset, stylesheet.
  { path: '/staff', expect: { admin: 303, zhengwu: 303, jiaoyu: 303, zhujian: 303, shenyue: 303 }, note: 'every role goes to its starting page (reviewers: the publishing queue)' },
  { path: '/staff/', expect: { admin: 303, zhengwu: 303, jiaoyu: 303, zhujian: 303, shenyue: 303 }, note: 'every role goes to its starting page' },
  { path: '/staff/cases/{jiaoyuCase}/notices/acknowledgement.docx', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/cases/{jiaoyuCase}/notices/acknowledgement.html', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/cases/{jiaoyuCase}/attachments/999999999', expect: { admin: 404, zhengwu: 404, jiaoyu: 404, zhujian: 404, shenyue: 403 }, note: 'no such attachment' },
  { path: '/staff/admin/users/1/password', method: 'POST', form: { password: 'short' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 }, note: 'too short: nothing changed' },
  { path: '/staff/static/staff.css', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 }, note: 'public stylesheet' },
  // Catalog import (批量导入目录): administrators and officers only.
  { path: '/staff/items/import', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/items/import/template.csv', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/items/import/template.xlsx', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  // Annual-report editor and overview (年度报告, 报告汇总).
  { path: '/staff/reports', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/reports/{year}?agency=330424102', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/reports/{year}/preview?agency=330424102', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/reports/{year}/export/docx?agency=330424102', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/reports/{year}/check?agency=330424102', method: 'POST', form: {}, expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/reports/{year}?agency=330424102', method: 'POST', form: { revision: '0', 'cell:proactive.licensing.decisions': 'abc' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'not a number: form shown again, nothing saved' },
  { path: '/staff/reports/overview', expect: { admin: 200, zhengwu: 200, jiaoyu: 403, zhujian: 403, shenyue: 403 } },
  { path: '/staff/reports/overview/export/xlsx?year={year}', expect: { admin: 200, zhengwu: 200, jiaoyu: 403, zhujian: 403, shenyue: 403 } },
  { path: '/staff/static/report_editor.js', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 } },
  // Publishing workflow (信息发布): officers draft and publish, reviewers decide, supervisors read.
  { path: '/staff/items', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 } },
  { path: '/staff/items?stage=in_review&late=1', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 } },
  { path: '/staff/items/new', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/items/new', method: 'POST', form: { title: '' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 422, shenyue: 403 }, note: 'no title: form shown again, nothing saved' },
  { path: '/staff/items/steps', expect: { admin: 200, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 } },
  { path: '/staff/items/steps', method: 'POST', form: { agency: '330424102', steps: '' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 }, note: 'no steps: form shown again' },
  { path: '/staff/items/{jiaoyuItem}', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 200 } },
  { path: '/staff/items/{jiaoyuItem}/actions/withdraw', method: 'POST', form: { reason: '' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'no reason: refused, nothing changed' },
  { path: '/staff/items/{jiaoyuItem}/actions/reject', method: 'POST', form: { comment: '' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 403, zhujian: 404, shenyue: 422 }, note: 'no comment: refused, nothing recorded' },
  { path: '/staff/items/{jiaoyuItem}/actions/no-such-step', method: 'POST', form: {}, expect: { admin: 404, zhengwu: 404, jiaoyu: 404, zhujian: 404, shenyue: 404 } },
  { path: '/staff/items/{jiaoyuItem}/attachments/999999999', expect: { admin: 404, zhengwu: 404, jiaoyu: 404, zhujian: 404, shenyue: 404 } },
  // Case handling (登记申请, 转送, 重新办理, 复议诉讼, 到期提醒). The demo's first review case (id 1) is 教育局's.
  { path: '/staff/cases/new', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/cases/{jiaoyuCase}/transfer', method: 'POST', form: { date: 'bad', to_agency: '330424107', reason: 'x' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'invalid date: case page shown again, nothing moved' },
  { path: '/staff/cases/{jiaoyuCase}/reopen', method: 'POST', form: { date: 'bad', reason: 'x' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'invalid date: case page shown again' },
  { path: '/staff/disputes', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/disputes/new?application={jiaoyuCase}', expect: { admin: 200, zhengwu: 403, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/disputes', method: 'POST', form: { application: 'none', kind: 'reconsideration', filed_on: 'bad', result: 'pending' }, expect: { admin: 404, zhengwu: 404, jiaoyu: 404, zhujian: 404, shenyue: 403 }, note: 'no application named: nothing recorded' },
  { path: '/staff/disputes/1', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/disputes/1', method: 'POST', form: { kind: 'reconsideration', filed_on: 'bad', result: 'pending' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'invalid date: form shown again' },
  { path: '/staff/reminders', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/account/email', method: 'POST', form: { email: 'not an address' }, expect: { admin: 422, zhengwu: 422, jiaoyu: 422, zhujian: 422, shenyue: 403 }, note: 'invalid address: page shown again' },
  { path: '/staff/admin/users/1/email', method: 'POST', form: { email: 'not an address' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 }, note: 'invalid address: nothing saved' },
  // Routes that had no entry when the matrix was last checked against the routers
  // ({jiaoyuItem} is a published item: only drafts are edited, hence 403 even for its officer).
  { path: '/staff/items/{jiaoyuItem}/edit', expect: { admin: 403, zhengwu: 403, jiaoyu: 403, zhujian: 404, shenyue: 403 }, note: 'published: not editable' },
  { path: '/staff/items/{jiaoyuItem}/edit', method: 'POST', form: { title: '' }, expect: { admin: 403, zhengwu: 403, jiaoyu: 403, zhujian: 404, shenyue: 403 }, note: 'published: not editable' },
  { path: '/staff/items/{jiaoyuItem}/attachments', method: 'POST', form: { note: 'not multipart' }, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'no file: refused, nothing stored' },
  { path: '/staff/items/{jiaoyuItem}/attachments/999999999/delete', method: 'POST', form: {}, expect: { admin: 422, zhengwu: 403, jiaoyu: 422, zhujian: 404, shenyue: 403 }, note: 'no such attachment: nothing removed' },
  { path: '/staff/items/import/confirm', method: 'POST', form: { token: 'expired' }, expect: { admin: 409, zhengwu: 403, jiaoyu: 409, zhujian: 409, shenyue: 403 }, note: 'no such preview: nothing imported' },
  { path: '/staff/reports/{year}/publish?agency=330424102', method: 'POST', form: { revision: '-1' }, expect: { admin: 409, zhengwu: 403, jiaoyu: 409, zhujian: 404, shenyue: 403 }, note: 'stale revision: nothing published' },
];
