/*
 * Utterson theme: the light/dark toggle. The inline script in _includes/head.html has already
 * set data-theme on <html> (stored choice, else the system's); this shows the toggle buttons,
 * stores the reader's choice in localStorage and follows system changes until they choose.
 */
(function () {
  'use strict';
  var KEY = 'utterson-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var buttons = Array.prototype.slice.call(document.querySelectorAll('[data-theme-toggle]'));

  function stored() {
    try {
      var t = window.localStorage.getItem(KEY);
      return t === 'light' || t === 'dark' ? t : null;
    } catch (e) {
      return null; // storage blocked: the choice lasts for this page only
    }
  }

  function apply(theme) {
    root.setAttribute('data-theme', theme);
    buttons.forEach(function (b) {
      b.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
    });
  }

  apply(root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light');
  buttons.forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        /* see stored() */
      }
      apply(next);
    });
  });

  if (media && media.addEventListener) {
    media.addEventListener('change', function (e) {
      // data-theme-fixed: the site turned color_scheme_browser_color_mode off
      if (!stored() && !root.hasAttribute('data-theme-fixed')) apply(e.matches ? 'dark' : 'light');
    });
  }
})();
