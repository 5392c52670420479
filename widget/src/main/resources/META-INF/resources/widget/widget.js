/*!
 * 政务服务智能助手 · citizen chat widget. Plain JavaScript, no dependencies, no third-party requests.
 * Embed:  <script src="https://HOST/widget/widget.js" data-endpoint="https://HOST" defer></script>
 * Settings (data- attributes) and the window.CivicAssistant API are documented in widget/README.md.
 */
(function () {
  'use strict';

  var LOG = '[CivicAssistant] ';
  if (window.CivicAssistant) {
    console.error(LOG + 'widget.js is included more than once; only the first copy runs.');
    return;
  }

  var VERSION = '1.0.0';
  var MAX_LENGTH = 1000;
  var DEFAULT_PRIMARY = '#0b4f9c';
  var DEFAULT_ON_PRIMARY = '#ffffff';
  var STREAM_IDLE_MS = 45000; // the event stream sends a heartbeat every 15 s: three missed ones mean it is dead
  var REPLY_IDLE_MS = 90000;
  var RECONNECT_MS = [1000, 2000, 5000, 10000, 30000];

  // --- texts --------------------------------------------------------------------------------------------------

  var TEXTS = {
    'zh-CN': {
      title: '政务服务智能助手',
      launcher: '在线咨询',
      unread: function (n) { return n + ' 条新消息'; },
      close: '关闭对话窗口',
      tools: '对话工具',
      elder: '长辈版',
      language: 'English',
      languageLang: 'en',
      languageLabel: 'Switch to English',
      handoff: '转人工',
      handoffDone: '已转人工',
      end: '结束并评价',
      notice: '温馨提示：请勿发送身份证号、银行卡号、手机号、密码等个人信息。智能助手的答复仅供参考，请以正式办事指南为准。',
      welcome: function (title) { return '您好！我是' + title + '，可以帮您查询办事指南、解答常见问题。请问有什么可以帮您？'; },
      log: '对话记录',
      inputLabel: '输入您的问题',
      placeholder: '请输入您想咨询的问题',
      hint: '按 Enter 发送，Shift + Enter 换行。',
      send: '发送',
      you: '我',
      assistant: '智能助手',
      staff: function (name) { return name ? '工作人员 ' + name : '工作人员'; },
      system: '系统消息',
      said: '说：',
      sources: '依据：',
      newWindow: '（在新窗口打开）',
      related: '您可能还想问：',
      clarify: '请选择您想咨询的问题：',
      elements: '想了解哪一项？',
      typing: '正在回复…',
      helpful: '这个回答有帮助吗？',
      useful: '有用',
      notUseful: '没用',
      reasonLegend: '哪里没有帮到您？（选填）',
      reasons: ['答非所问', '看不懂', '信息有误或过时', '其他'],
      reasonDetail: '补充说明（选填）',
      submit: '提交',
      thanksFeedback: '感谢您的反馈！',
      ratingLegend: '请为本次服务打分',
      ratings: ['1 分 · 非常不满意', '2 分 · 不满意', '3 分 · 一般', '4 分 · 满意', '5 分 · 非常满意'],
      ratingComment: '意见建议（选填）',
      ratingNeeded: '请先选择分数。',
      thanksRating: '感谢您的评价！',
      newConversation: '开始新对话',
      retry: '重新发送',
      failed: '未发送',
      offline: '网络已断开，恢复后将自动重新连接，对话记录不会丢失。',
      reconnecting: '连接中断，正在重新连接…',
      networkError: '网络异常，消息未发送。请检查网络后点击“重新发送”。',
      serverError: '服务暂时不可用，请稍后再试。',
      tooLong: function (n) { return '问题太长了，请精简到 ' + n + ' 个字以内。'; },
      expired: '原对话已过期，已为您开始新的对话。',
      statusBot: '智能助手 · 答复仅供参考',
      statusWaiting: '正在为您转接人工服务',
      statusStaff: function (name) { return name ? '人工客服 ' + name + ' 为您服务' : '人工客服为您服务'; },
      statusClosed: '对话已结束',
      bannerWaiting: function (pos) {
        return pos ? '已为您转接人工服务，您当前排在第 ' + pos + ' 位，请稍候。' : '已为您转接人工服务，请稍候。';
      },
      bannerStaff: function (name) { return '工作人员' + (name || '') + '已加入对话，正在为您服务。'; },
      bannerClosed: '本次对话已结束，欢迎对服务进行评价。',
      feedbackUnavailable: '暂时无法提交反馈，请稍后再试。',
      read: '朗读',
      readLabel: '朗读这条消息',
      pause: '暂停',
      resume: '继续',
      stop: '停止',
      autoRead: '自动朗读',
      autoReadLabel: '自动朗读新回答',
      textSize: '文字大小',
      smaller: '缩小文字',
      larger: '放大文字',
      textSteps: ['标准', '大', '较大', '特大'],
      textStep: function (name) { return '文字大小：' + name; }
    },
    en: {
      title: 'Government Services Assistant',
      launcher: 'Ask us',
      unread: function (n) { return n === 1 ? '1 new message' : n + ' new messages'; },
      close: 'Close the chat window',
      tools: 'Conversation tools',
      elder: 'Large text',
      language: '中文',
      languageLang: 'zh-CN',
      languageLabel: '切换到中文',
      handoff: 'Talk to a person',
      handoffDone: 'Passed to a person',
      end: 'End and rate',
      notice: 'Please do not send personal data such as ID, bank card or phone numbers, or passwords. Answers are for reference only; the official service guides prevail.',
      welcome: function (title) { return 'Hello! This is the ' + title + '. I can help you find service guides and answer common questions. How can I help?'; },
      log: 'Conversation',
      inputLabel: 'Type your question',
      placeholder: 'Type your question here',
      hint: 'Press Enter to send, Shift + Enter for a new line.',
      send: 'Send',
      you: 'You',
      assistant: 'Assistant',
      staff: function (name) { return name ? 'Staff: ' + name : 'Staff'; },
      system: 'Notice',
      said: ' said:',
      sources: 'Source:',
      newWindow: ' (opens in a new window)',
      related: 'You might also ask:',
      clarify: 'Which of these do you mean?',
      elements: 'What would you like to know?',
      typing: 'Replying…',
      helpful: 'Was this answer helpful?',
      useful: 'Helpful',
      notUseful: 'Not helpful',
      reasonLegend: 'What went wrong? (optional)',
      reasons: ['It did not answer my question', 'Hard to understand', 'Wrong or out of date', 'Other'],
      reasonDetail: 'More details (optional)',
      submit: 'Submit',
      thanksFeedback: 'Thank you for your feedback!',
      ratingLegend: 'Please rate this conversation',
      ratings: ['1 · Very dissatisfied', '2 · Dissatisfied', '3 · Neutral', '4 · Satisfied', '5 · Very satisfied'],
      ratingComment: 'Comments (optional)',
      ratingNeeded: 'Choose a score first.',
      thanksRating: 'Thank you for your rating!',
      newConversation: 'Start a new conversation',
      retry: 'Send again',
      failed: 'Not sent',
      offline: 'You are offline. We will reconnect when the network is back; nothing is lost.',
      reconnecting: 'Connection lost, reconnecting…',
      networkError: 'Network problem: the message was not sent. Check your connection, then choose “Send again”.',
      serverError: 'The service is unavailable right now. Please try again later.',
      tooLong: function (n) { return 'Your question is too long: please keep it under ' + n + ' characters.'; },
      expired: 'The previous conversation had expired, so a new one has started.',
      statusBot: 'Automated assistant · for reference only',
      statusWaiting: 'Connecting you to a person',
      statusStaff: function (name) { return name ? name + ' from our staff is helping you' : 'Our staff are helping you'; },
      statusClosed: 'This conversation has ended',
      bannerWaiting: function (pos) {
        return pos ? 'You are being passed to a person: you are number ' + pos + ' in line. Please wait.'
          : 'You are being passed to a person. Please wait.';
      },
      bannerStaff: function (name) { return (name || 'A staff member') + ' has joined the conversation.'; },
      bannerClosed: 'This conversation has ended. Please rate it.',
      feedbackUnavailable: 'Feedback cannot be sent right now. Please try again later.',
      read: 'Read aloud',
      readLabel: 'Read aloud this message',
      pause: 'Pause',
      resume: 'Resume',
      stop: 'Stop',
      autoRead: 'Auto read',
      autoReadLabel: 'Auto read new answers',
      textSize: 'Text size',
      smaller: 'Smaller text',
      larger: 'Larger text',
      textSteps: ['normal', 'large', 'larger', 'largest'],
      textStep: function (name) { return 'Text size: ' + name; }
    }
  };

  // --- settings from the script tag's data- attributes ----------------------------------------------------------

  var KNOWN = ['endpoint', 'title', 'locale', 'position', 'primaryColor', 'primaryTextColor', 'channel', 'suggestions'];

  function attributeName(key) {
    return 'data-' + key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
  }

  function normaliseLocale(value) {
    var v = String(value || '').trim().toLowerCase();
    if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans' || v === 'zh-hans-cn') return 'zh-CN';
    if (v === 'en' || v.indexOf('en-') === 0) return 'en';
    return null;
  }

  function parseColour(value) {
    var v = String(value).trim();
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
    if (!m) return null;
    var hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return '#' + hex.toLowerCase();
  }

  function luminance(hex) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** Reads and checks the settings once; every problem is a console error naming the attribute and what to write. */
  function readSettings(tag) {
    var data = tag ? tag.dataset : {};
    var problems = [];
    var scriptUrl = new URL(tag && tag.src ? tag.src : 'widget.js', document.baseURI);
    var s = {
      endpoint: scriptUrl.origin,
      assets: new URL('./', scriptUrl).href,
      title: null,
      locale: 'zh-CN',
      position: 'right',
      primary: DEFAULT_PRIMARY,
      onPrimary: DEFAULT_ON_PRIMARY,
      channel: 'web',
      suggestions: []
    };

    Object.keys(data).forEach(function (key) {
      if (KNOWN.indexOf(key) < 0) {
        problems.push(attributeName(key) + ' is not a setting of the widget and is ignored (known: '
          + KNOWN.map(attributeName).join(', ') + ').');
      }
    });

    if (!data.endpoint) {
      problems.push('data-endpoint is missing: set it to the assistant server, e.g. data-endpoint="https://assistant.example.gov.cn". '
        + 'Using ' + s.endpoint + ', where widget.js was loaded from.');
    } else {
      try {
        var u = new URL(data.endpoint, document.baseURI);
        if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
        if (u.protocol === 'http:' && location.protocol === 'https:') {
          problems.push('data-endpoint="' + data.endpoint + '" is http:// on an https:// page, and browsers block such requests: use an https:// endpoint.');
        }
        s.endpoint = (u.origin + u.pathname).replace(/\/+$/, '');
      } catch (e) {
        problems.push('data-endpoint="' + data.endpoint + '" is not an http(s) URL, e.g. "https://assistant.example.gov.cn". '
          + 'Using ' + s.endpoint + ' instead.');
      }
    }

    if (data.title !== undefined) {
      var title = data.title.trim();
      if (!title || title.length > 40) {
        problems.push('data-title must be 1 to 40 characters; the default title is used.');
      } else {
        s.title = title;
      }
    }

    if (data.locale !== undefined) {
      var locale = normaliseLocale(data.locale);
      if (!locale) problems.push('data-locale="' + data.locale + '" is not supported: use "zh-CN" or "en". Using zh-CN.');
      else s.locale = locale;
    }

    if (data.position !== undefined) {
      var position = data.position.trim().toLowerCase();
      if (position !== 'left' && position !== 'right') {
        problems.push('data-position="' + data.position + '" must be "right" or "left". Using right.');
      } else {
        s.position = position;
      }
    }

    var primary = DEFAULT_PRIMARY, onPrimary = DEFAULT_ON_PRIMARY;
    if (data.primaryColor !== undefined) {
      primary = parseColour(data.primaryColor);
      if (!primary) problems.push('data-primary-color="' + data.primaryColor + '" must be a hex colour such as "#0b4f9c".');
    }
    if (data.primaryTextColor !== undefined) {
      onPrimary = parseColour(data.primaryTextColor);
      if (!onPrimary) problems.push('data-primary-text-color="' + data.primaryTextColor + '" must be a hex colour such as "#ffffff".');
    }
    if (primary && onPrimary) {
      var ratio = contrast(primary, onPrimary);
      if (ratio < 4.5) {
        problems.push('data-primary-color ' + primary + ' with text colour ' + onPrimary + ' has a contrast of '
          + ratio.toFixed(2) + ':1, below the 4.5:1 that WCAG 2.1 AA requires. The default colours are used.');
      } else {
        s.primary = primary;
        s.onPrimary = onPrimary;
      }
    }

    if (data.channel !== undefined) {
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(data.channel)) {
        problems.push('data-channel="' + data.channel + '" must be 1 to 32 letters, digits, ".", "_" or "-". Using "web".');
      } else {
        s.channel = data.channel;
      }
    }

    if (data.suggestions !== undefined) {
      var items = data.suggestions.split('|').map(function (x) { return x.trim(); }).filter(Boolean);
      if (items.some(function (x) { return x.length > 50; }) || items.length > 6) {
        problems.push('data-suggestions takes up to 6 questions of at most 50 characters, separated by "|".');
      }
      s.suggestions = items.filter(function (x) { return x.length <= 50; }).slice(0, 6);
    }

    problems.forEach(function (p) { console.error(LOG + p); });
    return s;
  }

  var settings = readSettings(document.currentScript
    || document.querySelector('script[src*="/widget/widget.js"][data-endpoint]')
    || document.querySelector('script[src*="/widget/widget.js"]'));

  // --- storage that may be unavailable (private mode, sandboxed frames) -------------------------------------------

  function stored(area, key) {
    try { return window[area].getItem(key); } catch (e) { return null; }
  }

  function store(area, key, value) {
    try {
      if (value == null) window[area].removeItem(key);
      else window[area].setItem(key, value);
    } catch (e) { /* storage disabled: the widget still works for this page */ }
  }

  var KEY = 'civicassist:' + settings.endpoint + ':';
  var ELDER_KEY = 'civicassist:elder';
  var AUTO_READ_KEY = 'civicassist:autoread';
  var TEXT_STEP_KEY = 'civicassist:textstep'; // one for normal mode, one (":elder") for elder mode
  var TEXT_STEPS = 3; // steps beyond normal; elder mode starts at the second

  function readJson(area, key) {
    try { return JSON.parse(stored(area, key) || 'null'); } catch (e) { return null; }
  }

  // --- state ----------------------------------------------------------------------------------------------------

  var locale = normaliseLocale(stored('sessionStorage', KEY + 'locale')) || settings.locale;
  var t = TEXTS[locale];
  var conv = readJson('sessionStorage', KEY + 'conversation'); // {id, token}
  if (!conv || typeof conv.id !== 'string' || typeof conv.token !== 'string') conv = null;
  var feedbackGiven = readJson('sessionStorage', KEY + 'feedback') || {};
  var elder = stored('localStorage', ELDER_KEY) === '1';
  var autoRead = stored('localStorage', AUTO_READ_KEY) === '1';
  var speech = window.speechSynthesis && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;
  var voice = null; // a Chinese voice of this device; without one nothing is read and no 朗读 button shows
  var reading = null; // {key, parts, at, paused}: the message being read aloud
  var readRun = 0; // events of utterances from an earlier run (stopped, paused) are ignored
  var isOpen = false;
  var handoffPending = false;
  var turns = Promise.resolve();
  var status = 'bot';
  var staffName = null;
  var queuePosition = null;
  var lastEntryId = null;
  var messages = [];
  var nextKey = 1;
  var unread = 0;
  var rated = false;
  var eventsFor = null; // the conversation whose event stream runs
  var eventsController = null;
  var eventsUnsupported = false;

  // --- DOM helpers (no HTML strings anywhere: text always goes through textContent) -----------------------------

  var SVG = 'http://www.w3.org/2000/svg';

  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v == null || v === false) return;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k === 'hidden') el.hidden = true;
        else if (k.indexOf('on') === 0) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function icon(name) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'ca-icon ca-icon--' + name);
    var path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', name === 'chat'
      ? 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'
      : 'M6 6l12 12M18 6L6 18');
    svg.appendChild(path);
    return svg;
  }

  var uid = 0;
  function newId(prefix) { uid += 1; return 'ca-' + prefix + '-' + uid; }

  // --- the widget's elements -----------------------------------------------------------------------------------

  var host = h('div', { id: 'civic-assistant', 'data-civic-assistant': VERSION });
  var shadow = host.attachShadow({ mode: 'open' });
  var ui = {};

  function build() {
    ui.style = h('link', { rel: 'stylesheet', href: settings.assets + 'widget.css?v=' + VERSION });
    ui.launcherText = h('span', { class: 'ca-launcher-text' });
    // the accessible name starts with the visible text (WCAG 2.5.3): "在线咨询 · 政务服务智能助手（2 条新消息）"
    ui.launcherMore = h('span', { class: 'ca-sr' });
    ui.badge = h('span', { class: 'ca-badge', hidden: true, 'aria-hidden': 'true' });
    ui.launcher = h('button', {
      type: 'button', class: 'ca-launcher', 'aria-haspopup': 'dialog', 'aria-expanded': 'false',
      'aria-controls': 'ca-panel', onclick: function () { open(); }
    }, icon('chat'), ui.launcherText, ui.launcherMore, ui.badge);

    ui.title = h('h2', { id: 'ca-title', class: 'ca-title' });
    ui.status = h('p', { id: 'ca-status', class: 'ca-status' });
    ui.close = h('button', { type: 'button', class: 'ca-close', onclick: function () { close(); } }, icon('close'));
    ui.smaller = h('button', { type: 'button', class: 'ca-step ca-step--smaller', onclick: function () { stepText(-1); } },
      'A\u2212');
    ui.larger = h('button', { type: 'button', class: 'ca-step ca-step--larger', onclick: function () { stepText(1); } },
      'A+');
    ui.steps = h('div', { class: 'ca-steps', role: 'group' }, ui.smaller, ui.larger);
    ui.elder = h('button', { type: 'button', class: 'ca-tool ca-tool--elder', 'aria-pressed': 'false',
      onclick: function () { setElder(!elder); } });
    ui.language = h('button', { type: 'button', class: 'ca-tool ca-tool--language',
      onclick: function () { setLocale(locale === 'en' ? 'zh-CN' : 'en'); } });
    ui.handoff = h('button', { type: 'button', class: 'ca-tool ca-tool--handoff', onclick: function () { requestHandoff(); } });
    ui.end = h('button', { type: 'button', class: 'ca-tool ca-tool--end', onclick: function () { showRating(true); } });
    ui.autoRead = h('button', { type: 'button', class: 'ca-tool ca-tool--autoread', 'aria-pressed': 'false',
      onclick: function () { setAutoRead(!autoRead); } });
    ui.tools = h('div', { class: 'ca-tools', role: 'group' }, ui.elder, ui.autoRead, ui.language, ui.handoff, ui.end);
    ui.notice = h('p', { class: 'ca-notice', id: 'ca-notice' });
    ui.connection = h('p', { class: 'ca-banner ca-banner--connection', role: 'status', hidden: true });
    ui.banner = h('p', { class: 'ca-banner ca-banner--state', hidden: true });
    ui.list = h('ol', { class: 'ca-messages' });
    // the notice scrolls away with the transcript, so that on a phone in elder mode the messages keep their room
    ui.log = h('div', { class: 'ca-log', role: 'region', tabindex: '0' }, ui.notice, ui.list);
    // under the privacy notice, scrolling away with it (the tools row stays one line on a phone in elder mode)
    ui.forget = forgetButton();
    ui.log.insertBefore(ui.forget, ui.list);
    ui.alert = h('p', { class: 'ca-alert', role: 'alert' });
    ui.inputLabel = h('label', { for: 'ca-input', class: 'ca-sr' });
    ui.hint = h('p', { id: 'ca-hint', class: 'ca-sr' });
    ui.input = h('textarea', { id: 'ca-input', class: 'ca-input', rows: '2', maxlength: String(MAX_LENGTH),
      'aria-describedby': 'ca-hint ca-notice', onkeydown: onInputKey });
    ui.send = h('button', { type: 'submit', class: 'ca-send' });
    ui.form = h('form', { class: 'ca-composer', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      submitInput();
    } }, ui.inputLabel, ui.hint, ui.input, ui.send);
    ui.live = h('div', { class: 'ca-sr', 'aria-live': 'polite', 'aria-atomic': 'true' });
    // while the panel is closed its live region is hidden too: announcements go through this one
    ui.liveOutside = h('div', { class: 'ca-sr', 'aria-live': 'polite', 'aria-atomic': 'true' });

    ui.panel = h('section', { id: 'ca-panel', class: 'ca-panel', role: 'dialog', 'aria-modal': 'true',
      'aria-labelledby': 'ca-title', 'aria-describedby': 'ca-status', hidden: true, onkeydown: onPanelKey },
    h('div', { class: 'ca-header' }, h('div', { class: 'ca-heading' }, ui.title, ui.status), ui.steps, ui.close),
    ui.tools, ui.connection, ui.banner, ui.log, ui.alert, ui.form, ui.live);

    ui.root = h('div', { class: 'ca-root', hidden: true }, ui.launcher, ui.panel, ui.liveOutside);
    ui.root.style.setProperty('--ca-primary', settings.primary);
    ui.root.style.setProperty('--ca-on-primary', settings.onPrimary);
    // links and chips sit on white and on the light bubble colour: the primary colour only where it reads there
    ui.root.style.setProperty('--ca-link', contrast(settings.primary, '#eef2f7') >= 4.5 ? settings.primary : DEFAULT_PRIMARY);
    ui.root.setAttribute('data-position', settings.position);

    // shown once the styles have loaded, so that no unstyled panel ever flashes on the host page
    ui.style.addEventListener('load', function () { ui.root.hidden = false; });
    ui.style.addEventListener('error', function () {
      console.error(LOG + 'could not load ' + ui.style.href + '; is data-endpoint / the script URL right?');
    });
    shadow.appendChild(ui.style);
    shadow.appendChild(ui.root);
    applyElder();
    applyTexts();
    if (speech) {
      // voices may come later (Chrome loads them asynchronously): the buttons show once a Chinese one is there
      if (speech.addEventListener) speech.addEventListener('voiceschanged', pickVoice);
      pickVoice();
      window.addEventListener('pagehide', function () { stopReading(); });
    }
  }

  function applyTexts() {
    ui.root.setAttribute('lang', locale);
    ui.launcherText.textContent = t.launcher;
    setUnread(unread);
    ui.title.textContent = settings.title || t.title;
    ui.close.setAttribute('aria-label', t.close);
    ui.close.setAttribute('title', t.close);
    ui.tools.setAttribute('aria-label', t.tools);
    ui.elder.textContent = t.elder;
    ui.autoRead.textContent = t.autoRead;
    ui.autoRead.setAttribute('aria-label', t.autoReadLabel);
    ui.steps.setAttribute('aria-label', t.textSize);
    // the accessible names start with the visible text (WCAG 2.5.3), so "A+" works for voice control too
    ui.smaller.setAttribute('aria-label', 'A\u2212 ' + t.smaller);
    ui.smaller.setAttribute('title', t.smaller);
    ui.larger.setAttribute('aria-label', 'A+ ' + t.larger);
    ui.larger.setAttribute('title', t.larger);
    ui.language.textContent = t.language;
    ui.language.setAttribute('lang', t.languageLang);
    ui.language.setAttribute('aria-label', t.languageLabel);
    ui.end.textContent = t.end;
    if (ui.forget) ui.forget.relabel();
    ui.notice.textContent = t.notice;
    ui.log.setAttribute('aria-label', t.log);
    ui.inputLabel.textContent = t.inputLabel;
    ui.hint.textContent = t.hint;
    ui.input.setAttribute('placeholder', t.placeholder);
    ui.send.textContent = t.send;
    applyStatus();
    renderAll();
  }

  // --- opening, closing, focus ---------------------------------------------------------------------------------

  function open() {
    if (isOpen) return;
    isOpen = true;
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'true');
    setUnread(0);
    scrollToEnd();
    focusInput();
    if (conv && status !== 'closed') startEvents();
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    stopReading();
    ui.panel.hidden = true;
    ui.launcher.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.focus();
  }

  function focusInput() {
    if (!ui.input.disabled) ui.input.focus();
    else (ui.panel.querySelector('.ca-rating input, .ca-rating button') || ui.close).focus();
  }

  function focusables() {
    return Array.prototype.filter.call(ui.panel.querySelectorAll(
      'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), [tabindex="0"]'),
    function (el) { return el.getClientRects().length > 0 && !el.closest('[hidden]'); });
  }

  function onPanelKey(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'Tab') return;
    var items = focusables();
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1];
    var active = shadow.activeElement;
    if (e.shiftKey && (active === first || items.indexOf(active) < 0)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || items.indexOf(active) < 0)) {
      e.preventDefault();
      first.focus();
    }
  }

  function onInputKey(e) {
    // Enter sends, but never while an input method is composing Chinese characters
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submitInput();
    }
  }

  function setUnread(n) {
    unread = n;
    ui.badge.hidden = n === 0;
    ui.badge.textContent = n > 99 ? '99+' : String(n);
    ui.launcherMore.textContent = ' · ' + (settings.title || t.title) + (n ? '（' + t.unread(n) + '）' : '');
  }

  function announce(text) {
    var region = isOpen ? ui.live : ui.liveOutside;
    region.textContent = '';
    // set after a tick, so that a repeated text is announced again
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function showAlert(text) {
    ui.alert.textContent = text || '';
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // --- elder mode and locale -----------------------------------------------------------------------------------

  function applyElder() {
    ui.root.classList.toggle('ca-elder', elder);
    ui.elder.setAttribute('aria-pressed', String(elder));
    ui.autoRead.setAttribute('aria-pressed', String(autoRead));
    applyTextStep();
  }

  // --- text size: normal and three steps beyond, remembered per mode (elder mode starts at the second) ----------

  function textStep() {
    var v = parseInt(stored('localStorage', TEXT_STEP_KEY + (elder ? ':elder' : '')), 10);
    return v >= 0 && v <= TEXT_STEPS ? v : elder ? 2 : 0;
  }

  function applyTextStep() {
    var step = textStep();
    ui.root.setAttribute('data-text-step', String(step));
    // aria-disabled rather than disabled: the button keeps focus at the end of the range
    ui.smaller.setAttribute('aria-disabled', String(step === 0));
    ui.larger.setAttribute('aria-disabled', String(step === TEXT_STEPS));
  }

  function stepText(by) {
    var step = Math.max(0, Math.min(TEXT_STEPS, textStep() + by));
    if (step === textStep()) return;
    store('localStorage', TEXT_STEP_KEY + (elder ? ':elder' : ''), String(step));
    applyTextStep();
    announce(t.textStep(t.textSteps[step]));
    scrollToEnd();
  }

  // --- reading aloud (朗读) with the browser's speech synthesis -------------------------------------------------

  /** The device's best Chinese voice: zh-CN first, a voice on the device before one of a network service. */
  function pickVoice() {
    var voices = [];
    try { voices = speech.getVoices() || []; } catch (e) { /* none */ }
    var rank = function (v) {
      var lang = String(v.lang || '').replace('_', '-').toLowerCase();
      var r = lang === 'zh-cn' ? 0 : lang.indexOf('zh-hans') === 0 || lang === 'zh' ? 1 : lang === 'cmn-cn' ? 1 : 2;
      return r + (v.localService === false ? 3 : 0);
    };
    var chinese = Array.prototype.filter.call(voices, function (v) { return /^(zh|cmn)([-_]|$)/i.test(v.lang || ''); });
    chinese.sort(function (a, b) { return rank(a) - rank(b); });
    voice = chinese[0] || null;
    ui.root.classList.toggle('ca-speech', !!voice);
    if (!voice) stopReading();
  }

  /** What is read: the text without citation marks ([1], 【1】, [资料1]); 【title】 becomes a sentence of its own. */
  function plainText(text) {
    return String(text || '')
      .replace(/\[\d{1,2}\]|【\d{1,2}】|\[资料\s?\d{1,2}\]/g, '')
      .replace(/【([^】]*)】/g, '$1\n')
      .replace(/\s*(→|->)\s*/g, '，')
      .replace(/\s+·\s+/g, ' ');
  }

  /**
   * Sentence by sentence (。！？； and line ends), each with its own punctuation; a piece without a letter, digit or
   * Chinese character is nothing to read. (No \p{…} classes: older phone browsers could not even parse the script.)
   */
  function sentences(text) {
    return (plainText(text).match(/[^。！？；\n]+[。！？；]*/g) || [])
      .map(function (x) { return x.trim(); })
      .filter(function (x) { return /[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]/.test(x); });
  }

  function startReading(m) {
    var parts = voice ? sentences(m.text) : [];
    if (!parts.length) return;
    if (reading) {
      readRun += 1;
      speech.cancel();
    }
    reading = { key: m.key, parts: parts, at: 0, paused: false };
    speakNext();
    applyReading();
  }

  function speakNext() {
    var r = reading;
    if (!r || r.paused) return;
    if (r.at >= r.parts.length) {
      reading = null; // done: nothing of ours is left to cancel
      applyReading();
      return;
    }
    var run = ++readRun;
    var u = new window.SpeechSynthesisUtterance(r.parts[r.at]);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = elder ? 0.9 : 1;
    u.onend = function () {
      if (run !== readRun || reading !== r) return;
      r.at += 1;
      speakNext();
    };
    u.onerror = function (e) {
      if (run !== readRun || reading !== r) return;
      if (e && (e.error === 'interrupted' || e.error === 'canceled')) return;
      reading = null;
      applyReading();
    };
    speech.speak(u);
  }

  /** Pause stops the sentence being read; resume reads it again from its start (pause() is unreliable on Android). */
  function pauseReading(paused) {
    if (!reading || reading.paused === paused) return;
    reading.paused = paused;
    readRun += 1;
    if (paused) speech.cancel();
    else speakNext();
    applyReading();
  }

  /** Stops what the widget reads, and nothing else (the host page may be speaking too). */
  function stopReading() {
    if (!reading) return;
    reading = null;
    readRun += 1;
    speech.cancel();
    applyReading();
  }

  function applyReading() {
    Array.prototype.forEach.call(ui.list.querySelectorAll('.ca-speak'), updateSpeak);
  }

  function updateSpeak(group) {
    var on = !!reading && String(reading.key) === group.getAttribute('data-key');
    var read = group.querySelector('.ca-read');
    var pause = group.querySelector('.ca-read-pause');
    var stop = group.querySelector('.ca-read-stop');
    read.setAttribute('aria-pressed', String(on));
    pause.textContent = on && reading.paused ? t.resume : t.pause;
    // a control hidden while it has focus would drop focus to the page: move it to the 朗读 button first
    if (!on && (shadow.activeElement === pause || shadow.activeElement === stop)) read.focus();
    pause.hidden = !on;
    stop.hidden = !on;
  }

  function speakControls(m) {
    var group = h('div', { class: 'ca-speak', 'data-key': String(m.key) },
      h('button', { type: 'button', class: 'ca-read', 'aria-pressed': 'false', 'aria-label': t.readLabel,
        onclick: function () {
          if (reading && reading.key === m.key) stopReading();
          else startReading(m);
        } }, t.read),
      h('button', { type: 'button', class: 'ca-read ca-read-pause', hidden: true, onclick: function () {
        if (reading) pauseReading(!reading.paused);
      } }),
      h('button', { type: 'button', class: 'ca-read ca-read-stop', hidden: true, onclick: function () {
        stopReading();
      } }, t.stop));
    updateSpeak(group);
    return group;
  }

  /** In elder mode with 自动朗读 on, a new answer or staff message is read once, while the panel is open. */
  function readNew(m) {
    if (m.readOnce || !elder || !autoRead || !voice || !isOpen) return;
    m.readOnce = true;
    startReading(m);
  }

  function setAutoRead(on) {
    autoRead = !!on;
    store('localStorage', AUTO_READ_KEY, autoRead ? '1' : null);
    ui.autoRead.setAttribute('aria-pressed', String(autoRead));
    if (!autoRead) stopReading();
  }

  function setElder(on) {
    elder = !!on;
    store('localStorage', ELDER_KEY, elder ? '1' : '0');
    applyElder();
    scrollToEnd();
    window.dispatchEvent(new CustomEvent('civicassist:eldermode', { detail: { on: elder } }));
  }

  function setLocale(value) {
    var next = normaliseLocale(value);
    if (!next) {
      console.error(LOG + 'setLocale("' + value + '"): use "zh-CN" or "en".');
      return false;
    }
    locale = next;
    t = TEXTS[locale];
    store('sessionStorage', KEY + 'locale', locale);
    applyTexts();
    return true;
  }

  // --- the conversation's state (bot, waiting, with_staff, closed) ----------------------------------------------

  function setStatus(next, info) {
    info = info || {};
    var previous = status;
    var previousStaff = staffName;
    status = next;
    if (info.staff_name) staffName = info.staff_name;
    queuePosition = next === 'waiting' && info.queue_position ? info.queue_position : null;
    applyStatus();
    if (next !== previous || staffName !== previousStaff) {
      if (next === 'with_staff') announce(t.bannerStaff(staffName));
      else if (next === 'waiting') announce(t.bannerWaiting(queuePosition));
      else if (next === 'closed') announce(t.bannerClosed);
    }
    if (next === 'closed' && previous !== 'closed') {
      stopEvents();
      showRating(false);
    }
  }

  function applyStatus() {
    var texts = {
      bot: t.statusBot,
      waiting: t.statusWaiting,
      with_staff: t.statusStaff(staffName),
      closed: t.statusClosed
    };
    ui.status.textContent = texts[status] || t.statusBot;
    ui.root.setAttribute('data-state', status);
    var banner = status === 'waiting' ? t.bannerWaiting(queuePosition)
      : status === 'with_staff' ? t.bannerStaff(staffName)
        : status === 'closed' ? t.bannerClosed : '';
    ui.banner.textContent = banner;
    ui.banner.hidden = !banner;
    var handedOver = status === 'waiting' || status === 'with_staff';
    // a control that is switched off while it has focus would drop focus to the page: move it to the input first
    var focused = shadow.activeElement;
    ui.handoff.textContent = handedOver ? t.handoffDone : t.handoff;
    ui.handoff.disabled = handedOver || status === 'closed';
    ui.input.disabled = status === 'closed';
    ui.send.disabled = status === 'closed';
    if (focused && focused.disabled) focusInput();
  }

  // --- messages ------------------------------------------------------------------------------------------------

  function message(fields) {
    var m = { key: nextKey++, id: null, author: 'assistant', text: '', reply: null, staffName: null, state: null };
    Object.keys(fields).forEach(function (k) { m[k] = fields[k]; });
    return m;
  }

  function fromEntry(e) {
    return message({ id: e.id, author: e.author, text: e.text || '', reply: e.reply || null, staffName: e.staff_name || null });
  }

  function addMessage(m, before) {
    if (before) messages.splice(messages.indexOf(before), 0, m);
    else messages.push(m);
    m.el = renderMessage(m);
    ui.list.insertBefore(m.el, before ? before.el : ui.rating || null);
    scrollToEnd();
    return m;
  }

  function rerender(m) {
    var old = m.el;
    m.el = renderMessage(m);
    if (old && old.parentNode) old.parentNode.replaceChild(m.el, old);
  }

  function renderAll() {
    while (ui.list.firstChild) ui.list.removeChild(ui.list.firstChild);
    ui.list.appendChild(renderWelcome());
    messages.forEach(function (m) { m.el = renderMessage(m); ui.list.appendChild(m.el); });
    if (ui.rating) {
      var wasThanks = ui.rating.classList.contains('ca-rating--done');
      ui.rating = null;
      if (wasThanks) ratingDone(false); else showRating(false);
    }
    scrollToEnd();
  }

  function renderWelcome() {
    var li = h('li', { class: 'ca-msg ca-msg--assistant ca-msg--welcome' },
      h('p', { class: 'ca-who' }, t.assistant),
      h('div', { class: 'ca-bubble' }, h('p', { class: 'ca-text', text: t.welcome(settings.title || t.title) })));
    if (settings.suggestions.length && !messages.length) {
      li.appendChild(chips(settings.suggestions, t.related));
    }
    return li;
  }

  function isLatestReply(m) {
    for (var i = messages.length - 1; i >= 0; i--) {
      if (messages[i].author === 'assistant' && messages[i].reply && !messages[i].note) return messages[i] === m;
    }
    return false;
  }

  function renderMessage(m) {
    var cls = 'ca-msg ca-msg--' + (m.note ? 'note' : m.author);
    if (m.author === 'system' || m.note) {
      return h('li', { class: cls }, h('p', { class: 'ca-text', text: m.text }));
    }
    var who = m.author === 'citizen' ? t.you : m.author === 'staff' ? t.staff(m.staffName) : t.assistant;
    var li = h('li', { class: cls, 'data-entry-id': m.id || null });
    li.appendChild(h('p', { class: m.author === 'citizen' ? 'ca-who ca-sr' : 'ca-who' }, who, h('span', { class: 'ca-sr', text: t.said })));
    var bubble = h('div', { class: 'ca-bubble' });
    if (m.state === 'streaming') {
      li.setAttribute('aria-busy', 'true');
      if (!m.text) bubble.appendChild(h('p', { class: 'ca-typing', text: t.typing }));
    }
    m.textEl = h('p', { class: 'ca-text', text: m.text });
    bubble.appendChild(m.textEl);
    li.appendChild(bubble);

    if (m.author === 'citizen' && m.state === 'failed') {
      li.appendChild(h('p', { class: 'ca-failed' }, h('span', { text: t.failed + ' ' }),
        h('button', { type: 'button', class: 'ca-link-button', onclick: function () { resend(m); } }, t.retry)));
    }
    if ((m.author === 'assistant' || m.author === 'staff') && !m.state && speech && m.text) li.appendChild(speakControls(m));
    var reply = m.reply;
    if (reply && m.author === 'assistant') {
      var cites = citations(reply.citations || []);
      if (cites) bubble.appendChild(cites);
      if (reply.type === 'answer' && m.state !== 'streaming') li.appendChild(feedback(m));
      var suggestions = reply.suggestions || [];
      // an answer whose suggestions stand for parts of the service (a service card) offers them as its elements
      var card = reply.type === 'answer' && (reply.options || []).length > 0;
      if (card) li.classList.add('ca-msg--card');
      if (suggestions.length && isLatestReply(m) && status !== 'closed') {
        li.appendChild(chips(suggestions, reply.type === 'clarify' ? t.clarify : card ? t.elements : t.related));
      }
    }
    return li;
  }

  function citations(list) {
    var seen = {};
    var items = [];
    list.forEach(function (c) {
      var key = c.id + '|' + (c.section || '');
      if (!c || !c.title || seen[key]) return;
      seen[key] = true;
      var label = c.title + (c.section ? ' · ' + c.section : '');
      var safeUrl = citationUrl(c.url);
      items.push(h('li', null, safeUrl
        ? h('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer', class: 'ca-cite' }, label,
          h('span', { class: 'ca-sr', text: t.newWindow }))
        : h('span', { class: 'ca-cite' }, label)));
    });
    if (!items.length) return null;
    return h('div', { class: 'ca-sources' }, h('p', { class: 'ca-sources-label', text: t.sources }),
      h('ul', { class: 'ca-sources-list' }, items));
  }

  function chips(list, label) {
    var labelId = newId('chips');
    return h('div', { class: 'ca-chips', role: 'group', 'aria-labelledby': labelId },
      h('p', { id: labelId, class: 'ca-chips-label', text: label }),
      h('ul', { class: 'ca-chips-list' }, list.map(function (q) {
        return h('li', null, h('button', { type: 'button', class: 'ca-chip', onclick: function () {
          focusInput();
          ask(q).catch(function () { /* shown in the panel */ });
        } }, q));
      })));
  }

  function clearChips() {
    Array.prototype.forEach.call(ui.list.querySelectorAll('.ca-chips'), function (el) { el.parentNode.removeChild(el); });
  }

  // --- feedback on an answer, and the rating of the conversation -------------------------------------------------

  function feedback(m) {
    var given = m.id && feedbackGiven[m.id];
    var labelId = newId('fb');
    var box = h('div', { class: 'ca-feedback', role: 'group', 'aria-labelledby': labelId });
    if (given) {
      box.appendChild(h('p', { id: labelId, class: 'ca-thanks', tabindex: '-1', text: t.thanksFeedback }));
      return box;
    }
    var up = h('button', { type: 'button', class: 'ca-vote', 'aria-pressed': 'false', onclick: function () {
      sendFeedback(m, { useful: true });
    } }, t.useful);
    var down = h('button', { type: 'button', class: 'ca-vote', 'aria-pressed': 'false', onclick: function () {
      down.setAttribute('aria-pressed', 'true');
      up.setAttribute('aria-pressed', 'false');
      showReasons(m, box);
    } }, t.notUseful);
    box.appendChild(h('p', { id: labelId, class: 'ca-feedback-label', text: t.helpful }));
    box.appendChild(h('div', { class: 'ca-votes' }, up, down));
    return box;
  }

  function showReasons(m, box) {
    if (box.querySelector('.ca-reasons')) {
      box.querySelector('.ca-reasons input').focus();
      return;
    }
    var name = newId('reason');
    var detailId = newId('detail');
    var detail = h('input', { type: 'text', id: detailId, class: 'ca-field', maxlength: '200' });
    var form = h('form', { class: 'ca-reasons', novalidate: true },
      h('fieldset', null, h('legend', { text: t.reasonLegend }),
        t.reasons.map(function (r, i) {
          var id = name + '-' + i;
          return h('div', { class: 'ca-choice' }, h('input', { type: 'radio', name: name, id: id, value: r }),
            h('label', { for: id, text: r }));
        })),
      h('div', { class: 'ca-detail' }, h('label', { for: detailId, text: t.reasonDetail }), detail),
      h('button', { type: 'submit', class: 'ca-button' }, t.submit));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var checked = form.querySelector('input[type=radio]:checked');
      var reason = [checked ? checked.value : '', detail.value.trim()].filter(Boolean).join('：');
      sendFeedback(m, reason ? { useful: false, reason: reason } : { useful: false });
    });
    box.appendChild(form);
    form.querySelector('input').focus();
  }

  function sendFeedback(m, verdict) {
    ensureId(m).then(function (id) {
      var body = { message_id: id, useful: verdict.useful };
      if (verdict.reason) body.reason = verdict.reason;
      return call('POST', '/' + conv.id + '/feedback', body);
    }).then(function () {
      feedbackGiven[m.id] = verdict.useful ? 'up' : 'down';
      store('sessionStorage', KEY + 'feedback', JSON.stringify(feedbackGiven));
      rerender(m);
      m.el.querySelector('.ca-feedback .ca-thanks').focus();
      showAlert('');
    }).catch(function (e) {
      showAlert(errorText(e) || t.feedbackUnavailable);
    });
  }

  /** The transcript id of a message shown before the server told its id: read back from the transcript. */
  function ensureId(m) {
    if (m.id) return Promise.resolve(m.id);
    return sync().then(function () {
      if (!m.id) throw new Error(t.feedbackUnavailable);
      return m.id;
    });
  }

  function showRating(byCitizen) {
    if (ui.rating) {
      if (byCitizen) (ui.rating.querySelector('input, button') || ui.rating).focus();
      return;
    }
    clearChips();
    var name = newId('rating');
    var comment = h('textarea', { id: name + '-comment', class: 'ca-field', rows: '2', maxlength: '500' });
    var error = h('p', { class: 'ca-form-error', role: 'alert' });
    var form = h('form', { class: 'ca-rating-form', novalidate: true },
      h('fieldset', null, h('legend', { text: t.ratingLegend }),
        h('div', { class: 'ca-stars' }, t.ratings.map(function (label, i) {
          var id = name + '-' + (i + 1);
          return h('div', { class: 'ca-choice ca-star' }, h('input', { type: 'radio', name: name, id: id, value: String(i + 1) }),
            h('label', { for: id, text: label }));
        }))),
      h('div', { class: 'ca-detail' }, h('label', { for: name + '-comment', text: t.ratingComment }), comment),
      error,
      h('div', { class: 'ca-actions' },
        h('button', { type: 'submit', class: 'ca-button' }, t.submit),
        h('button', { type: 'button', class: 'ca-button ca-button--secondary', onclick: newConversation }, t.newConversation)));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var checked = form.querySelector('input[type=radio]:checked');
      if (!checked) {
        error.textContent = t.ratingNeeded;
        form.querySelector('input').focus();
        return;
      }
      if (!conv) {
        ratingDone(true);
        return;
      }
      var body = { rating: Number(checked.value) };
      if (comment.value.trim()) body.comment = comment.value.trim();
      call('POST', '/' + conv.id + '/feedback', body).then(function () {
        ratingDone(true);
      }).catch(function (err) {
        error.textContent = errorText(err);
      });
    });
    ui.rating = h('li', { class: 'ca-rating' }, form);
    ui.list.appendChild(ui.rating);
    scrollToEnd();
    if (byCitizen) form.querySelector('input').focus();
  }

  function ratingDone(focus) {
    rated = true;
    var thanks = h('p', { class: 'ca-thanks', tabindex: '-1', text: t.thanksRating });
    var item = h('li', { class: 'ca-rating ca-rating--done' }, thanks,
      h('button', { type: 'button', class: 'ca-button ca-button--secondary', onclick: newConversation }, t.newConversation));
    if (ui.rating && ui.rating.parentNode) ui.rating.parentNode.replaceChild(item, ui.rating);
    else ui.list.appendChild(item);
    ui.rating = item;
    if (focus) thanks.focus();
    scrollToEnd();
  }

  function newConversation() {
    stopEvents();
    stopReading();
    conv = null;
    store('sessionStorage', KEY + 'conversation', null);
    store('sessionStorage', KEY + 'feedback', null);
    feedbackGiven = {};
    messages = [];
    lastEntryId = null;
    ui.rating = null;
    rated = false;
    staffName = null;
    setStatus('bot');
    showAlert('');
    renderAll();
    focusInput();
  }

  // --- talking to the server -----------------------------------------------------------------------------------

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** An http(s) link for a citation; a path such as /guides/ID is on the assistant's server, not the host page's. */
  function citationUrl(raw) {
    if (typeof raw !== 'string' || !raw) return null;
    try {
      var u = new URL(raw, settings.endpoint + '/');
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function url(path) {
    return settings.endpoint + '/api/v1/conversations' + path;
  }

  function headers(extra) {
    var out = { Accept: 'application/json' };
    if (conv) out['X-Conversation-Token'] = conv.token;
    Object.keys(extra || {}).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }

  /** A problem+json error as an ApiError with the detail in the widget's language. */
  function problem(res) {
    return res.json().catch(function () { return {}; }).then(function (p) {
      var detail = locale === 'en' ? p.detail_en || p.detail : p.detail_zh || p.detail;
      return new ApiError(res.status, p.code || null, detail || null);
    });
  }

  function call(method, path, body) {
    return fetch(url(path), {
      method: method,
      headers: headers(body ? { 'Content-Type': 'application/json' } : null),
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store'
    }).then(function (res) {
      if (!res.ok) return problem(res).then(function (e) { throw e; });
      return res.status === 204 ? null : res.json();
    });
  }

  function errorText(e) {
    if (e instanceof ApiError) {
      if (e.status === 413) return e.message || t.tooLong(MAX_LENGTH);
      return e.message || t.serverError;
    }
    if (e && e.name === 'TypeError') return t.networkError;
    return (e && e.message) || t.serverError;
  }

  function saveConversation() {
    store('sessionStorage', KEY + 'conversation', conv ? JSON.stringify(conv) : null);
  }

  function ensureConversation() {
    if (conv) return Promise.resolve(conv);
    var body = { channel: settings.channel, locale: locale };
    return call('POST', '', body).then(function (created) {
      conv = { id: created.id, token: created.token };
      saveConversation();
      return conv;
    });
  }

  function forgetConversation() {
    stopEvents();
    conv = null;
    saveConversation();
    status = 'bot';
    staffName = null;
    applyStatus();
  }

  /**
   * Reads a server-sent event stream from a fetch() response (EventSource can neither POST nor send headers).
   * Calls onEvent({event, data, id}) per event and onActivity() on every chunk, heartbeats included.
   */
  function readEvents(res, onEvent, onActivity) {
    var reader = res.body.getReader();
    var decoder = new TextDecoder('utf-8');
    var buffer = '';
    var data = [];
    var name = '';
    var id = null;

    function line(l) {
      if (l === '') {
        if (data.length) onEvent({ event: name || 'message', data: data.join('\n'), id: id });
        data = [];
        name = '';
        id = null;
        return;
      }
      if (l.charAt(0) === ':') return;
      var colon = l.indexOf(':');
      var field = colon < 0 ? l : l.slice(0, colon);
      var value = colon < 0 ? '' : l.slice(colon + 1);
      if (value.charAt(0) === ' ') value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') name = value;
      else if (field === 'id' && value.indexOf('\u0000') < 0) id = value;
    }

    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          buffer += decoder.decode();
          return;
        }
        if (onActivity) onActivity();
        buffer += decoder.decode(chunk.value, { stream: true });
        // a trailing CR may be the first half of CRLF: keep it for the next chunk
        var pendingCr = buffer.charAt(buffer.length - 1) === '\r';
        var lines = (pendingCr ? buffer.slice(0, -1) : buffer).split(/\r\n|\r|\n/);
        buffer = lines.pop() + (pendingCr ? '\r' : '');
        lines.forEach(line);
        return pump();
      });
    }
    return pump();
  }

  function parseJson(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  /** A delta's text: the raw text the server streams, or a JSON string / {text} should it send JSON. */
  function deltaText(data) {
    var first = data.charAt(0);
    if (first === '"' || first === '{') {
      var parsed = parseJson(data);
      if (typeof parsed === 'string') return parsed;
      if (parsed && typeof parsed.text === 'string') return parsed.text;
    }
    return data;
  }

  /** POSTs the message and streams the reply into message m; resolves with the reply object. */
  function streamReply(text, m) {
    var controller = new AbortController();
    var timer = null;
    function arm() {
      clearTimeout(timer);
      timer = setTimeout(function () { controller.abort(); }, REPLY_IDLE_MS);
    }
    arm();
    return fetch(url('/' + conv.id + '/messages'), {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify({ text: text }),
      cache: 'no-store',
      signal: controller.signal
    }).then(function (res) {
      if (!res.ok) return problem(res).then(function (e) { throw e; });
      var type = res.headers.get('Content-Type') || '';
      if (type.indexOf('text/event-stream') < 0) {
        return res.json().then(function (body) { return body.reply; });
      }
      var reply = null;
      return readEvents(res, function (ev) {
        if (ev.event === 'delta') {
          m.text += deltaText(ev.data);
          if (m.state === 'streaming' && m.el.querySelector('.ca-typing')) rerender(m);
          else m.textEl.textContent = m.text;
          scrollToEnd();
        } else if (ev.event === 'reply') {
          reply = parseJson(ev.data);
        }
      }, arm).then(function () {
        if (!reply || typeof reply.type !== 'string') {
          var broken = new TypeError('the reply stream ended early');
          throw broken;
        }
        return reply;
      });
    }).then(function (reply) {
      clearTimeout(timer);
      return reply;
    }, function (e) {
      clearTimeout(timer);
      if (e && e.name === 'AbortError') throw new TypeError('no reply in time');
      throw e;
    });
  }

  function submitInput() {
    var text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = '';
    ask(text).catch(function () { /* shown in the panel */ });
  }

  /** Runs turns one after another: a question asked while a reply streams waits for it. */
  function enqueue(turn) {
    var result = turns.then(turn);
    turns = result.catch(function () { /* each caller handles its own failure */ });
    return result;
  }

  /** Sends a citizen message; resolves with the reply, rejects (after showing why) when it could not be sent. */
  function ask(text) {
    text = String(text == null ? '' : text).trim();
    if (!text) return Promise.reject(new Error('empty question'));
    if (text.length > MAX_LENGTH) {
      showAlert(t.tooLong(MAX_LENGTH));
      return Promise.reject(new Error(t.tooLong(MAX_LENGTH)));
    }
    if (!isOpen) open();
    var mine = addMessage(message({ author: 'citizen', text: text, state: 'sending' }));
    return enqueue(function () { return deliver(mine, true); });
  }

  function deliver(mine, mayRestart) {
    showAlert('');
    var forwarded = status === 'waiting' || status === 'with_staff';
    var answer = null;
    return ensureConversation().then(function () {
      clearChips();
      answer = addMessage(message({ author: 'assistant', text: '', state: 'streaming' }));
      return streamReply(mine.text, answer);
    }).then(function (reply) {
      mine.state = null;
      rerender(mine);
      if (forwarded && reply.type === 'handoff') {
        // while people have the conversation, the server only confirms that it passed the message on
        answer.note = true;
        answer.text = reply.text;
        answer.state = null;
        rerender(answer);
        announce(reply.text);
      } else {
        answer.reply = reply;
        answer.text = reply.text;
        answer.state = null;
        rerender(answer);
        announce(t.assistant + t.said + reply.text);
        readNew(answer);
      }
      if (reply.type === 'handoff' && status === 'bot') setStatus('waiting');
      if (reply.type === 'handoff') startEvents();
      return reply;
    }).catch(function (e) {
      if (answer) removeMessage(answer);
      if (e instanceof ApiError && mayRestart && (e.status === 404 || e.status === 401 || e.status === 403)) {
        // the conversation expired (or storage held a stale one): start a new one and send once more
        forgetConversation();
        showAlert(t.expired);
        return deliver(mine, false);
      }
      if (e instanceof ApiError && e.status === 409) {
        removeMessage(mine);
        showAlert(errorText(e));
        if (e.code === 'conversation-closed') setStatus('closed');
        else showRating(false);
        throw e;
      }
      if (e instanceof ApiError && (e.status === 400 || e.status === 413)) {
        removeMessage(mine);
        ui.input.value = mine.text;
      } else {
        mine.state = 'failed';
        rerender(mine);
      }
      showAlert(errorText(e));
      throw e;
    }).then(function (reply) {
      scrollToEnd();
      return reply;
    });
  }

  function removeMessage(m) {
    var i = messages.indexOf(m);
    if (i >= 0) messages.splice(i, 1);
    if (m.el && m.el.parentNode) m.el.parentNode.removeChild(m.el);
  }

  /** Sends a failed message again, unless the server did receive it after all (then its reply is shown). */
  function resend(m) {
    if (m.state !== 'failed') return;
    focusInput();
    var check = conv ? sync().catch(function () { /* offline: try the send anyway */ }) : Promise.resolve();
    check.then(function () {
      if (m.id) return; // it had arrived
      m.state = 'sending';
      rerender(m);
      messages.splice(messages.indexOf(m), 1);
      messages.push(m);
      ui.list.insertBefore(m.el, ui.rating || null);
      enqueue(function () { return deliver(m, true); }).catch(function () { /* shown in the panel */ });
    });
  }

  function requestHandoff() {
    if (status !== 'bot' || handoffPending) return;
    handoffPending = true;
    enqueue(function () {
      if (status !== 'bot') return null;
      showAlert('');
      return ensureConversation().then(function () {
        return call('POST', '/' + conv.id + '/handoff', {});
      }).then(function (body) {
        clearChips();
        var reply = body.reply;
        readNew(addMessage(message({ author: 'assistant', text: reply.text, reply: reply })));
        announce(reply.text);
        if (status === 'bot') setStatus('waiting');
        startEvents();
      }, function (e) {
        showAlert(errorText(e));
      });
    }).then(function () { handoffPending = false; });
  }

  // --- deleting the conversation (the citizen's right to erasure) ----------------------------------------------

  /**
   * The 删除记录 button: a first press asks to confirm (the button says so and it is announced), a second press
   * within 8 s deletes the conversation on the server (transcript, contact, feedback) and starts afresh here.
   */
  function forgetButton() {
    var asking = false;
    var timer = null;
    function zh() { return locale !== 'en'; }
    function label() {
      if (asking) return zh() ? '确认删除？' : 'Really delete?';
      return zh() ? '删除记录' : 'Delete record';
    }
    function reset() {
      clearTimeout(timer);
      asking = false;
      button.textContent = label();
    }
    var button = h('button', { type: 'button', class: 'ca-tool ca-tool--forget', onclick: function () {
      if (!asking) {
        asking = true;
        button.textContent = label();
        announce(zh() ? '再按一次将删除本次会话的全部记录，删除后无法恢复。'
          : 'Press again to delete this conversation for good.');
        timer = setTimeout(reset, 8000);
        return;
      }
      reset();
      enqueue(function () {
        var c = conv;
        if (!c) return null;
        return call('DELETE', '/' + c.id).catch(function (e) {
          if (!(e instanceof ApiError && e.status === 404)) throw e; // already gone
        }).then(function () {
          newConversation();
          announce(zh() ? '会话记录已删除。' : 'The conversation has been deleted.');
        }, function (e) {
          showAlert(errorText(e));
        });
      });
    } });
    button.style.marginBottom = '0.85em';
    button.relabel = function () { button.textContent = label(); };
    button.relabel();
    return button;
  }

  // --- the transcript as the server has it ---------------------------------------------------------------------

  /**
   * Reads the transcript back and merges what this page has not shown (lost replies, staff messages). Waits for a
   * question in flight, whose entries the server may already have while its reply still streams here.
   */
  function sync() {
    return enqueue(syncNow);
  }

  function syncNow() {
    var c = conv;
    if (!c) return Promise.resolve();
    return call('GET', '/' + c.id).then(function (view) {
      if (conv !== c) return;
      merge(view.messages || []);
      if (view.state && view.state !== status) setStatus(view.state);
    }, function (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 403) && conv === c) {
        forgetConversation();
      }
      throw e;
    });
  }

  function merge(entries) {
    var added = false;
    entries.forEach(function (e) {
      if (messages.some(function (m) { return m.id === e.id; })) return;
      var mine = null;
      for (var i = 0; i < messages.length; i++) {
        var m = messages[i];
        if (!m.id && !m.note && m.state !== 'streaming' && m.state !== 'sending' && m.author === e.author && m.text === e.text) {
          mine = m;
          break;
        }
      }
      if (mine) {
        mine.id = e.id;
        if (mine.state === 'failed') mine.state = null;
        rerender(mine);
        return;
      }
      var pending = null;
      for (var j = 0; j < messages.length; j++) {
        if (!messages[j].id && !messages[j].note) { pending = messages[j]; break; }
      }
      addMessage(fromEntry(e), pending);
      added = true;
    });
    if (entries.length) lastEntryId = entries[entries.length - 1].id;
    if (added) {
      // suggestions belong to the latest reply only
      clearChips();
      var latest = null;
      messages.forEach(function (m) { if (m.author === 'assistant' && m.reply && !m.note) latest = m; });
      if (latest) rerender(latest);
    }
  }

  // --- live staff messages and state changes -------------------------------------------------------------------

  function stopEvents() {
    if (eventsController) eventsController.abort();
    eventsController = null;
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function whenOnline() {
    if (navigator.onLine !== false) return Promise.resolve();
    return new Promise(function (resolve) { window.addEventListener('online', resolve, { once: true }); });
  }

  function startEvents() {
    if (!conv || eventsFor === conv || eventsUnsupported || status === 'closed') return;
    var c = conv;
    eventsFor = c;
    var attempt = 0;

    function connect() {
      if (conv !== c || status === 'closed') return Promise.resolve();
      var controller = new AbortController();
      eventsController = controller;
      var watchdog = null;
      function arm() {
        clearTimeout(watchdog);
        watchdog = setTimeout(function () { controller.abort(); }, STREAM_IDLE_MS);
      }
      arm();
      var extra = { Accept: 'text/event-stream' };
      if (lastEntryId) extra['Last-Event-ID'] = lastEntryId;
      return fetch(url('/' + c.id + '/events'), { headers: headers(extra), cache: 'no-store', signal: controller.signal })
        .then(function (res) {
          if (!res.ok) return problem(res).then(function (e) { throw e; });
          attempt = 0;
          setConnection(null);
          return readEvents(res, onServerEvent, arm);
        })
        .catch(function (e) { return e; })
        .then(function (e) {
          clearTimeout(watchdog);
          if (eventsController !== controller || conv !== c || status === 'closed') return null; // stopped on purpose
          if (e instanceof ApiError && e.status === 404) {
            // either the conversation is gone, or this server has no event stream: the transcript tells which
            return sync().then(function () {
              if (conv === c) {
                eventsUnsupported = true;
                console.warn(LOG + 'this server has no live event stream; staff replies appear when the page reloads.');
              }
            }, function () { /* forgotten in sync() */ });
          }
          if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
            forgetConversation();
            return null;
          }
          if (isOpen) setConnection(t.reconnecting);
          var wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
          attempt += 1;
          return sleep(wait).then(whenOnline).then(function () {
            return sync().catch(function () { /* retried below */ });
          }).then(connect);
        });
    }

    function done() {
      if (eventsFor === c) eventsFor = null;
    }
    connect().then(done, done);
  }

  function onServerEvent(ev) {
    var data = parseJson(ev.data);
    if (!data) return;
    if (ev.event === 'state') {
      setStatus(data.state, data);
    } else if (ev.event === 'message') {
      if (ev.id) lastEntryId = ev.id;
      if (!data.id || messages.some(function (m) { return m.id === data.id; })) return;
      var m = addMessage(fromEntry(data));
      if (!isOpen && (m.author === 'staff' || m.author === 'system')) setUnread(unread + 1);
      announce((m.author === 'staff' ? t.staff(m.staffName) + t.said : '') + m.text);
      if (m.author === 'staff') readNew(m);
    }
  }

  function setConnection(text) {
    ui.connection.textContent = text || '';
    ui.connection.hidden = !text;
  }

  window.addEventListener('offline', function () {
    setConnection(t.offline);
    // the live stream is dead too: drop it now, and it reconnects (and catches up) once the network is back
    if (eventsController) eventsController.abort();
  });
  window.addEventListener('online', function () {
    setConnection(null);
    if (conv) sync().catch(function () { /* the event stream retries */ });
  });

  // --- start ---------------------------------------------------------------------------------------------------

  function restore() {
    if (!conv) return;
    sync().then(function () {
      if (conv && (status !== 'bot' || isOpen)) startEvents();
    }, function () { /* expired: forgotten; or offline: the first send retries */ });
  }

  function start() {
    build();
    // a new page starts with the panel closed even mid-conversation: a modal dialog that the page opens by itself
    // would take a screen reader away from the page the citizen came to read
    document.body.appendChild(host);
    restore();
  }

  var started = false;
  var whenStarted = [];

  /** Runs fn now, or once the page has a body (for calls made before the widget could start). */
  function later(fn) {
    return function () {
      var args = arguments;
      if (started) return fn.apply(null, args);
      return new Promise(function (resolve, reject) {
        whenStarted.push(function () {
          try { resolve(fn.apply(null, args)); } catch (e) { reject(e); }
        });
      });
    };
  }

  window.CivicAssistant = Object.freeze({
    version: VERSION,
    /** Opens the chat panel and moves focus into it. */
    open: later(function () { open(); }),
    /** Closes the panel and returns focus to the launcher button. */
    close: later(function () { close(); }),
    /** Opens the panel and sends a question; resolves with the reply ({type, text, citations, suggestions}). */
    ask: later(function (text) { return ask(text); }),
    /** Switches the widget's language: "zh-CN" or "en". Returns false (and logs why) for anything else. */
    setLocale: later(function (value) { return setLocale(value); }),
    /** Turns elder mode (长辈版: large text, larger targets, higher contrast) on or off; remembered on this device. */
    setElderMode: later(function (on) { setElder(on); }),
    /** True while elder mode is on. */
    isElderMode: function () { return elder; },
    /** True while the panel is open. */
    isOpen: function () { return isOpen; }
  });

  function boot() {
    start();
    started = true;
    whenStarted.splice(0).forEach(function (fn) { fn(); });
    window.dispatchEvent(new CustomEvent('civicassist:ready', { detail: { version: VERSION } }));
  }

  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot);
})();
