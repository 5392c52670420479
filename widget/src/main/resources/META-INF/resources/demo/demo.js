/* The demo portal's own script: buttons of the page that use the widget's window API (CivicAssistant). */
(function () {
  'use strict';

  var elderButton = document.getElementById('demo-elder');

  function assistant() {
    return window.CivicAssistant;
  }

  function showElder(on) {
    elderButton.setAttribute('aria-pressed', String(on));
    document.documentElement.classList.toggle('large-text', on);
  }

  window.addEventListener('civicassist:ready', function () {
    showElder(assistant().isElderMode());
  });
  window.addEventListener('civicassist:eldermode', function (e) {
    showElder(e.detail.on);
  });

  elderButton.addEventListener('click', function () {
    if (assistant()) assistant().setElderMode(elderButton.getAttribute('aria-pressed') !== 'true');
  });

  document.getElementById('demo-open').addEventListener('click', function () {
    if (assistant()) assistant().open();
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-ask]'), function (button) {
    button.addEventListener('click', function () {
      if (assistant()) assistant().ask(button.getAttribute('data-ask')).catch(function () { /* shown in the widget */ });
    });
  });
})();
