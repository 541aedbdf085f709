// What the old portal theme's scripts did to the page (2012 era), loaded as
// a classic script before loket. loket must not care about any of it.
(function () {
  'use strict';
  // A jQuery-shaped global and an AMD loader: UMD bundles would register with
  // `define` instead of running, so loket's bundle must not be UMD.
  var $ = function (selector) {
    return document.querySelectorAll(selector);
  };
  $.fn = {};
  window.$ = window.jQuery = $;
  window.define = function () {};
  window.define.amd = { jQuery: true };
  // Prototype.js / MooTools style: enumerable additions to built-in
  // prototypes, which break `for…in` over arrays.
  Array.prototype.contains = function (item) {
    return this.indexOf(item) !== -1;
  };
  // Themes rewrote the page title in capitals on load.
  document.addEventListener('DOMContentLoaded', function () {
    document.body.setAttribute('data-theme', 'portal-v2.3');
  });
})();
