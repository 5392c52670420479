/*
 * The maintainers' console, quality screen: run the evaluation harness on the KB the server serves now, follow the
 * run, and read the latest report (the figures as a table, the harness's report.html in a sandboxed frame that runs
 * no script). A screen of its own beside admin.js, registered with it and using its helpers (window.MaintainerConsole:
 * the console's staff login, calls, notices); a run's status is refreshed only while this screen is shown.
 * Text is only ever set with textContent.
 */
(function () {
  'use strict';

  var Q = '/api/v1/staff/maintain/quality';
  var POLL_MS = 2000;
  var STATES = { running: '运行中', finished: '已完成', failed: '失败' };
  var METRICS = {
    resolution: '解答率', resolved_within_one_click: '一次点选内解决', wrong_answer_rate: '答错率',
    clarify_rate: '澄清率', recall_at_1: '首位命中率', recall_at_5: '前五命中率', mrr: '平均倒数排名（MRR）',
    oos_not_answered: '超出范围未作答', human_handoff: '应转人工的已转人工', multi_turn_resolution: '多轮解答率',
    turn_resolution: '多轮对话逐轮解答率', dialogues_resolved: '整段对话解决率', context_turns_kept: '承接上文的轮次'
  };

  var state = { timer: null, shownRun: null, lastState: null };

  var c = window.MaintainerConsole;
  var $ = c.$;
  var el = c.el;
  var notice = c.notice;

  function localTime(iso) { return iso ? c.localTime(iso) : '—'; }

  function call(method, url) { return c.call(method, url); }

  function stopPolling() {
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
  }

  // --- status ---

  function load() {
    stopPolling();
    return call('GET', Q).then(render).catch(function (e) { notice(e.message); });
  }

  function render(status) {
    var off = $('quality-off');
    off.hidden = status.enabled;
    off.textContent = status.enabled ? '' : '评测未开启。' + status.how_to_enable_zh;
    $('quality-start').hidden = !status.enabled;
    renderRun(status.run, status.kb);
    renderReports(status.reports);
    if (status.run && status.run.state === 'running' && !$('quality').hidden) {
      state.timer = setTimeout(load, POLL_MS);
    }
  }

  function renderRun(run, kb) {
    var facts = $('quality-run');
    facts.replaceChildren();
    $('quality-never').hidden = !!run;
    var pairs = [['当前知识库', kb]];
    if (run) {
      pairs = pairs.concat([['最近一次评测', STATES[run.state] || run.state], ['发起人', run.started_by],
        ['开始时间', localTime(run.started_at)], ['结束时间', run.state === 'running' ? '—' : localTime(run.finished_at)],
        ['退出码', run.exit_code === null || run.exit_code === undefined ? '—' : String(run.exit_code)
          + (run.timed_out ? '（超时被终止）' : '')]]);
    }
    pairs.forEach(function (p) {
      facts.appendChild(el('dt', null, p[0]));
      facts.appendChild(el('dd', null, p[1]));
    });
    var output = $('quality-output');
    output.textContent = run && run.output_tail.length ? run.output_tail.join('\n') : '（无）';
    output.style.whiteSpace = 'pre-wrap';
    output.style.wordBreak = 'break-all';
    output.style.maxHeight = '16rem';
    output.style.overflow = 'auto';
    output.scrollTop = output.scrollHeight; // the last lines say how it ended
    if (run && state.lastState === 'running' && run.state !== 'running') {
      notice('评测' + (STATES[run.state] || run.state) + '（' + run.id + '）。');
    }
    state.lastState = run ? run.state : null;
  }

  function figure(value) { return value === undefined || value === null ? '—' : value.toFixed(3); }

  function renderReports(reports) {
    var items = reports ? reports.items : [];
    var table = $('quality-table');
    var list = $('quality-reports');
    $('quality-empty').hidden = items.length > 0;
    table.hidden = items.length === 0;
    list.replaceChildren();
    $('quality-reports-meta').textContent = reports
      ? '评测 ' + reports.run + '，' + (STATES[reports.state] || reports.state) + '于 ' + localTime(reports.finished_at)
      : '';
    if (items.length === 0) {
      $('quality-frame').hidden = true;
      return;
    }
    var head = table.tHead.rows[0];
    head.replaceChildren(el('th', null, '指标'));
    head.firstChild.scope = 'col';
    items.forEach(function (r) {
      var th = el('th', null, r.name);
      th.scope = 'col';
      head.appendChild(th);
    });
    var keys = [];
    items.forEach(function (r) {
      Object.keys(r.metrics).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } });
    });
    var body = table.tBodies[0];
    body.replaceChildren();
    keys.forEach(function (k) {
      var tr = el('tr');
      var th = el('th', null, (METRICS[k] ? METRICS[k] + ' ' : '') + '(' + k + ')');
      th.scope = 'row';
      tr.appendChild(th);
      items.forEach(function (r) { tr.appendChild(el('td', 'num', figure(r.metrics[k]))); });
      body.appendChild(tr);
    });

    items.forEach(function (r, i) {
      if (!r.html) { return; }
      var li = el('li');
      li.appendChild(el('span', 'title', r.name + '：' + (r.questions || '') + '，知识库 ' + (r.kb || '')));
      li.appendChild(document.createElement('br'));
      var open = el('button', 'secondary', '在下方查看 ' + r.name + ' 的完整报告');
      open.type = 'button';
      open.dataset.report = r.name;
      var tab = el('a', null, '在新标签页打开');
      // a link's ticket lasts minutes: take a fresh one from the status before showing the report
      open.addEventListener('click', function () {
        call('GET', Q).then(function (now) {
          var fresh = (now.reports ? now.reports.items : []).filter(function (x) { return x.name === r.name; })[0];
          if (fresh && fresh.html && now.reports.run === reports.run) {
            tab.href = fresh.html;
            frame(fresh);
          } else {
            notice('有了更新的评测结果，请重新打开本页查看。');
          }
        }).catch(function (e) { notice(e.message); });
      });
      li.appendChild(open);
      tab.href = r.html;
      tab.target = '_blank';
      tab.rel = 'noopener noreferrer';
      tab.setAttribute('aria-label', '在新标签页打开 ' + r.name + ' 的完整报告');
      li.appendChild(tab);
      list.appendChild(li);
      if (i === 0 && state.shownRun !== reports.run) {
        state.shownRun = reports.run;
        frame(r);
      }
    });
  }

  // the report in a frame sandboxed without scripts; the server serves it with a CSP of its own as well
  function frame(report) {
    var f = $('quality-frame');
    f.title = '评测报告：' + report.name;
    f.src = report.html;
    f.hidden = false;
  }

  function start() {
    call('POST', Q + '/runs').then(function (run) {
      notice('评测已开始（' + run.id + '），运行期间此页会自动刷新。');
      return load();
    }).catch(function (e) { notice(e.message); });
  }

  c.register('quality', function () {
    state.shownRun = null;
    return load();
  });

  document.addEventListener('DOMContentLoaded', function () {
    $('quality-start').addEventListener('click', start);
  });
}());
