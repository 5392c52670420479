/*
 * The staff console: log in, see the queue, claim a conversation, answer it with help from the knowledge base,
 * transfer or close it. Talks to /api/v1/staff/* with the login token (kept in sessionStorage for this tab only) and
 * listens to /api/v1/staff/events with a single-use ticket. Text is only ever set with textContent.
 */
(function () {
  'use strict';

  var API = '/api/v1/staff';
  var REASONS = {
    requested: '市民要求人工', complaint: '投诉或不满', urgent_help: '紧急求助', emergency: '紧急情况',
    low_confidence: '机器人没把握', unresolved: '连续未解决', negative_feedback: '市民评价无帮助'
  };
  var STATES = { bot: '机器人服务中', waiting: '等待接入', with_staff: '人工服务中', closed: '已结束' };
  var AUTHORS = { citizen: '市民', assistant: '智能助手', staff: '工作人员', system: '系统' };

  var state = { me: null, current: null, events: null, unread: {}, retry: 0 };

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function notice(text) { $('notice').textContent = text || ''; }

  function waited(seconds) {
    if (seconds < 60) { return seconds + ' 秒'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' 分钟'; }
    return Math.floor(seconds / 3600) + ' 小时 ' + Math.floor((seconds % 3600) / 60) + ' 分钟';
  }

  function localTime(iso) {
    return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';
  }

  var session = window.StaffSession({
    storageKey: 'staff-token',
    show: showDesk,
    start: start,
    stop: function () { if (state.events) { state.events.close(); state.events = null; } }
  });

  function call(method, path, body) { return session.call(method, API + path, body); }

  function logout(message) { session.logout(message); }

  // --- login ---

  function showDesk(show) {
    $('login-view').hidden = show;
    $('desk').hidden = !show;
    $('who').hidden = !show;
  }

  function start() {
    call('GET', '/me').then(function (me) {
      state.me = me;
      $('who-name').textContent = me.display_name + '（' + me.username + '）';
      showDesk(true);
      refresh();
      listen();
    }).catch(function () { /* handled by call */ });
  }

  // --- lists ---

  function item(q, mine) {
    var li = el('li');
    li.dataset.id = q.conversation_id;
    var button = el('button');
    button.type = 'button';
    button.dataset.id = q.conversation_id;
    if (state.current === q.conversation_id) { button.setAttribute('aria-current', 'true'); }
    var badges = el('span');
    var reason = el('span', 'badge' + (q.reason === 'emergency' || q.reason === 'complaint' ? ' urgent' : ''),
      REASONS[q.reason] || q.reason);
    badges.appendChild(reason);
    if (q.after_hours) { badges.appendChild(el('span', 'badge', '留言')); }
    if (mine && state.unread[q.conversation_id]) { badges.appendChild(el('span', 'badge unread', '新消息')); }
    button.appendChild(badges);
    button.appendChild(el('span', null, q.question || '（无问题描述）'));
    var meta = mine ? '接手于 ' + localTime(q.claimed_at) : '已等待 ' + waited(q.waiting_seconds)
      + (q.queue_position ? ' · 第 ' + q.queue_position + ' 位' : '');
    button.appendChild(el('span', 'meta', meta));
    button.addEventListener('click', function () { open(q.conversation_id); });
    li.appendChild(button);
    return li;
  }

  // A refresh updates the entries in place: a conversation's button stays the same element, so keyboard focus on it
  // survives a refresh (and so does a reference to it); only new, gone or reordered entries change the list.
  function fill(listId, emptyId, countId, items, mine) {
    var list = $(listId);
    var shown = {};
    Array.prototype.forEach.call(list.children, function (li) { shown[li.dataset.id] = li; });
    var wanted = items.map(function (q) {
      var fresh = item(q, mine);
      var old = shown[q.conversation_id];
      if (!old) { return fresh; }
      var button = old.firstChild;
      button.replaceChildren.apply(button, Array.prototype.slice.call(fresh.firstChild.childNodes));
      if (state.current === q.conversation_id) { button.setAttribute('aria-current', 'true'); }
      else { button.removeAttribute('aria-current'); }
      return old;
    });
    var same = wanted.length === list.children.length
      && wanted.every(function (li, i) { return list.children[i] === li; });
    if (!same) { list.replaceChildren.apply(list, wanted); }
    $(emptyId).hidden = items.length > 0;
    $(countId).textContent = String(items.length);
  }

  function refresh() {
    return call('GET', '/overview').then(function (overview) {
      fill('queue-list', 'queue-empty', 'queue-count', overview.waiting, false);
      fill('mine-list', 'mine-empty', 'mine-count', overview.mine, true);
    }).catch(function (e) { notice(e.message); });
  }

  // --- one conversation ---

  function entry(m) {
    var li = el('li', m.author);
    li.dataset.id = m.id;
    var who = AUTHORS[m.author] || m.author;
    if (m.staff_name) { who += ' ' + m.staff_name; }
    li.appendChild(el('span', 'author', who + ' · ' + localTime(m.at)
      + (m.useful === false ? ' · 市民评价：没帮助' : '')));
    li.appendChild(document.createTextNode(m.text));
    return li;
  }

  function render(c) {
    $('conversation-title').textContent = '会话 ' + c.conversation_id.slice(0, 8);
    $('conversation-facts').hidden = false;
    $('fact-state').textContent = (STATES[c.state] || c.state) + (c.staff_name ? '（' + c.staff_name + '）' : '');
    $('fact-reason').textContent = REASONS[c.reason] || c.reason || '—';
    $('fact-question').textContent = c.question || '—';
    // the contact is shown only to the staff member who claimed the conversation
    $('fact-contact').textContent = c.contact || (c.has_contact ? '已留（接手后可见）' : '—');
    $('fact-since').textContent = localTime(c.waiting_since) +
      (c.after_hours ? '（非工作时间留言，承诺 ' + localTime(c.expected_reply_by) + ' 后回复）' : '');
    var transcript = $('transcript');
    transcript.replaceChildren();
    c.messages.forEach(function (m) { transcript.appendChild(entry(m)); });

    var mine = c.state === 'with_staff' && c.staff === state.me.username;
    $('actions').hidden = false;
    $('claim-button').hidden = c.state !== 'waiting';
    $('reply-form').hidden = !mine;
    $('more-actions').hidden = !mine;

    var candidates = $('candidates');
    candidates.replaceChildren();
    (c.candidates || []).forEach(function (k) {
      var li = el('li', null, k.title + (k.section ? ' · ' + k.section : ''));
      li.appendChild(el('span', 'meta', '（' + k.key + '，得分 ' + k.score + '）'));
      candidates.appendChild(li);
    });
    $('candidates-empty').hidden = (c.candidates || []).length > 0;
    answeredByOptions(c.conversation_id, c.candidates || []);
  }

  // the KB item that answered the citizen, picked on close: the bot's candidates, plus search results chosen below
  // (kept, with the choice, while the same conversation is re-rendered)
  function answeredByOptions(id, items) {
    var select = $('close-answered-by');
    if (state.answeredFor !== id) {
      state.answeredFor = id;
      var none = el('option', null, '不指定');
      none.value = '';
      select.replaceChildren(none);
    }
    items.forEach(function (k) { addAnsweredBy(k.key, k.title, k.section); });
  }

  function addAnsweredBy(key, title, section) {
    var select = $('close-answered-by');
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === key) { return select.options[i]; }
    }
    var option = el('option', null, title + (section ? ' · ' + section : '') + '（' + key + '）');
    option.value = key;
    select.appendChild(option);
    return option;
  }

  /** Fetches the conversation and renders it, leaving the notice and the focus where they are. */
  function show(id) {
    return call('GET', '/conversations/' + id).then(function (c) {
      render(c);
      refresh();
    });
  }

  /** Staff open a conversation: what the last notice said was about another one. */
  function open(id) {
    state.current = id;
    delete state.unread[id];
    notice('');
    return show(id).then(function () { $('conversation').focus(); })
      .catch(function (e) { notice(e.message); });
  }

  function claim() {
    var id = state.current;
    call('POST', '/conversations/' + id + '/claim').then(function (c) {
      render(c);
      refresh();
      notice('已接手，可以回复市民了。');
      $('reply-text').focus();
    }).catch(function (e) { notice(e.message); refresh(); });
  }

  function reply(event) {
    event.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text) { return; }
    $('reply-send').disabled = true;
    call('POST', '/conversations/' + state.current + '/messages', { text: text }).then(function (m) {
      $('transcript').appendChild(entry(m));
      $('reply-text').value = '';
      notice('已发送。');
    }).catch(function (e) { notice(e.message); })
      .finally(function () { $('reply-send').disabled = false; $('reply-text').focus(); });
  }

  function transfer(event) {
    event.preventDefault();
    var to = $('transfer-to').value.trim();
    call('POST', '/conversations/' + state.current + '/transfer', { to: to }).then(function (c) {
      render(c);
      refresh();
      notice('已转给 ' + (c.staff_name || to) + '。');
    }).catch(function (e) { notice(e.message); });
  }

  function close(event) {
    event.preventDefault();
    var answeredBy = $('close-answered-by').value;
    var body = { note: $('close-note').value };
    if (answeredBy) { body.answered_by = answeredBy; }
    call('POST', '/conversations/' + state.current + '/close', body).then(function (c) {
      render(c);
      refresh();
      $('close-note').value = '';
      notice(answeredBy ? '会话已结束；市民的问题已作为相似问法提交管理员审核。' : '会话已结束。');
    }).catch(function (e) { notice(e.message); });
  }

  // --- knowledge base ---

  function search(event) {
    event.preventDefault();
    var q = $('kb-query').value.trim();
    if (!q) { return; }
    call('GET', '/kb/search?q=' + encodeURIComponent(q)).then(function (hits) {
      var results = $('kb-results');
      results.replaceChildren();
      if (hits.length === 0) { results.appendChild(el('li', null, '没有找到相关条目。')); }
      hits.forEach(function (h) {
        var li = el('li');
        li.appendChild(el('strong', null, h.title + (h.section ? ' · ' + h.section : '')));
        li.appendChild(el('p', null, h.text));
        var insert = el('button', 'secondary', '插入回复');
        insert.type = 'button';
        insert.setAttribute('aria-label', '把“' + h.title + '”插入回复');
        insert.addEventListener('click', function () {
          var box = $('reply-text');
          box.value = (box.value ? box.value + '\n' : '') + h.text + h.citation;
          box.focus();
        });
        li.appendChild(insert);
        var pick = el('button', 'secondary', '设为解答条目');
        pick.type = 'button';
        pick.setAttribute('aria-label', '结束会话时把“' + h.title + '”记为解答了市民问题的条目');
        pick.addEventListener('click', function () {
          addAnsweredBy(h.key, h.title, h.section).selected = true;
          $('more-actions').open = true;
          notice('已选定解答条目：' + h.title + '。结束会话时提交。');
          $('close-answered-by').focus();
        });
        li.appendChild(pick);
        results.appendChild(li);
      });
    }).catch(function (e) { notice(e.message); });
  }

  // --- live updates ---

  function live(text) { $('live-state').textContent = text; }

  function listen() {
    if (state.events) { state.events.close(); state.events = null; }
    call('POST', '/events/ticket').then(function (t) {
      var source = new EventSource(API + '/events?token=' + encodeURIComponent(t.ticket));
      state.events = source;
      source.onopen = function () { state.retry = 0; live('实时连接正常'); refresh(); };
      ['queue', 'claimed', 'closed'].forEach(function (type) {
        source.addEventListener(type, function (e) {
          var data = JSON.parse(e.data);
          refresh();
          // the open conversation changed (claimed, closed): show it again, but keep the notice of what staff just
          // did (会话已结束 …) and their focus — the event often arrives after the reply that set them
          if (data.conversation_id === state.current) {
            show(state.current).catch(function (err) { notice(err.message); });
          }
        });
      });
      source.addEventListener('message', function (e) {
        var m = JSON.parse(e.data);
        if (m.conversation_id === state.current) {
          $('transcript').appendChild(entry(m));
        } else {
          state.unread[m.conversation_id] = true;
          refresh();
        }
      });
      source.onerror = function () {
        // a ticket opens one connection: get a new one instead of letting EventSource retry with a used ticket
        source.close();
        live('实时连接中断，正在重连…');
        state.retry = Math.min(state.retry + 1, 6);
        setTimeout(function () { if (session.token) { listen(); } }, 1000 * state.retry);
      };
    }).catch(function () {
      live('实时连接中断，正在重连…');
      setTimeout(function () { if (session.token) { listen(); } }, 5000);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', session.login);
    $('logout').addEventListener('click', function () { logout(''); });
    $('claim-button').addEventListener('click', claim);
    $('reply-form').addEventListener('submit', reply);
    $('reply-text').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { reply(e); }
    });
    $('transfer-form').addEventListener('submit', transfer);
    $('close-form').addEventListener('submit', close);
    $('kb-form').addEventListener('submit', search);
    setInterval(function () { if (session.token && !$('desk').hidden) { refresh(); } }, 30000);
    session.resume();
  });
}());
