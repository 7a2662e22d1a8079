// The console's only script: CSRF for htmx, a few conveniences. Loaded as a file: the CSP forbids inline scripts.
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
})();
