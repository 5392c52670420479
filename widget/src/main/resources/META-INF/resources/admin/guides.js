/*
 * Guide editing on the KB screen of /admin/: a guide's sections, and one section's heading and text changed in its
 * guides/*.md file (only that section; the server checks the file reads back as the same guide), with the guide's
 * history and revert. Uses the helpers of admin.js (window.MaintainerConsole); text is only ever set with textContent.
 */
(function () {
  'use strict';

  var c = window.MaintainerConsole;
  var $ = c.$;
  var el = c.el;

  var state = { guide: null, section: null };

  function open(id) {
    return c.call('GET', c.M + '/kb/guides/' + encodeURIComponent(id)).then(function (g) {
      fill(g);
      $('section-form').hidden = true;
      $('guide-editor').hidden = false;
      $('guide-editor-title').focus();
      return loadHistory(g.id);
    }).catch(function (e) { c.notice(e.message); });
  }

  function fill(g) {
    state.guide = g;
    $('guide-editor-title').textContent = (g.editable ? '编辑办事指南：' : '查看办事指南：') + g.title;
    $('guide-meta').textContent = g.id + ' · ' + g.domain + (g.file ? ' · 文件 ' + g.file : '')
      + ' · ' + g.sections.length + ' 个章节';
    var list = $('guide-sections');
    list.replaceChildren();
    g.sections.forEach(function (s) {
      var li = el('li');
      li.dataset.heading = s.heading;
      li.appendChild(el('span', 'title', s.heading));
      li.appendChild(el('p', 'meta section-text', s.body));
      var edit = c.button(g.editable ? '编辑' : '查看', 'secondary', (g.editable ? '编辑章节“' : '查看章节“') + s.heading + '”');
      edit.addEventListener('click', function () { openSection(s); });
      li.appendChild(edit);
      list.appendChild(li);
    });
  }

  function openSection(s) {
    state.section = s.heading;
    $('section-legend').textContent = '章节“' + s.heading + '”';
    $('section-heading').value = s.heading;
    $('section-body').value = s.body;
    $('section-error').textContent = '';
    $('section-fields').disabled = !state.guide.editable;
    $('section-form').hidden = false;
    $('section-heading').focus();
  }

  function save(event) {
    event.preventDefault();
    var g = state.guide;
    var body = { section: state.section, heading: $('section-heading').value, body: $('section-body').value,
      version: g.version };
    $('section-save').disabled = true;
    $('section-error').textContent = '';
    c.call('PUT', c.M + '/kb/guides/' + encodeURIComponent(g.id) + '/section', body).then(function (out) {
      if (out.outcome === 'unchanged') {
        c.notice('没有改动，知识库未修改。');
        return null;
      }
      return refresh(g.id, '已保存章节“' + body.heading.trim() + '”。'
        + (out.reloaded ? '知识库已重新加载。' : '知识库重新加载失败：' + out.message)).then(function () {
        var heading = body.heading.trim();
        var again = state.guide.sections.filter(function (s) { return s.heading === heading; })[0];
        if (again) { openSection(again); }
      });
    }).catch(function (e) {
      // a validation problem: said next to the text, and read out
      $('section-error').textContent = e.message;
      c.notice(e.message);
      $('section-body').focus();
    }).finally(function () { $('section-save').disabled = false; });
  }

  function refresh(id, message) {
    return c.call('GET', c.M + '/kb/guides/' + encodeURIComponent(id)).then(function (g) {
      fill(g);
      c.notice(message);
      return Promise.all([loadHistory(id), c.loadRecent()]);
    });
  }

  function loadHistory(id) {
    return c.call('GET', c.M + '/kb/history?guide=' + encodeURIComponent(id)).then(function (changes) {
      c.renderHistory($('guide-history'), $('guide-history-empty'), changes, function (out, change) {
        $('section-form').hidden = true;
        return refresh(change.guide, '已撤销对 ' + change.guide + ' 的修改。'
          + (out.reloaded ? '知识库已重新加载。' : '')).then(function () { $('guide-editor-title').focus(); });
      });
    });
  }

  c.openGuide = open;

  document.addEventListener('DOMContentLoaded', function () {
    $('section-form').addEventListener('submit', save);
  });
}());
