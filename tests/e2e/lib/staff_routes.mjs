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
export const STAFF_ROUTES = [
  { path: '/staff/cases', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 403 } },
  { path: '/staff/cases/{jiaoyuCase}', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 404, shenyue: 403 } },
  { path: '/staff/admin/users', expect: { admin: 200, zhengwu: 403, jiaoyu: 403, zhujian: 403, shenyue: 403 } },
  { path: '/staff/password', expect: { admin: 200, zhengwu: 200, jiaoyu: 200, zhujian: 200, shenyue: 200 } },
];
