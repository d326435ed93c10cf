// Live validation for the annual-report editor (progressive enhancement:
// without this script every save is validated on the server).
//
// While the officer types, the form is posted (debounced) to the same-origin
// JSON check endpoint named by data-check-url; the answer's pre-rendered
// findings panel replaces the panel, and the fields it names are marked
// aria-invalid. Nothing is saved by a check.
(function () {
  'use strict';
  var form = document.getElementById('rep-form');
  var panel = document.getElementById('rep-findings-panel');
  var status = document.getElementById('rep-live-status');
  if (!form || !panel || !form.dataset.checkUrl || !window.fetch) return;

  var DELAY_MS = 400;
  var timer = null;
  var sequence = 0;

  function markFields(names) {
    var flagged = {};
    names.forEach(function (n) { flagged[n] = true; });
    Array.prototype.forEach.call(form.querySelectorAll('input.rep-num'), function (input) {
      if (flagged[input.name]) {
        input.setAttribute('aria-invalid', 'true');
        input.closest('td').classList.add('rep-flagged');
      } else {
        input.removeAttribute('aria-invalid');
        input.closest('td').classList.remove('rep-flagged');
      }
    });
  }

  function check() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    status.textContent = '正在校验…';
    fetch(form.dataset.checkUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: body.toString()
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }).then(function (result) {
      if (mine !== sequence) return; // a newer check is under way
      panel.innerHTML = result.html;
      markFields(result.flagged_fields || []);
      status.textContent = '已随输入校验：错误 ' + result.errors + ' 条，警告 ' + result.warnings +
        ' 条，提示 ' + result.notices + ' 条（尚未保存）。';
    }).catch(function () {
      if (mine !== sequence) return;
      status.textContent = '自动校验暂不可用，保存时将在服务器上校验。';
    });
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
