/* Runs on every page just before Material's bundle (overrides/main.html, block scripts).
 * Kept in this file, not in each page: the browser loads it once for the whole site. */
(function () {
  "use strict";
  var root = document.documentElement;

  /* Take out the alternate links (languages, feed) from the head. Material's bundle follows
   * each one to fetch a sitemap.xml beside it, for instant navigation, which this site does
   * not use: a failed request per link on every page view, across origins in a sandboxed
   * frame. Crawlers and feed readers read the links from the HTML as served.
   * When embedded, also the search: it is not shown, and its worker and index would be fetched
   * across origins from a sandboxed frame (whose origin is then "null"). */
  var embedded = root.classList.contains("kb-embed");
  var selector = "link[rel=alternate]" + (embedded ? ", [data-md-component=search]" : "");
  document.querySelectorAll(selector).forEach(function (element) { element.remove(); });

  /* The review notice (macros/build/review_notice.py) carries the review-by date; once the reader's
   * today is past it, show the warning. Without script the notice shows only the dates. */
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function markOverdue() {
    var now = today();
    document.querySelectorAll("[data-kb-review-by]").forEach(function (notice) {
      if (now > notice.getAttribute("data-kb-review-by")) {
        notice.classList.add("kb-review--overdue");
        var warning = notice.querySelector(".kb-review__overdue");
        if (warning) { warning.hidden = false; }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markOverdue);
  } else { markOverdue(); }

  /* The outdated banner's link to the version in force (overrides/main.html, block outdated). */
  document.querySelectorAll("[data-kb-in-force]").forEach(function (link) {
    link.setAttribute("href", link.getAttribute("data-kb-in-force"));
  });

  /* A table's scrolling region (macros/build/table_scroll.py, macros/render/matrices.py) is
   * a tab stop so the keyboard can scroll it; when the table fits, the stop only gets in the
   * way: drop it, and bring it back when the window narrows. */
  function scrollStops() {
    document.querySelectorAll(".kb-scroll[role=region]").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1
          || region.scrollHeight > region.clientHeight + 1) {
        region.setAttribute("tabindex", "0");
      } else {
        region.removeAttribute("tabindex");
      }
    });
  }
  window.addEventListener("load", scrollStops);
  window.addEventListener("resize", scrollStops);

  /* While the search is open it is a modal dialog: what lies behind it is inert — out of the
   * keyboard's and screen readers' reach (as a modal <dialog> makes it) — until it closes. */
  var searchToggle = document.getElementById("__search");
  function behindSearch() {
    var parts = Array.prototype.slice.call(document.querySelectorAll(".md-container"));
    var dialog = document.querySelector(".md-search");
    document.querySelectorAll(".md-header__inner > *").forEach(function (part) {
      if (!part.contains(dialog) && !part.matches("label[for=__search]")) {
        parts.push(part);
      }
    });
    parts.forEach(function (part) { part.inert = searchToggle.checked; });
  }
  if (searchToggle) { searchToggle.addEventListener("change", behindSearch); }

  /* Material draws two things by script whose markup a template cannot change:
   * - the version selector's button, named "Välj version" while it shows "2026": its name
   *   must contain what it shows (WCAG 2.5.3, axe label-content-name-mismatch);
   * - a search result's tags (the routine's search words), each list a <nav> without a name,
   *   several per page (axe landmark-unique): a list of words, not a navigation. */
  function fixDrawn(root) {
    root.querySelectorAll(".md-version__current[aria-label]:not([data-kb-named])")
      .forEach(function (button) {
        var shown = button.textContent.replace(/\s+/g, " ").trim();
        button.setAttribute("aria-label", shown + " – " + button.getAttribute("aria-label"));
        button.setAttribute("data-kb-named", "");
      });
    root.querySelectorAll(".md-search-result nav.md-tags:not([role])").forEach(function (tags) {
      tags.setAttribute("role", "none");
    });
  }
  /* Material draws the search results anew for each answer of the search worker. An answer that
   * comes after the reader has pressed ↓ into the results (the one for the last keystroke, after
   * a quicker one for the letters before it) drops the focus to the page, and the next ↓ or
   * Enter does nothing. Keep the focus on the same result (by its address), else at the same
   * place in the list, else in the search box. */
  var RESULT_STOPS = ":not(details) > [href], summary, details[open] [href]";  // as Material's ↓
  var held = null;  // the result the reader is on: {href, index}
  function resultStops() {
    var list = document.querySelector(".md-search-result__list");
    return list ? Array.prototype.slice.call(list.querySelectorAll(RESULT_STOPS)) : [];
  }
  document.addEventListener("focusin", function (event) {
    var stops = resultStops();
    var index = stops.indexOf(event.target);
    held = index < 0 ? null : {href: event.target.getAttribute("href"), index: index};
  });
  document.addEventListener("pointerdown", function () { held = null; });
  function keepResultFocus() {
    var lost = !document.activeElement || document.activeElement === document.body;
    if (!held || !lost || !searchToggle || !searchToggle.checked) { return; }
    var stops = resultStops();
    var target = stops.filter(function (stop) { return stop.getAttribute("href") === held.href; })[0]
      || stops[Math.min(held.index, stops.length - 1)]
      || document.querySelector("input.md-search__input");
    if (target) { target.focus(); }
  }
  if (searchToggle) { searchToggle.addEventListener("change", function () { held = null; }); }

  if ("MutationObserver" in window) {
    new MutationObserver(function () { fixDrawn(document); keepResultFocus(); })
      .observe(root, {childList: true, subtree: true});
  }

  /* The page's print footer (overrides/partials/kb-print.html): its @page rule comes in a meta
   * element and is added as a constructed stylesheet, which the site's Content-Security-Policy
   * allows (it refuses <style> elements). */
  var printStyle = document.querySelector("meta[name=kb-print-style]");
  if (printStyle && "adoptedStyleSheets" in document) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(printStyle.getAttribute("content"));
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) { /* an old browser prints without the footer */ }
  }
})();
