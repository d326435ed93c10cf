(function () {
  'use strict';
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Sortable table: click (or Enter on) a header; a second click reverses; blanks stay last.
  var table = document.getElementById('reports');
  var tbody = table.tBodies[0];
  var ths = table.tHead.rows[0].cells;
  var collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN', { numeric: true }) : null;
  var sorted = { col: -1, asc: true };
  function cellKey(row, col, numeric) {
    var td = row.cells[col];
    if (!td) return null;
    var v = td.hasAttribute('data-v') ? td.getAttribute('data-v') : td.textContent;
    if (v === '') return null;
    return numeric ? parseFloat(v) : v;
  }
  function sortBy(col) {
    var numeric = ths[col].getAttribute('data-type') === 'num';
    var asc = sorted.col === col ? !sorted.asc : !numeric;
    sorted = { col: col, asc: asc };
    var keyed = Array.prototype.map.call(tbody.rows, function (r, i) {
      return { r: r, k: cellKey(r, col, numeric), i: i };
    });
    keyed.sort(function (a, b) {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : (a.k === null ? 1 : -1);
      var c = numeric ? a.k - b.k : (collator ? collator.compare(a.k, b.k) : (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
      return c === 0 ? a.i - b.i : (asc ? c : -c);
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.r); });
    tbody.appendChild(frag);
    for (var i = 0; i < ths.length; i++) {
      ths[i].setAttribute('aria-sort', i === col ? (asc ? 'ascending' : 'descending') : 'none');
    }
  }
  Array.prototype.forEach.call(ths, function (th, col) {
    if (th.getAttribute('data-type') === 'none') return;
    th.tabIndex = 0;
    th.title = '点击排序';
    th.addEventListener('click', function () { sortBy(col); });
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(col); }
    });
  });

  // Filter by file or agency.
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(tbody.rows, function (r) {
      var text = ((r.cells[0] ? r.cells[0].textContent : '') + ' ' + (r.cells[1] ? r.cells[1].textContent : '')).toLowerCase();
      r.hidden = q !== '' && text.indexOf(q) < 0;
      if (!r.hidden) n++;
    });
    shown.textContent = q === '' ? '' : '显示 ' + n + ' 行';
  });

  // Charts.
  if (typeof echarts === 'undefined') return;
  var data = window.AUDIT_DATA || {};
  var charts = [];
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
  }
  function empty(isEmpty) {
    return isEmpty ? { text: '暂无数据', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 14 } } : undefined;
  }
  var agencies = data.agencies || [];
  var perYear = data.perYear || [];
  var many = agencies.length > 20;
  chart('chart-agencies', {
    title: empty(agencies.length === 0),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: function (ps) {
        var s = esc(ps.length ? ps[0].name : '');
        ps.forEach(function (p) { s += '<br>' + p.marker + esc(p.seriesName) + '：' + esc(p.value); });
        return s;
      }
    },
    legend: { show: perYear.length > 1, top: 0 },
    grid: { left: 10, right: many ? 50 : 20, top: perYear.length > 1 ? 30 : 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: agencies, axisLabel: { width: 160, overflow: 'truncate' } },
    dataZoom: many ? [
      { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 19, right: 5, width: 18 },
      { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: 19 }
    ] : [],
    series: perYear.map(function (s) { return { name: s.name, type: 'bar', stack: 'total', data: s.data }; })
  });
  function pie(id, items, colors) {
    var total = items.reduce(function (a, x) { return a + x.value; }, 0);
    chart(id, {
      title: empty(total === 0),
      color: colors,
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return esc(p.name) + '：' + esc(p.value) + '（' + p.percent + '%）'; }
      },
      legend: { bottom: 0 },
      series: [{
        type: 'pie', radius: ['25%', '50%'], center: ['50%', '45%'], avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%', overflow: 'none' }, labelLine: { length: 8, length2: 6 },
        data: items.filter(function (x) { return x.value > 0; })
      }]
    });
  }
  pie('chart-outcomes', data.outcomes || [], ['#27ae60', '#2e86c1', '#c0392b', '#f39c12', '#8e44ad', '#7f8c8d']);
  pie('chart-status', data.status || [], ['#c0392b', '#27ae60', '#95a5a6']);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
