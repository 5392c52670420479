/*
 * The maintainers' console: see what citizens ask (dashboard), teach the assistant (knowledge gaps linked to KB items
 * as suggestions, the review of pending suggestions) and edit the knowledge base (FAQs, with history and revert).
 * Screens and parts in files of their own (conversations.js, guides.js) use window.MaintainerConsole, defined below,
 * and register their screen there.
 * Talks to /api/v1/staff/maintain/* and /api/v1/staff/kb/* with the staff login token (sessionStorage, this tab
 * only); never the admin API key. Text is only ever set with textContent; charts are SVG built with DOM calls.
 */
(function () {
  'use strict';

  var API = '/api/v1/staff';
  var M = API + '/maintain';
  var SVG = 'http://www.w3.org/2000/svg';
  var GAP_REASONS = { clarified: '请市民澄清', low_confidence: '没把握', unresolved: '未解决', not_useful: '市民评价无帮助' };
  var ACTIONS = { edit: '编辑', 'add-similar': '新增相似问法', 'suggestion-accept': '采纳建议', revert: '撤销',
    'guide-edit': '编辑章节' };
  var FIELDS = { question: '问题', similar: '相似问法', answer: '答案', guide: '关联指南', heading: '章节标题',
    body: '章节内容' };

  var state = { me: null, screen: 'dashboard', guides: [], faq: null, status: null };

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function button(text, className, label) {
    var b = el('button', className || null, text);
    b.type = 'button';
    if (label) { b.setAttribute('aria-label', label); }
    return b;
  }

  function notice(text) { $('notice').textContent = text || ''; }

  function pct(rate) { return (Math.round(rate * 1000) / 10) + '%'; }

  function rate(part, all) { return all ? part / all : 0; }

  function localTime(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : ''; }

  var session = window.StaffSession({ storageKey: 'maintainer-token', show: showConsole, start: start });

  function call(method, url, body) { return session.call(method, url, body); }

  function logout(message) { session.logout(message); }

  // --- login ---

  function showConsole(show) {
    $('login-view').hidden = show;
    $('console').hidden = !show;
    $('who').hidden = !show;
  }

  function start() {
    call('GET', API + '/me').then(function (me) {
      if (me.roles.indexOf('ADMIN') < 0 && me.roles.indexOf('MAINTAINER') < 0) {
        logout('该账号没有维护权限（需要管理员或维护角色）。');
        return;
      }
      state.me = me;
      $('who-name').textContent = me.display_name + '（' + me.username + '）';
      showConsole(true);
      show(state.screen, false);
    }).catch(function () { /* handled by call */ });
  }

  // --- screens ---

  // every screen: its section and tab share the name; screens in files of their own register themselves
  var screens = {};

  function show(screen, focus) {
    state.screen = screen;
    Object.keys(screens).forEach(function (s) {
      $(s).hidden = s !== screen;
      var tab = $('tab-' + s);
      if (s === screen) { tab.setAttribute('aria-current', 'page'); } else { tab.removeAttribute('aria-current'); }
    });
    notice('');
    var loaded = screens[screen]();
    if (focus) { $(screen + '-title').focus(); }
    return loaded;
  }

  // --- dashboard ---

  function loadDashboard() {
    var days = $('period').value;
    return call('GET', M + '/analytics?days=' + days).then(renderDashboard)
      .catch(function (e) { notice(e.message); });
  }

  function sumBy(rows, key) {
    var out = {};
    var order = [];
    rows.forEach(function (r) {
      var k = r[key];
      if (!out[k]) { out[k] = { questions: 0, answered: 0, clarified: 0, handed_off: 0 }; order.push(k); }
      out[k].questions += r.questions;
      out[k].answered += r.answered;
      out[k].clarified += r.clarified;
      out[k].handed_off += r.handed_off;
    });
    return { sums: out, order: order };
  }

  function renderDashboard(report) {
    $('period-text').textContent = report.from + ' 至 ' + report.to + '（' + report.zone + '）';
    var t = report.totals;
    var totals = $('totals');
    totals.replaceChildren();
    [['提问数', String(t.questions)], ['解答率', pct(t.resolution_rate)],
      ['澄清率', pct(rate(t.clarified, t.questions))], ['转人工率', pct(t.handoff_rate)],
      ['无帮助的回复', String(t.replies_marked_not_useful)],
      ['平均评分', t.average_rating === null || t.average_rating === undefined ? '—' : String(t.average_rating)]]
      .forEach(function (pair) {
        var box = el('div');
        box.appendChild(el('dt', null, pair[0]));
        box.appendChild(el('dd', null, pair[1]));
        totals.appendChild(box);
      });

    // every day of the period, also those without questions
    var byDay = sumBy(report.by_domain_and_day, 'day');
    var days = Object.keys(report.not_useful_by_day || {});
    if (days.length === 0) { days = byDay.order; }
    var dayRows = days.map(function (d) {
      var s = byDay.sums[d] || { questions: 0, answered: 0, clarified: 0, handed_off: 0 };
      return { label: d.slice(5), name: d, questions: s.questions, answered: s.answered, clarified: s.clarified,
        handed_off: s.handed_off, not_useful: (report.not_useful_by_day || {})[d] || 0 };
    });
    chart($('days-chart'), dayRows, '每日提问数与其中已解答数的柱状图，数字见下方“每日明细”表。');
    var tbody = $('days-table').tBodies[0];
    tbody.replaceChildren();
    dayRows.forEach(function (r) {
      tbody.appendChild(row([r.name, r.questions, pct(rate(r.answered, r.questions)),
        pct(rate(r.clarified, r.questions)), pct(rate(r.handed_off, r.questions)), r.not_useful]));
    });

    var byDomain = sumBy(report.by_domain_and_day, 'domain');
    var domainRows = byDomain.order.map(function (d) {
      var s = byDomain.sums[d];
      return { label: d, name: d, questions: s.questions, answered: s.answered, clarified: s.clarified,
        handed_off: s.handed_off };
    }).sort(function (a, b) { return b.questions - a.questions; });
    chart($('domains-chart'), domainRows, '各领域提问数与其中已解答数的柱状图，数字见下方“各领域明细”表。');
    var dbody = $('domains-table').tBodies[0];
    dbody.replaceChildren();
    domainRows.forEach(function (r) {
      dbody.appendChild(row([r.name, r.questions, pct(rate(r.answered, r.questions)),
        pct(rate(r.clarified, r.questions)), pct(rate(r.handed_off, r.questions))]));
    });
    if (domainRows.length === 0) { dbody.appendChild(row(['这段时间没有提问', '', '', '', ''])); }
  }

  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (c, i) {
      var cell = el(i === 0 ? 'th' : 'td', i === 0 ? null : 'num', String(c));
      if (i === 0) { cell.setAttribute('scope', 'row'); }
      tr.appendChild(cell);
    });
    return tr;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /** Vertical bars: all questions, and the answered part in front, each with its numbers written above. */
  function chart(holder, rows, summary) {
    holder.replaceChildren();
    var width = Math.max(320, rows.length * 56 + 40);
    var height = 200;
    var base = height - 28;
    var max = rows.reduce(function (m, r) { return Math.max(m, r.questions); }, 0) || 1;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': summary });
    root.appendChild(svg('line', { x1: 30, y1: base, x2: width - 5, y2: base, 'class': 'axis' }));
    rows.forEach(function (r, i) {
      var x = 36 + i * 56;
      var h = Math.round((base - 30) * r.questions / max);
      var a = Math.round((base - 30) * r.answered / max);
      root.appendChild(svg('rect', { x: x, y: base - h, width: 40, height: h, 'class': 'bar' }));
      root.appendChild(svg('rect', { x: x + 8, y: base - a, width: 24, height: a, 'class': 'bar-answered' }));
      root.appendChild(svg('text', { x: x + 20, y: base - h - 6, 'text-anchor': 'middle', 'class': 'label' },
        r.answered + '/' + r.questions));
      root.appendChild(svg('text', { x: x + 20, y: base + 16, 'text-anchor': 'middle', 'class': 'label' },
        r.label.length > 5 ? r.label.slice(0, 5) + '…' : r.label));
    });
    holder.appendChild(root);
    var legend = el('p', 'legend');
    legend.appendChild(el('span', 'swatch all'));
    legend.appendChild(document.createTextNode('提问'));
    legend.appendChild(el('span', 'swatch answered'));
    legend.appendChild(document.createTextNode('已解答（柱上数字：已解答/提问）'));
    holder.appendChild(legend);
  }

  // --- knowledge gaps and suggestions ---

  function loadGaps() {
    var days = $('gap-period').value;
    return Promise.all([
      call('GET', M + '/analytics?days=' + days).then(renderGaps),
      loadSuggestions()
    ]).catch(function (e) { notice(e.message); });
  }

  function counts(map, names) {
    return Object.keys(map || {}).map(function (k) { return (names[k] || k) + ' ' + map[k]; }).join('，');
  }

  function renderGaps(report) {
    var list = $('gap-list');
    list.replaceChildren();
    var gaps = report.knowledge_gaps || [];
    $('gap-empty').hidden = gaps.length > 0;
    gaps.forEach(function (g, i) {
      var li = el('li');
      li.dataset.representative = g.representative;
      var title = el('h3', null, g.representative);
      title.id = 'gap-' + i + '-title';
      li.appendChild(title);
      li.appendChild(el('p', 'meta', g.size + ' 次 · 原因：' + counts(g.reasons, GAP_REASONS) + ' · 领域：'
        + counts(g.domains, {})));
      if (g.examples.length) {
        li.appendChild(el('p', 'meta', '其他问法：'));
        var ex = el('ul');
        g.examples.forEach(function (e) { ex.appendChild(el('li', null, e)); });
        li.appendChild(ex);
      }
      var open = button('关联到已有条目', 'secondary', '把“' + g.representative + '”关联到已有条目');
      open.setAttribute('aria-expanded', 'false');
      open.setAttribute('aria-controls', 'gap-' + i + '-link');
      li.appendChild(open);
      var box = linkBox(g, i);
      li.appendChild(box);
      open.addEventListener('click', function () {
        var opening = box.hidden;
        box.hidden = !opening;
        open.setAttribute('aria-expanded', String(opening));
        if (opening) { $('gap-' + i + '-query').focus(); }
      });
      list.appendChild(li);
    });
  }

  /** A labelled search box of the KB with its 检索 button; the caller handles its submit. */
  function searchForm(inputId, labelText, value) {
    var form = el('form', 'inline-form');
    form.setAttribute('role', 'search');
    var label = el('label', null, labelText);
    label.htmlFor = inputId;
    var input = el('input');
    input.type = 'search';
    input.id = inputId;
    input.value = value;
    var submit = el('button', 'secondary', '检索');
    submit.type = 'submit';
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(submit);
    return { form: form, input: input };
  }

  function linkBox(g, i) {
    var box = el('div', 'link-box');
    box.id = 'gap-' + i + '-link';
    box.hidden = true;
    var found = searchForm('gap-' + i + '-query', '检索知识库', g.representative);
    var form = found.form;
    var input = found.input;
    box.appendChild(form);
    var all = null;
    if (g.examples.length) {
      var check = el('label', 'check');
      all = el('input');
      all.type = 'checkbox';
      all.id = 'gap-' + i + '-all';
      check.htmlFor = all.id;
      check.appendChild(all);
      check.appendChild(document.createTextNode('同时提交该组的其他 ' + g.examples.length + ' 种问法'));
      box.appendChild(check);
    }
    var results = el('ol', 'rows');
    results.id = 'gap-' + i + '-results';
    results.setAttribute('aria-label', '检索结果');
    box.appendChild(results);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = input.value.trim();
      if (!q) { return; }
      call('GET', API + '/kb/search?q=' + encodeURIComponent(q)).then(function (hits) {
        results.replaceChildren();
        if (hits.length === 0) { results.appendChild(el('li', null, '没有找到相关条目。')); }
        hits.forEach(function (h) {
          var li = el('li');
          li.appendChild(el('span', 'title', h.title + (h.section ? ' · ' + h.section : '')));
          li.appendChild(el('span', 'meta', '（' + h.key + '）'));
          li.appendChild(el('p', 'meta', h.text.length > 120 ? h.text.slice(0, 120) + '…' : h.text));
          var link = button('关联到此条目', null, '关联到此条目：把“' + g.representative + '”关联到“' + h.title
            + (h.section ? ' · ' + h.section : '') + '”');
          link.dataset.key = h.key;
          link.addEventListener('click', function () {
            var questions = [g.representative].concat(all && all.checked ? g.examples : []);
            call('POST', M + '/gaps/link', { item: h.key, questions: questions }).then(function (out) {
              notice('已提交 ' + out.suggestions.length + ' 条相似问法待审核（' + h.title + '）。');
              loadSuggestions();
            }).catch(function (e) { notice(e.message); });
          });
          li.appendChild(link);
          results.appendChild(li);
        });
        notice('找到 ' + hits.length + ' 个条目。');
      }).catch(function (e) { notice(e.message); });
    });
    return box;
  }

  function loadSuggestions() {
    return call('GET', API + '/kb/suggestions').then(function (pending) {
      var list = $('suggestion-list');
      list.replaceChildren();
      $('suggestion-empty').hidden = pending.length > 0;
      pending.forEach(function (s) {
        var li = el('li');
        li.dataset.id = s.id;
        li.appendChild(el('h3', null, s.question));
        li.appendChild(el('p', 'meta', '建议作为 ' + s.item + ' 的相似问法 · ' + (s.suggested_by || '') + ' · '
          + localTime(s.suggested_at)));
        var faqInput = null;
        if (!s.faq) {
          var label = el('label', null, '加入到哪个常见问题（编号；指南条目没有相似问法）');
          faqInput = el('input');
          faqInput.id = 'suggestion-' + s.id + '-faq';
          label.htmlFor = faqInput.id;
          li.appendChild(label);
          li.appendChild(faqInput);
        }
        var actions = el('div', 'actions');
        var accept = button('采纳', null, '采纳“' + s.question + '”');
        var reject = button('驳回', 'secondary', '驳回“' + s.question + '”');
        accept.addEventListener('click', function () {
          var body = faqInput && faqInput.value.trim() ? { faq: faqInput.value.trim() } : undefined;
          call('POST', API + '/kb/suggestions/' + s.id + '/accept', body).then(function (d) {
            notice('已采纳：“' + s.question + '”已加入 ' + d.faq + ' 的相似问法'
              + (d.reloaded ? '，知识库已重新加载。' : '。'));
            afterDecision();
          }).catch(function (e) { notice(e.message); });
        });
        reject.addEventListener('click', function () {
          call('POST', API + '/kb/suggestions/' + s.id + '/reject').then(function () {
            notice('已驳回：“' + s.question + '”。');
            afterDecision();
          }).catch(function (e) { notice(e.message); });
        });
        actions.appendChild(accept);
        actions.appendChild(reject);
        li.appendChild(actions);
        list.appendChild(li);
      });
    });
  }

  function afterDecision() {
    loadSuggestions().then(function () { $('suggestions-title').focus(); })
      .catch(function (e) { notice(e.message); });
  }

  // --- the knowledge base ---

  function loadKb() {
    return Promise.all([
      call('GET', M + '/kb/status').then(renderStatus),
      call('GET', M + '/kb/guides').then(function (g) { state.guides = g.guides; }),
      loadRecent()
    ]).then(filter).catch(function (e) { notice(e.message); });
  }

  function renderStatus(s) {
    state.status = s;
    var dl = $('kb-status');
    dl.replaceChildren();
    [['来源', s.source], ['加载时间', localTime(s.loaded_at)], ['办事指南', s.guides], ['常见问题', s.faqs],
      ['检索段落', s.passages]].forEach(function (p) {
      dl.appendChild(el('dt', null, p[0]));
      dl.appendChild(el('dd', null, p[1] === undefined ? '—' : String(p[1])));
    });
    if (s.last_failure) {
      dl.appendChild(el('dt', null, '上次加载失败'));
      dl.appendChild(el('dd', null, s.last_failure + '（' + localTime(s.last_failure_at) + '）'));
    }
    $('kb-readonly').hidden = s.editable;
    $('kb-readonly').textContent = s.editable ? '' : '服务器使用的是内置演示知识库，只读：可以浏览，不能修改。'
      + '要修改，请用 --assistant.kb.path 指定知识库目录。';
    var problems = $('kb-problems');
    problems.replaceChildren();
    (s.problems || []).forEach(function (p) {
      problems.appendChild(el('li', null, p.file + (p.line > 0 ? ' 第 ' + p.line + ' 行' : '') + '：' + p.message));
    });
    if (!s.problems || s.problems.length === 0) {
      problems.appendChild(el('li', 'empty', '没有问题：每个条目都已加载。'));
    }
  }

  function filter(event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    var q = $('kb-filter').value.trim();
    var kind = $('kb-kind').value;
    return call('GET', M + '/kb/' + kind + '?q=' + encodeURIComponent(q)).then(function (found) {
      var list = $('kb-list');
      list.replaceChildren();
      if (kind === 'faqs') {
        found.faqs.forEach(function (f) { list.appendChild(faqRow(f)); });
        $('kb-count').textContent = '常见问题 ' + found.total + ' 条' + (found.total > found.faqs.length
          ? '，显示前 ' + found.faqs.length + ' 条，请缩小筛选范围' : '') + '。';
      } else {
        found.guides.forEach(function (g) { list.appendChild(guideRow(g)); });
        $('kb-count').textContent = '办事指南 ' + found.total + ' 篇。';
      }
    }).catch(function (e) { notice(e.message); });
  }

  function faqRow(f) {
    var li = el('li');
    li.dataset.id = f.id;
    li.appendChild(el('span', 'title', f.question));
    li.appendChild(el('span', 'meta', '（' + f.id + ' · ' + f.domain + (f.guide ? ' · 指南 ' + f.guide : '')
      + ' · 相似问法 ' + f.similar_count + ' 条）'));
    li.appendChild(el('p', 'meta', f.answer));
    var edit = button(editable() ? '编辑' : '查看', 'secondary', (editable() ? '编辑' : '查看') + '“' + f.question + '”');
    edit.addEventListener('click', function () { openFaq(f.id); });
    li.appendChild(edit);
    return li;
  }

  function editable() { return !!(state.status && state.status.editable); }

  function guideRow(g) {
    var li = el('li');
    li.dataset.id = g.id;
    li.appendChild(el('span', 'title', g.title));
    li.appendChild(el('span', 'meta', '（' + g.id + ' · ' + g.domain + (g.department ? ' · ' + g.department : '')
      + ' · 常见问题 ' + g.faqs + ' 条）'));
    li.appendChild(el('p', 'meta', '章节：' + g.sections.join('、')));
    var faqs = button('查看该指南的常见问题', 'secondary', '查看该指南的常见问题：' + g.title);
    faqs.addEventListener('click', function () {
      $('kb-kind').value = 'faqs';
      $('kb-filter').value = '';
      call('GET', M + '/kb/faqs?guide=' + encodeURIComponent(g.id)).then(function (found) {
        var list = $('kb-list');
        list.replaceChildren();
        found.faqs.forEach(function (f) { list.appendChild(faqRow(f)); });
        $('kb-count').textContent = '“' + g.title + '”的常见问题 ' + found.total + ' 条。';
        var first = list.querySelector('button');
        if (first) { first.focus(); }
      }).catch(function (e) { notice(e.message); });
    });
    li.appendChild(faqs);
    var sections = button(editable() ? '编辑章节' : '查看章节', 'secondary',
      (editable() ? '编辑章节：' : '查看章节：') + g.title);
    sections.dataset.action = 'sections';
    sections.addEventListener('click', function () { api.openGuide(g.id); });
    li.appendChild(sections);
    var page = el('a', null, '打开指南页面');
    page.href = g.url;
    page.setAttribute('aria-label', '打开指南页面：' + g.title);
    li.appendChild(page);
    return li;
  }

  function openFaq(id) {
    return call('GET', M + '/kb/faqs/' + encodeURIComponent(id)).then(function (f) {
      fillEditor(f);
      $('editor').hidden = false;
      $('editor-title').focus();
      return loadFaqHistory(f.id);
    }).catch(function (e) { notice(e.message); });
  }

  function fillEditor(f) {
    state.faq = f;
    $('editor-title').textContent = (f.editable ? '编辑常见问题 ' : '查看常见问题 ') + f.id;
    $('faq-question').value = f.question;
    $('faq-similar').value = f.similar.join('\n');
    $('faq-answer').value = f.answer;
    var select = $('faq-guide');
    var none = el('option', null, '不关联');
    none.value = '';
    select.replaceChildren(none);
    state.guides.forEach(function (g) {
      var o = el('option', null, g.title + '（' + g.id + '）');
      o.value = g.id;
      select.appendChild(o);
    });
    select.value = f.guide || '';
    $('faq-fields').disabled = !f.editable;
    $('similar-form').hidden = !f.editable;
  }

  function save(event) {
    event.preventDefault();
    var f = state.faq;
    var body = {
      question: $('faq-question').value, answer: $('faq-answer').value, guide: $('faq-guide').value || null,
      similar: $('faq-similar').value.split('\n'), version: f.version
    };
    $('faq-save').disabled = true;
    call('PUT', M + '/kb/faqs/' + encodeURIComponent(f.id), body).then(function (out) {
      changed(out, '已保存');
    }).catch(function (e) { notice(e.message); })
      .finally(function () { $('faq-save').disabled = false; });
  }

  function addSimilar(event) {
    event.preventDefault();
    var q = $('similar-new').value.trim();
    if (!q) { return; }
    call('POST', M + '/kb/faqs/' + encodeURIComponent(state.faq.id) + '/similar', { question: q }).then(function (out) {
      $('similar-new').value = '';
      changed(out, '已添加相似问法');
    }).catch(function (e) { notice(e.message); });
  }

  /** After a change: the editor shows the FAQ as written, the history the new entry; the KB was reloaded. */
  function changed(out, what) {
    if (out.outcome === 'unchanged') {
      notice('没有改动，知识库未修改。');
      return Promise.resolve();
    }
    return call('GET', M + '/kb/faqs/' + encodeURIComponent(out.faq.id)).then(function (f) {
      fillEditor(f);
      notice(what + '：' + f.id + '。' + (out.reloaded ? '知识库已重新加载。' : '知识库重新加载失败：' + out.message));
      return Promise.all([loadFaqHistory(f.id), loadRecent(), call('GET', M + '/kb/status').then(renderStatus)]);
    }).then(function () { return filter(); });
  }

  function loadFaqHistory(id) {
    return call('GET', M + '/kb/history?faq=' + encodeURIComponent(id)).then(function (changes) {
      renderHistory($('faq-history'), $('faq-history-empty'), changes);
    });
  }

  function loadRecent() {
    return call('GET', M + '/kb/history?limit=20').then(function (changes) {
      renderHistory($('recent-history'), $('recent-empty'), changes);
    });
  }

  function differences(before, after) {
    var list = el('ul', 'diff');
    Object.keys(FIELDS).forEach(function (k) {
      var b = before && typeof before === 'object' ? before[k] : undefined;
      var a = after && typeof after === 'object' ? after[k] : undefined;
      var bt = Array.isArray(b) ? b.join(' | ') : (b === null || b === undefined ? '（无）' : String(b));
      var at = Array.isArray(a) ? a.join(' | ') : (a === null || a === undefined ? '（无）' : String(a));
      if (bt !== at) {
        var li = el('li', null, FIELDS[k] + '：');
        li.appendChild(el('del', null, bt));
        li.appendChild(document.createTextNode(' → '));
        li.appendChild(el('ins', null, at));
        list.appendChild(li);
      }
    });
    return list;
  }

  /** @param reverted called after a revert instead of the FAQ editor's refresh (the guide editor passes one) */
  function renderHistory(list, empty, changes, reverted) {
    list.replaceChildren();
    empty.hidden = changes.length > 0;
    changes.forEach(function (c) {
      var li = el('li');
      li.dataset.id = c.id;
      var what = c.guide ? c.guide + (c.section ? ' · ' + c.section : '') : c.faq;
      li.appendChild(el('span', 'title', localTime(c.at) + ' · ' + c.actor + ' · ' + (ACTIONS[c.action] || c.action)
        + ' · ' + what));
      li.appendChild(differences(c.before, c.after));
      var revert = button('撤销此修改', 'secondary', '撤销此修改：' + c.actor + ' 于 ' + localTime(c.at) + ' 对 '
        + what + ' 的' + (ACTIONS[c.action] || c.action));
      revert.addEventListener('click', function () {
        call('POST', M + '/kb/history/' + c.id + '/revert').then(function (out) {
          if (reverted) { return reverted(out, c); }
          if (c.guide) {
            notice('已撤销对 ' + what + ' 的修改。' + (out.reloaded ? '知识库已重新加载。' : ''));
            return loadRecent();
          }
          if (state.faq && state.faq.id === c.faq && !$('editor').hidden) {
            return changed(out, '已撤销修改').then(function () { $('editor-title').focus(); });
          }
          notice('已撤销对 ' + c.faq + ' 的修改。' + (out.reloaded ? '知识库已重新加载。' : ''));
          return loadRecent();
        }).catch(function (e) { notice(e.message); });
      });
      li.appendChild(revert);
      list.appendChild(li);
    });
  }

  screens.dashboard = loadDashboard;
  screens.gaps = loadGaps;
  screens.kb = loadKb;

  // what the screens in files of their own (conversations.js, guides.js) use
  var api = window.MaintainerConsole = {
    M: M, API: API, $: $, el: el, button: button, notice: notice, localTime: localTime, pct: pct,
    call: call, renderHistory: renderHistory, loadRecent: loadRecent, searchForm: searchForm,
    editable: editable,
    register: function (name, load) { screens[name] = load; },
    openGuide: function () { return Promise.resolve(); }
  };

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', session.login);
    $('logout').addEventListener('click', function () { logout(''); });
    Object.keys(screens).forEach(function (s) {
      $('tab-' + s).addEventListener('click', function () { show(s, true); });
    });
    $('period-form').addEventListener('submit', function (e) { e.preventDefault(); loadDashboard(); });
    $('gap-period-form').addEventListener('submit', function (e) { e.preventDefault(); loadGaps(); });
    $('kb-filter-form').addEventListener('submit', filter);
    $('faq-form').addEventListener('submit', save);
    $('similar-form').addEventListener('submit', addSimilar);
    session.resume();
  });
}());
