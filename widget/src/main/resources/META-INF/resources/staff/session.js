/*
 * The staff login both consoles share — the staff console (/staff/) and the maintainers' console (/admin/): log in
 * with a staff account, keep the token in sessionStorage for this tab only, call the staff API with it, and log out
 * (also when a call finds the token expired). Each console says where it keeps its token, how it shows or hides
 * itself, what it does once logged in, and what it closes on logout.
 */
(function () {
  'use strict';

  var API = '/api/v1/staff';

  window.StaffSession = function (options) {
    var session = { token: sessionStorage.getItem(options.storageKey) };

    // a JSON call with the token; a refusal is thrown as an Error with the server's Chinese message and the status
    session.call = function (method, url, body) {
      var init = { method: method, headers: { 'Authorization': 'Bearer ' + session.token } };
      if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      return fetch(url, init).then(function (response) {
        if (response.status === 401) { session.logout('登录已过期，请重新登录。'); throw new Error('登录已过期。'); }
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var e = new Error(json.detail_zh || ('请求失败（' + response.status + '）'));
            e.status = response.status;
            throw e;
          }
          return json;
        });
      });
    };

    session.login = function (event) {
      event.preventDefault();
      document.getElementById('login-error').textContent = '';
      var body = {
        username: document.getElementById('login-username').value,
        password: document.getElementById('login-password').value
      };
      fetch(API + '/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body) })
        .then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) { throw new Error(json.detail_zh || '登录失败。'); }
            return json;
          });
        })
        .then(function (json) {
          session.token = json.token;
          sessionStorage.setItem(options.storageKey, json.token);
          document.getElementById('login-password').value = '';
          options.start();
        })
        .catch(function (e) { document.getElementById('login-error').textContent = e.message; });
    };

    session.logout = function (message) {
      if (session.token) {
        fetch(API + '/logout', { method: 'POST', headers: { 'Authorization': 'Bearer ' + session.token } })
          .catch(function () { /* the token expires anyway */ });
      }
      session.token = null;
      sessionStorage.removeItem(options.storageKey);
      if (options.stop) { options.stop(); }
      options.show(false);
      document.getElementById('login-error').textContent = message || '';
      document.getElementById('login-username').focus();
    };

    // on page load: carry on with this tab's login, or show the login form
    session.resume = function () {
      if (session.token) { options.start(); } else { options.show(false); }
    };

    return session;
  };
}());
