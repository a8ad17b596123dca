/* Host script for pages of the routine knowledge base embedded in an intranet page.
 *
 *   <iframe src="https://…/gallande/rutiner/…/?embed=1" title="…" data-kb-embed …></iframe>
 *   <script src="https://…/gallande/assets/kb/embed-host.js" defer></script>
 *
 * The embedded page posts {type: "kb-embed", version: 1, height, url, title, lang} to its
 * parent on load and whenever its height changes. This script sets the height of the iframe
 * that sent it (matched by its window, never by what the message claims) and fires a
 * "kb-embed" event on the iframe with the message as `detail`. See docs/inbaddning.md. */
(function () {
  "use strict";
  var MAX_HEIGHT = 100000;

  function sender(event) {
    var frames = document.querySelectorAll("iframe[data-kb-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) { return frames[i]; }
    }
    return null;
  }

  function trusted(frame, origin) {
    var expected;
    try { expected = new URL(frame.src, location.href).origin; } catch (e) { return false; }
    if (origin === expected) { return true; }
    // A sandbox without allow-same-origin gives the framed page an opaque origin: "null".
    var sandbox = frame.getAttribute("sandbox");
    return origin === "null" && sandbox !== null && !/\ballow-same-origin\b/.test(sandbox);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "kb-embed" || data.version !== 1) { return; }
    var frame = sender(event);
    if (!frame || !trusted(frame, event.origin)) { return; }
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) { return; }
    frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + "px";
    if (typeof data.url === "string") { frame.setAttribute("data-kb-url", data.url); }
    var detail = {height: height, url: data.url, title: data.title, lang: data.lang};
    frame.dispatchEvent(new CustomEvent("kb-embed", {detail: detail}));
  });
})();
