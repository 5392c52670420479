/*
 * The maintainers' conversation log (a screen of /admin/): search transcripts newest first by text, outcome and day,
 * read one with each reply's confidence and the candidates it considered, and mark the KB item that should have
 * answered a reply (a candidate, or one found with the KB search): the question becomes a suggested similar question
 * of it, reviewed under 知识缺口与待审核. Uses the helpers of admin.js (window.MaintainerConsole); text is only ever set
 * with textContent.
 */
(function () {
  'use strict';

  var c = window.MaintainerConsole;
  var $ = c.$;
  var el = c.el;
  var TYPES = { answer: '解答', clarify: '请市民澄清', handoff: '转人工', refuse: '婉拒' };
  var OUTCOMES = { answered: '已解答', clarify: '澄清', handoff: '转人工', not_useful: '无帮助' };
  var STATES = { bot: '机器人', waiting: '等待人工', with_staff: '人工处理中', closed: '已结束' };
  var AUTHORS = { citizen: '市民', assistant: '机器人', staff: '工作人员' };

  var state = { cursor: null, query: '' };

  function query() {
    var parts = ['limit=20'];
    var q = $('conv-q').value.trim();
    if (q) { parts.push('q=' + encodeURIComponent(q)); }
    if ($('conv-outcome').value) { parts.push('outcome=' + encodeURIComponent($('conv-outcome').value)); }
    if ($('conv-day').value) { parts.push('day=' + encodeURIComponent($('conv-day').value)); }
    return parts.join('&');
  }

  function load(event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    state.query = query();
    $('conv-list').replaceChildren();
    return page(null);
  }

  /** One more page of the list, after the cursor (null: from the newest). */
  function page(cursor) {
    var url = c.M + '/conversations?' + state.query + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return c.call('GET', url).then(function (found) {
      var list = $('conv-list');
      found.conversations.forEach(function (item) { list.appendChild(row(item)); });
      state.cursor = found.next_cursor;
      $('conv-more').hidden = !found.next_cursor;
      var shown = list.children.length;
      $('conv-count').textContent = shown === 0 && !found.next_cursor ? '没有符合条件的对话。'
        : '显示 ' + shown + ' 段对话' + (found.next_cursor ? '，还有更早的对话可以加载。' : '。');
    }).catch(function (e) { c.notice(e.message); });
  }

  function row(item) {
    var li = el('li');
    li.dataset.id = item.id;
    var question = item.first_question || '（没有提问）';
    li.appendChild(el('span', 'title', question));
    var outcomes = item.outcomes.map(function (o) { return OUTCOMES[o] || o; }).join('、');
    li.appendChild(el('p', 'meta', c.localTime(item.updated_at) + ' · ' + (STATES[item.status] || item.status)
      + ' · ' + item.messages + ' 条消息' + (outcomes ? ' · ' + outcomes : '')
      + (item.rating ? ' · 评分 ' + item.rating : '')));
    var open = c.button('查看对话', 'secondary', '查看对话：' + question);
    open.addEventListener('click', function () { read(item.id); });
    li.appendChild(open);
    return li;
  }

  function read(id) {
    return c.call('GET', c.M + '/conversations/' + encodeURIComponent(id)).then(function (t) {
      render(t);
      $('transcript').hidden = false;
      $('transcript-title').focus();
    }).catch(function (e) { c.notice(e.message); });
  }

  function render(t) {
    $('transcript').dataset.id = t.id;
    $('transcript-meta').textContent = '开始于 ' + c.localTime(t.created_at) + ' · ' + (STATES[t.status] || t.status)
      + (t.handoff_reason ? ' · 转人工原因：' + t.handoff_reason : '') + (t.rating ? ' · 评分 ' + t.rating : '');
    var list = $('transcript-messages');
    list.replaceChildren();
    t.messages.forEach(function (m) { list.appendChild(message(t.id, m)); });
  }

  function message(conversation, m) {
    var li = el('li', 'message ' + m.author);
    li.dataset.id = m.id;
    var who = AUTHORS[m.author] || m.author;
    if (m.staff_name) { who += '（' + m.staff_name + '）'; }
    li.appendChild(el('p', 'meta', who + ' · ' + c.localTime(m.at)));
    li.appendChild(el('p', 'text', m.text));
    if (!m.reply) { return li; }
    var facts = (TYPES[m.reply.type] || m.reply.type) + ' · 置信度 ' + c.pct(m.reply.confidence);
    if (m.useful === false) { facts += ' · 市民评价：无帮助'; }
    if (m.useful === true) { facts += ' · 市民评价：有帮助'; }
    li.appendChild(el('p', 'meta reply-facts', facts));
    if (m.question === undefined || m.question === null) { return li; }
    var heading = el('h4', null, '机器人考虑过的条目');
    heading.id = 'msg-' + m.id + '-candidates';
    li.appendChild(heading);
    var candidates = el('ol', 'candidates');
    candidates.setAttribute('aria-labelledby', heading.id);
    (m.considered || []).forEach(function (k) {
      candidates.appendChild(candidate(conversation, m, k.key, k.title, k.section,
        '得分 ' + (Math.round(k.score * 100) / 100)));
    });
    if (!m.considered || m.considered.length === 0) {
      candidates.appendChild(el('li', 'empty', '这条回复没有保存候选条目。'));
    }
    li.appendChild(candidates);
    li.appendChild(search(conversation, m));
    return li;
  }

  function candidate(conversation, m, key, title, section, extra) {
    var li = el('li');
    var name = title + (section ? ' · ' + section : '');
    li.appendChild(el('span', 'title', name));
    li.appendChild(el('span', 'meta', '（' + key + (extra ? ' · ' + extra : '') + '）'));
    var mark = c.button('标注为正确条目', null, '标注为正确条目：“' + name + '”应回答“' + m.question + '”');
    mark.dataset.key = key;
    mark.addEventListener('click', function () {
      c.call('POST', c.M + '/conversations/' + conversation + '/messages/' + m.id + '/mark', { item: key })
        .then(function (out) {
          c.notice(out.outcome === 'suggested'
            ? '已提交待审核：“' + out.question + '”作为“' + name + '”的相似问法。'
            : '“' + name + '”已有这个问法，无需提交。');
        }).catch(function (e) { c.notice(e.message); });
    });
    li.appendChild(mark);
    return li;
  }

  /** The KB search, to mark an item the reply did not consider. */
  function search(conversation, m) {
    var box = el('div', 'link-box');
    var found = c.searchForm('msg-' + m.id + '-query', '检索知识库中的正确条目', m.question);
    var form = found.form;
    var input = found.input;
    box.appendChild(form);
    var results = el('ol', 'rows');
    results.id = 'msg-' + m.id + '-results';
    results.setAttribute('aria-label', '检索结果');
    box.appendChild(results);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = input.value.trim();
      if (!q) { return; }
      c.call('GET', c.API + '/kb/search?q=' + encodeURIComponent(q)).then(function (hits) {
        results.replaceChildren();
        if (hits.length === 0) { results.appendChild(el('li', null, '没有找到相关条目。')); }
        hits.forEach(function (h) { results.appendChild(candidate(conversation, m, h.key, h.title, h.section)); });
        c.notice('找到 ' + hits.length + ' 个条目。');
      }).catch(function (e) { c.notice(e.message); });
    });
    return box;
  }

  c.register('conversations', load);

  document.addEventListener('DOMContentLoaded', function () {
    $('conv-filter-form').addEventListener('submit', load);
    $('conv-more').addEventListener('click', function () {
      var before = $('conv-list').children.length;
      page(state.cursor).then(function () {
        var next = $('conv-list').children[before];
        var button = next && next.querySelector('button');
        if (button) { button.focus(); }
      });
    });
  });
}());
