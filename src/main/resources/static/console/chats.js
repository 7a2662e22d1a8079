// The Chats view: browser notifications for alarms, the open chat kept scrolled to its latest message, the
// list keeping its scroll when it refreshes. Loaded as a file: the CSP forbids inline scripts.
(function () {
  'use strict';

  var canNotify = 'Notification' in window;

  function markEnabled(button) {
    button.textContent = button.getAttribute('data-done') || button.textContent;
    button.disabled = true;
  }

  // the permission is asked on a click, as browsers want
  var enable = document.getElementById('notify-enable');
  if (enable && canNotify && Notification.permission !== 'denied') {
    enable.hidden = false;
    if (Notification.permission === 'granted') {
      markEnabled(enable);
    }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('#notify-enable');
    if (!button || !canNotify) {
      return;
    }
    Promise.resolve(Notification.requestPermission()).then(function (permission) {
      if (permission === 'granted') {
        markEnabled(button);
      }
    });
  });

  // an alarm somewhere: ask the server what it is about (it answers only for agents on duty who may see it)
  document.body.addEventListener('live-alarm', function (event) {
    var id = event.detail && event.detail.id;
    if (!canNotify || Notification.permission !== 'granted' || !/^\d+$/.test(String(id))) {
      return;
    }
    fetch('/console/chats/' + id + '/notice', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.status === 200 ? response.json() : null; })
      .then(function (notice) {
        if (!notice) {
          return;
        }
        var note = new Notification(notice.title, { body: notice.body, tag: 'ombud-alarm-' + id });
        note.onclick = function () {
          window.focus();
          window.location.href = notice.url;
        };
      })
      .catch(function () {});
  });

  // the open chat shows its latest message, unless the agent scrolled up to read
  function messages() {
    return document.getElementById('chat-messages');
  }
  function atBottom(el) {
    return el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  }
  var first = messages();
  if (first) {
    first.scrollTop = first.scrollHeight;
  }
  var follow = true;
  var listScroll = 0;
  document.body.addEventListener('htmx:beforeSwap', function () {
    var el = messages();
    follow = !el || atBottom(el);
    var scroll = document.getElementById('chat-scroll');
    listScroll = scroll ? scroll.scrollTop : 0;
  });
  document.body.addEventListener('htmx:afterSettle', function () {
    var el = messages();
    if (el && follow) {
      el.scrollTop = el.scrollHeight;
    }
    var scroll = document.getElementById('chat-scroll');
    if (scroll && scroll.scrollTop !== listScroll) {
      scroll.scrollTop = listScroll;
    }
  });

  // Ctrl+Enter sends the reply
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.id === 'chat-reply-body') {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });
})();
