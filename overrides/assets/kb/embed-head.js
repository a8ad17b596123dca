/* Runs first, inline in the head (overrides/partials/kb-embed-head.html, macros/render/frontend.py):
 * before Material's scripts read their settings, and before the page is drawn (no flash of
 * the site's header in a frame).
 * 1. Storage: in a sandboxed frame (opaque origin) or with blocked third-party storage,
 *    merely reading window.localStorage or window.sessionStorage throws, and Material's
 *    scripts read both. Replace what throws with a storage kept in memory for this page.
 * 2. Embedded mode: framed, or ?embed=1 (?embed=0 shows the whole site even in a frame). */
(function () {
  function memory() {
    var items = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      clear: function () { items = {}; },
      key: function (i) { var keys = Object.keys(items); return i < keys.length ? keys[i] : null; },
      get length() { return Object.keys(items).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      var storage = window[name];
      storage.setItem("__kb_probe", "1");
      storage.removeItem("__kb_probe");
    } catch (e) {
      try { Object.defineProperty(window, name, {configurable: true, value: memory()}); } catch (ignored) {}
    }
  });
  var flag = new URLSearchParams(location.search).get("embed");
  var framed;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
  if (flag === "1" || (framed && flag !== "0")) {
    document.documentElement.classList.add("kb-embed");
  }
})();
