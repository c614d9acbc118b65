// Fuseline console: progressive enhancement only; every page works without this file.
// Regions marked data-live-src refresh themselves in place (no page reload): the Line page's figures.
(function () {
  'use strict';

  function live(region) {
    var src = region.getAttribute('data-live-src');
    var every = parseInt(region.getAttribute('data-live-every-ms'), 10) || 5000;
    var status = document.getElementById(region.getAttribute('data-live-status'));

    function say(text) {
      if (status) { status.textContent = text; }
    }

    function schedule() {
      window.setTimeout(refresh, every);
    }

    function refresh() {
      if (document.hidden) { schedule(); return; }
      fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          // A redirect here means the session ended (sign-in page): stop rather than show that page inside this one.
          if (!response.ok || response.redirected) { throw new Error('HTTP ' + response.status); }
          return response.text();
        })
        .then(function (html) {
          region.innerHTML = html;
          say('live, updated ' + new Date().toLocaleTimeString());
          schedule();
        })
        .catch(function () {
          say('live updates stopped: reload the page');
        });
    }

    schedule();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live-src]'), live);
  });
}());
