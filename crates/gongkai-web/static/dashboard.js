// Draws the staff dashboard's charts with ECharts from the options the server
// embedded as JSON (#dash-options). Progressive enhancement: without this
// script every chart's data table is shown instead; with it, the chart appears
// and its table folds into a "数据表" disclosure.
(function () {
  'use strict';
  var block = document.getElementById('dash-options');
  if (!block || typeof window.echarts === 'undefined') return;
  var options;
  try {
    options = JSON.parse(block.textContent);
  } catch (e) {
    return;
  }
  var charts = [];
  Object.keys(options).forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) return;
    element.hidden = false;
    var chart = window.echarts.init(element, null, { renderer: 'canvas', locale: 'ZH' });
    chart.setOption(options[id]);
    charts.push(chart);
    var figure = element.closest('figure');
    var table = figure && figure.querySelector('details.dash-data');
    if (table) table.open = false;
  });
  var pending = null;
  window.addEventListener('resize', function () {
    if (pending) window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      charts.forEach(function (chart) { chart.resize(); });
    }, 100);
  });
})();
