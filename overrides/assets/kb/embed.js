/* Embedded mode and the "embed this page" box (see docs/inbaddning.md).
 *
 * Embedded (html.kb-embed, set in the page head when framed or with ?embed=1):
 * - the page posts its height to the host: {type: "kb-embed", version: 1, height, url, title,
 *   lang}; the host script assets/kb/embed-host.js resizes the iframe;
 * - links to pages of this site stay in the frame and keep ?embed=1; links to other sites
 *   open in a new tab (they would not work in a sandboxed frame, and leave the intranet page).
 * Not embedded: the copy button of the embed box. */
(function () {
  "use strict";
  var root = document.documentElement;

  function siteBase() {
    var config = document.getElementById("__config");
    try {
      return new URL(JSON.parse(config.textContent).base + "/", location.href);
    } catch (e) {
      return new URL("./", location.href);
    }
  }

  function withoutEmbed(href) {
    var url = new URL(href);
    url.searchParams.delete("embed");
    return url.href;
  }

  function retarget(base) {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var url;
      try { url = new URL(link.getAttribute("href"), location.href); } catch (e) { return; }
      if (link.hasAttribute("data-kb-embed-keep")) { return; }
      if (url.protocol !== "http:" && url.protocol !== "https:") { return; }
      var inside = url.origin === base.origin && url.pathname.indexOf(base.pathname) === 0;
      if (!inside) {
        link.setAttribute("target", "_blank");
        link.setAttribute("rel", "noopener noreferrer");
        return;
      }
      var samePage = url.pathname === location.pathname && url.search === location.search;
      if (url.hash && samePage) { return; }  // an anchor on this page: leave it alone
      url.searchParams.set("embed", "1");
      link.setAttribute("href", url.href);
    });
  }

  function reportHeight() {
    if (window.parent === window) { return; }
    var last = 0;
    function report() {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) { return; }
      last = height;
      window.parent.postMessage({
        type: "kb-embed", version: 1, height: height,
        url: withoutEmbed(location.href), title: document.title, lang: root.lang
      }, "*");
    }
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(report).observe(document.body);
    }
    window.addEventListener("load", report);
    report();
  }

  function copyButtons() {
    document.querySelectorAll("[data-kb-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-kb-copy"));
      var status = document.getElementById(button.getAttribute("data-kb-status"));
      button.hidden = false;
      button.addEventListener("click", function () {
        function done(ok) {
          status.textContent = button.getAttribute(ok ? "data-kb-copied" : "data-kb-copy-failed");
        }
        source.focus();
        source.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(function () { done(true); },
            function () { done(document.execCommand && document.execCommand("copy")); });
        } else {
          done(document.execCommand && document.execCommand("copy"));
        }
      });
    });
  }

  function start() {
    if (root.classList.contains("kb-embed")) {
      retarget(siteBase());
      reportHeight();
    } else {
      copyButtons();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
