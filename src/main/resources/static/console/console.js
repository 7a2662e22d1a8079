// The console's only script: CSRF for htmx, a few conveniences, live updates. Loaded as a file: the CSP forbids inline scripts.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // Spring Security wants the CSRF token on every POST; htmx sends it as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // Forms that ask before they act (revoking a token).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // A file over the limit is refused here, before its bytes travel; the server checks again all the same.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var max = form.getAttribute && Number(form.getAttribute('data-max-bytes'));
    if (!max) {
      return;
    }
    var tooLarge = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (input) {
      return Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
    });
    if (tooLarge) {
      event.preventDefault();
      event.stopImmediatePropagation();
      var slot = document.querySelector(form.getAttribute('data-error-slot'));
      if (slot) {
        var list = document.createElement('ul');
        list.className = 'errors';
        list.setAttribute('role', 'alert');
        var item = document.createElement('li');
        item.textContent = form.getAttribute('data-too-large');
        list.appendChild(item);
        slot.replaceChildren(list);
      }
    }
  }, true);

  // The token secret: select it on focus, copy it with one click.
  document.addEventListener('focusin', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-select-on-focus')) {
      event.target.select();
    }
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    field.select();
    var done = function () {
      button.textContent = button.getAttribute('data-copied') || button.textContent;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {});
    } else if (document.execCommand && document.execCommand('copy')) {
      done();
    }
  });

  // ---- Live updates ------------------------------------------------------------------------------------------
  // One event stream per console page of a logged-in agent (the page names it in <meta name="ombud-live">).
  // Every signal becomes two DOM events on <body>: 'live-<topic>' and 'live-<topic>-<id>', with
  // event.detail = {topic, id, teamId}; an htmx element refreshes with e.g.
  // hx-trigger="live-conversation from:body". When a dropped stream comes back, 'live-reconnect' says that
  // signals may have been missed meanwhile. <body data-live-state> tells connecting / open / closed.
  var LIVE_TOPICS = ['conversation', 'case', 'alarm', 'clock'];
  var LIVE_RETRIES = 6;

  function liveEvent(name, detail) {
    document.body.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: detail }));
    liveRefresh(name);
  }

  function startLive() {
    var url = meta('ombud-live');
    if (!url || typeof window.EventSource !== 'function') {
      return;
    }
    var source = null;
    var opened = false;
    var failures = 0;
    var retry = null;

    function state(value) {
      document.body.setAttribute('data-live-state', value);
    }

    function onSignal(event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      var detail = { topic: event.type, id: data.id, teamId: data.teamId };
      liveEvent('live-' + event.type, detail);
      liveEvent('live-' + event.type + '-' + data.id, detail);
    }

    function connect() {
      retry = null;
      state('connecting');
      source = new EventSource(url);
      LIVE_TOPICS.forEach(function (topic) {
        source.addEventListener(topic, onSignal);
      });
      source.onopen = function () {
        var again = opened;
        opened = true;
        failures = 0;
        state('open');
        if (again) {
          liveEvent('live-reconnect', { topic: 'reconnect', id: null, teamId: null });
        }
      };
      source.onerror = function () {
        if (source.readyState !== EventSource.CLOSED) {
          state('connecting'); // the browser reconnects by itself
          return;
        }
        // refused (401 once the session has ended) or not a stream: the browser gave up. Try again a few
        // times, slower each time, then wait until the tab is shown again.
        source.close();
        state('closed');
        failures += 1;
        if (failures <= LIVE_RETRIES) {
          retry = window.setTimeout(connect, Math.min(60000, 2000 * Math.pow(2, failures - 1)));
        }
      };
    }

    function disconnect() {
      if (retry) {
        window.clearTimeout(retry);
        retry = null;
      }
      if (source) {
        source.close();
        source = null;
      }
      state('closed');
    }

    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible' && !retry && (!source || source.readyState === EventSource.CLOSED)) {
        failures = 0;
        connect();
      }
    });
    // leaving the page closes the stream; coming back from the browser's page cache opens it again
    window.addEventListener('pagehide', disconnect);
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        failures = 0;
        connect();
      }
    });
    connect();
  }

  // Live refresh: an element with an id and data-live-refresh="<event> <event>…" gets the htmx event
  // 'live-refresh' when one of those live events arrives: at once, then at most once a second — a later
  // change is never dropped, only gathered into the next refresh — and not while someone types in a field
  // inside it (then when they leave the field).
  var REFRESH_GAP = 1000;
  var refreshes = {};

  function liveRefresh(name) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live-refresh]'), function (el) {
      if (el.id && el.getAttribute('data-live-refresh').split(/\s+/).indexOf(name) >= 0) {
        scheduleRefresh(el.id);
      }
    });
  }

  function isField(el) {
    var tag = el.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable
      || (tag === 'INPUT' && ['button', 'submit', 'reset', 'hidden', 'image'].indexOf(el.type) < 0);
  }

  function scheduleRefresh(id) {
    var r = refreshes[id] || (refreshes[id] = { last: 0, timer: null, waiting: false });
    if (r.timer) {
      return;
    }
    r.timer = window.setTimeout(function () {
      r.timer = null;
      var el = document.getElementById(id);
      if (!el || !window.htmx) {
        return;
      }
      var active = document.activeElement;
      if (active && el.contains(active) && isField(active)) {
        if (!r.waiting) {
          r.waiting = true;
          active.addEventListener('focusout', function () {
            r.waiting = false;
            scheduleRefresh(id);
          }, { once: true });
        }
        return;
      }
      r.last = Date.now();
      window.htmx.trigger(el, 'live-refresh');
    }, Math.max(0, r.last + REFRESH_GAP - Date.now()));
  }

  startLive();
})();
