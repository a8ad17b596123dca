"""No request leaves the site's origin: no web fonts, CDN scripts or images from elsewhere.

A fast scan of every built file for off-site addresses the browser would fetch (and a check
that the scan finds them). Chromium recording every request: tests/browser/test_privacy.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

# An address the browser would fetch from another origin: absolute or protocol-relative.
OFF_SITE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
# <link rel=…> values that make the browser fetch (or connect to) the href
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
                 "preconnect", "dns-prefetch", "modulepreload", "manifest", "mask-icon",
                 "prerender"}
SRC_ATTRIBUTES = ("src", "data", "poster", "background")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
# Script that fetches: importScripts("…"), fetch("…"), import("…"), new Worker("…"), .src = "…"
JS_FETCH = re.compile(r"""(?:importScripts|fetch|import|Worker|EventSource)\s*\(\s*(['"`])"""
                      r"""([^'"`]*)\1|\.src\s*=\s*(['"`])([^'"`]*)\3""")


def _css_urls(text: str) -> Iterator[str]:
    for match in CSS_URL.finditer(text):
        yield match.group(2) or match.group(4) or ""


def _js_urls(text: str) -> Iterator[str]:
    for match in JS_FETCH.finditer(text):
        yield match.group(2) or match.group(4) or ""


class _Loads(HTMLParser):
    """(what, address) of everything an HTML page makes the browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._inline: str | None = None  # "style" or "script" without src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.found += [(f"<{tag} {name}>", values[name]) for name in SRC_ATTRIBUTES
                       if values.get(name)]
        self.found += [(f"<{tag} srcset>", candidate.split()[0])
                       for candidate in values.get("srcset", "").split(",") if candidate.strip()]
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & FETCHING_RELS:
            self.found.append((f"<link rel={values['rel']}>", values.get("href", "")))
        if tag in ("image", "use", "feimage"):
            self.found += [(f"<{tag} {name}>", values[name]) for name in ("href", "xlink:href")
                           if values.get(name)]
        self.found += [(f"<{tag} style>", url) for url in _css_urls(values.get("style", ""))]
        if tag == "style" or (tag == "script" and "src" not in values):
            self._inline = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inline:
            self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline == "style":
            self.found += [("<style>", url) for url in _css_urls(data)]
        elif self._inline == "script":
            self.found += [("<script>", url) for url in _js_urls(data)]


def _html_urls(text: str) -> Iterator[tuple[str, str]]:
    parser = _Loads()
    parser.feed(text)
    parser.close()
    return iter(parser.found)


def off_site_references(site: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            found = list(_html_urls(text))
        elif suffix == ".css":
            found = [("url()/@import", url) for url in _css_urls(text)]
        else:
            found = [("script fetch", url) for url in _js_urls(text)]
        problems += [f"{path.relative_to(site)}: {what} {url}" for what, url in found
                     if OFF_SITE.match(url)]
    return problems


def test_no_built_file_loads_anything_from_another_site(real_site: Path) -> None:
    problems = off_site_references(real_site)
    assert not problems, "off-site addresses:\n" + "\n".join(problems)


def test_the_scan_finds_off_site_addresses(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/a/"><a href="https://example.org">x</a>'
        '<script src="//cdn.example.net/x.js"></script><img src="ok.png" srcset="https://e.x/i 2x">'
        '<style>@import "https://e.x/s.css";</style>'
        '<textarea>&lt;iframe src="https://example.org/"&gt;&lt;/iframe&gt;</textarea>',
        encoding="utf-8")
    (tmp_path / "a.css").write_text(
        "@font-face{src:url(https://fonts.gstatic.com/f.woff2)}"
        ".i{background:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/"
        "svg'/>\")}.j{background:url(../img/a.png)}", encoding="utf-8")
    (tmp_path / "a.js").write_text(
        'importScripts("https://cdn.example.net/lunr.js"); // see https://lunrjs.com\n'
        'fetch("search/search_index.json")', encoding="utf-8")
    found = off_site_references(tmp_path)
    assert found == [
        "a.css: url()/@import https://fonts.gstatic.com/f.woff2",
        "a.html: <link rel=stylesheet> https://fonts.googleapis.com/css?family=Roboto",
        "a.html: <script src> //cdn.example.net/x.js",
        "a.html: <img srcset> https://e.x/i",
        "a.html: <style> https://e.x/s.css",
        "a.js: script fetch https://cdn.example.net/lunr.js",
    ], found
