"""The last gate: after every build, every built HTML, SVG, JSON, Atom/XML and search-index file
is scanned for what could run in a reader's browser and has no place there.

Refused, in any file: an event-handler attribute (``on…=``), a URL attribute (``href``,
``src``, ``action``, ``formaction``, ``xlink:href``, ``srcset``, ``poster``, ``data`` …)
that the one link rule (:mod:`macros.model.link_rule`) refuses (``javascript:``, ``data:``
…, however written), ``srcdoc``, the elements ``iframe``, ``frame``, ``object``, ``embed``,
``applet``, ``base``, ``portal`` and SVG's ``animate``/``set`` (they can rewrite a link), a
``meta`` refresh to a refused URL, and any ``<script>`` that is not one of the site's own: a
file of the theme (:func:`theme_scripts`) or an inline script whose hash the
Content-Security-Policy allows (or the redirect page's, to an allowed URL). In JSON, every
string under a URL key (``url``, ``href``, ``location`` …) follows the link rule and every
string holding markup is scanned as HTML; in Atom and XML, every attribute and every text that
holds markup (an entry's HTML content).

Fast enough to run after every build (the 1000-routine benchmark site, about 140 MB, in
seconds): each file is searched, lower-cased, with a few regular expressions that find only
candidates (an ``on…=``, an attribute value with a colon or ``&`` before its first ``/``, a
``<script``, one of the refused elements); only the start tag around a candidate is read
precisely, as a browser would tokenise it, and only a JSON file with a candidate is parsed.
What the gate cannot read where a tag should be is refused too (it fails closed).
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import json
import multiprocessing
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from mkdocs_redirects.plugin import HTML_TEMPLATE as REDIRECT_TEMPLATE

from macros.model.catalogue import both
from macros.model.link_rule import link_message, refused_scheme

MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".svg")
JSON_SUFFIXES = (".json",)
XML_SUFFIXES = (".atom", ".xml", ".rss")

_WS = rb"\t\n\f\r "
# A start tag as a browser tokenises it (names lower-cased by the caller): attributes separated
# by white space or "/", values quoted or not. Atomic groups: no backtracking on junk.
_TAG = re.compile(
    rb"<([a-z][^" + _WS + rb"/>]*)((?>(?:[" + _WS + rb"/]+|(?<=[\"']))[^" + _WS + rb"/>]"
    rb"[^" + _WS + rb"/>=]*(?>[" + _WS + rb"]*=[" + _WS + rb"]*(?>\"[^\"]*\"|'[^']*'|"
    rb"[^" + _WS + rb">]*))?)*)[" + _WS + rb"/]*>")
# One attribute; after a quoted value the next may follow without a space, as browsers read it.
_ATTRIBUTE = re.compile(
    rb"(?>[" + _WS + rb"/]+|(?<=[\"']))([^" + _WS + rb"/>][^" + _WS + rb"/>=]*)"
    rb"(?>[" + _WS + rb"]*=[" + _WS + rb"]*(\"[^\"]*\"|'[^']*'|[^" + _WS + rb">]*))?")
_END_TAG = re.compile(rb"</[a-z][^>]*>|<!--.*?-->|<![^>]*>|<\?[^>]*>", re.S)
# Candidates, searched in the lower-cased file
_HANDLER = re.compile(rb"on[a-z]+[" + _WS + rb"]*=")
# A value that may carry a scheme or //host (checked, with its tag, when the tag is read)
_VALUE = re.compile(rb"=[" + _WS + rb"]*(?:\\?[\"'])?[" + _WS + rb"]*(?:(?!(?:https?|mailto|tel):)"
                    rb"[^ \"'<>/?#\\:&\x00-\x1f]*+[:&\x00-\x1f]|[/\\]{2})")
_SCRIPT = re.compile(rb"<script")
_SRCSET = re.compile(rb"srcset")  # a list of URLs: the value candidate sees only the first
_ELEMENT = re.compile(rb"<(?:iframe|frameset|frame|object|embed|applet|base|portal|set|"
                      rb"animate(?:motion|transform)?)"
                      rb"[" + _WS + rb"/>]|<meta[^>]*http-equiv")
# A JSON value under a URL key (or in an object under one) that may carry a scheme or //host
_JSON_URL = re.compile(
    rb"\"(?:url|href|link|src|web|source|location|uri|path|canonical_url)\"[" + _WS + rb"]*:"
    rb"[" + _WS + rb"]*(?:\{[^{}]*?:[" + _WS + rb"]*)?\"[" + _WS + rb"]*"
    rb"(?:(?!(?:https?|mailto|tel):)(?:[a-z0-9+.\-&#;]|\\[tnr])+:|//|\\/\\/|\\\\)")
_ANY_TAG = re.compile(rb"<[a-z!?/]")
_SEPARATORS = frozenset(b"\t\n\f\r /\"'")

REFUSED_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base",
                              "portal", "animate", "animatemotion", "animatetransform", "set"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster",
                            "background", "cite", "longdesc", "ping", "manifest", "codebase",
                            "lowsrc", "dynsrc", "icon", "srcset", "imagesrcset", "xlink:href"})
JSON_URL_KEYS = frozenset({"url", "href", "link", "src", "web", "source", "location", "uri",
                           "path", "canonical_url"})
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                 "application/ecmascript", "text/jscript", "text/livescript"}
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.I)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")  # pragma: no mutate (any decoding shows the text)


@cache
def redirect_script() -> re.Pattern[bytes]:
    """mkdocs-redirects' inline script, with its target URL as the group ``url``."""
    body = re.search(r"<script>(.*?)</script>", REDIRECT_TEMPLATE, re.S)
    if body is None:
        raise RuntimeError("mkdocs-redirects changed its page: update the output gate")
    pattern = re.escape(body.group(1)).replace(re.escape("{url}"), "(?P<url>[^\"\\\\<]*)")
    return re.compile(pattern.encode("utf-8"))


def theme_scripts(theme_dirs: Iterable[str],
                  extra_javascript: Iterable[Any] = ()) -> frozenset[str]:
    """Every script file the theme ships (its ``*.js`` under each theme folder, ``overrides/``
    first), as a path from the site's root, and the configuration's ``extra_javascript``."""
    found: set[str] = set()
    for directory in theme_dirs:
        root = Path(directory)
        found.update(path.relative_to(root).as_posix() for path in root.rglob("*.js"))
    for item in extra_javascript:
        found.add(str(getattr(item, "path", item)).lstrip("/"))
    return frozenset(found)


@dataclass(frozen=True)
class Finding:
    file: str  # relative to the site folder
    message: str  # Swedish / English
    fix: str


@dataclass
class OutputGate:
    """What the site may run: its own script files and inline-script hashes."""

    scripts: frozenset[str]  # paths from the site's root, e.g. assets/kb/kb.js
    script_hashes: frozenset[str]  # "'sha256-…'" as the policy lists them
    site_path: str = "/"  # the site's path on its host, e.g. /gallande/ (absolute script URLs)
    _known_bodies: dict[bytes, bool] = field(default_factory=dict)  # inline script → allowed

    # --- files --------------------------------------------------------------------------
    def scan(self, site_dir: Path, workers: int = 1) -> list[Finding]:
        """Every finding in the built site, sorted by file; with ``workers`` > 1 the files
        are shared among that many forked processes (where the platform can fork)."""
        files = sorted(_built_files(site_dir))
        if workers > 1 and len(files) > 200 and "fork" in multiprocessing.get_all_start_methods():
            chunks = [files[index::workers] for index in range(workers)]
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                parts = list(pool.map(self._scan_files, [site_dir] * workers, chunks))
            return sorted((f for part in parts for f in part), key=lambda f: f.file)
        return self._scan_files(site_dir, files)

    def _scan_files(self, site_dir: Path, files: list[str]) -> list[Finding]:
        findings: list[Finding] = []
        for name in files:
            data = (site_dir / name).read_bytes()
            findings += [Finding(name, message, fix)
                         for message, fix in self.scan_file(name, data)]
        return findings

    def scan_file(self, name: str, data: bytes) -> list[tuple[str, str]]:
        """(message, fix) for everything refused in one file's content."""
        suffix = posixpath.splitext(name)[1].lower()
        if suffix in JSON_SUFFIXES:
            return self._json(data)
        if suffix in XML_SUFFIXES:
            return self._xml(data)
        return self.markup(data, posixpath.dirname(name))

    # --- HTML -----------------------------------------------------------------------------
    def markup(self, data: bytes, folder: str = "") -> list[tuple[str, str]]:
        """Findings in HTML (or SVG) text; ``folder`` resolves relative script URLs."""
        low = data.lower()
        found: list[tuple[str, str]] = []
        tags: dict[int, re.Match[bytes] | None] = {}

        def tag_at(start: int) -> None:
            if start not in tags:
                tags[start] = _TAG.match(low, start)
                found.extend(self._tag(data, tags[start], folder, start))

        raw_text = []  # script bodies hold no tags
        for match in _SCRIPT.finditer(low):
            tag_at(match.start())
            tag = tags[match.start()]
            if tag is not None:
                end = low.find(b"</script", tag.end())
                raw_text.append((tag.end(), end if end >= 0 else len(low)))
        for match in _HANDLER.finditer(low):
            if match.start() > 0 and low[match.start() - 1] in _SEPARATORS \
                    and not _inside(raw_text, match.start()):
                self._candidate(low, match.start(), tag_at, found)
        for pattern in (_VALUE, _SRCSET):
            for match in pattern.finditer(low):
                if not _inside(raw_text, match.start()):
                    self._candidate(low, match.start(), tag_at, found)
        for match in _ELEMENT.finditer(low):
            if not _inside(raw_text, match.start()):
                tag_at(match.start())
        return found

    def _candidate(self, low: bytes, offset: int, tag_at: Any,
                   found: list[tuple[str, str]]) -> None:
        """Read the start tag around ``offset``, if it is in one."""
        start = low.rfind(b"<", 0, offset)
        for _ in range(32):
            if start < 0:
                return  # no tag before it: text
            tag = _TAG.match(low, start)
            if tag is not None:
                if tag.end() > offset:
                    tag_at(start)
                return  # the last tag ended before it: it is text
            other = _END_TAG.match(low, start)
            if other is not None and other.end() <= offset:
                return
            if low[start + 1:start + 2].isalpha():  # looks like a tag, reads as none
                found.append(self._unreadable(low, start))
                return
            start = low.rfind(b"<", 0, start)  # a "<" inside a quoted value: look further
        found.append(self._unreadable(low, offset))

    @staticmethod
    def _unreadable(low: bytes, offset: int) -> tuple[str, str]:
        snippet = _text(low[offset:offset + 60])
        return both("gate_unreadable", snippet=repr(snippet)), both("gate_fix")

    def _tag(self, data: bytes, tag: re.Match[bytes] | None, folder: str,
             start: int) -> Iterator[tuple[str, str]]:
        if tag is None:
            if data[start:start + 7].lower() == b"<script":
                yield self._unreadable(data.lower(), start)
            return
        name = _text(tag.group(1))
        attributes = list(_attributes(data, tag))
        if name in REFUSED_ELEMENTS:
            yield both("gate_element", tag=name), both("gate_fix")
        for attribute, value in attributes:
            if attribute.startswith("on"):
                yield both("page_handler_refused", attribute=attribute, tag=name), \
                    both("gate_fix")
            elif attribute == "srcdoc":
                yield both("gate_attribute", attribute=attribute, tag=name), both("gate_fix")
            elif value is not None and (attribute in URL_ATTRIBUTES
                                        or attribute.endswith(":href")):
                yield from _urls(attribute, value)
        if name == "meta":
            yield from _refresh(dict(attributes))
        if name == "script":
            yield from self._script(data, tag, dict(attributes), folder)

    def _script(self, data: bytes, tag: re.Match[bytes], attributes: dict[str, str | None],
                folder: str) -> Iterator[tuple[str, str]]:
        src = attributes.get("src")
        if src is not None:
            if self._known_file(src, folder):
                return
            yield both("gate_script", what=repr(src[:60])), both("gate_fix")
            return
        kind = (attributes.get("type") or "").strip().lower()
        if kind not in _SCRIPT_TYPES:
            return  # a data block (application/json …): not run
        end = data.lower().find(b"</script", tag.end())
        body = data[tag.end():end if end >= 0 else len(data)]
        if body not in self._known_bodies:  # the same few scripts on every page
            self._known_bodies[body] = self._allowed_body(body)
        if not self._known_bodies[body]:
            start = " ".join(_text(body).split())[:60]
            yield both("gate_script", what=repr(start)), both("gate_fix")

    def _allowed_body(self, body: bytes) -> bool:
        """An inline script the policy allows by its hash, or the redirect page's."""
        digest = _text(base64.b64encode(hashlib.sha256(body).digest()))
        if f"'sha256-{digest}'" in self.script_hashes:
            return True
        redirect = redirect_script().fullmatch(body)
        return redirect is not None and refused_scheme(_text(redirect.group("url"))) is None

    def _known_file(self, src: str, folder: str) -> bool:
        """Whether ``src`` (as written in a page in ``folder``) is one of the theme's files."""
        path = src.split("#", 1)[0].split("?", 1)[0]
        if refused_scheme(path) is not None or re.match(r"[a-z][a-z0-9+.\-]*:|//", path, re.I):
            return False  # another site's script, or no file at all
        if path.startswith("/"):
            if not path.startswith(self.site_path):
                return False
            resolved = path[len(self.site_path):]
        else:
            resolved = posixpath.normpath(posixpath.join(folder, path))
        return resolved in self.scripts

    # --- JSON and XML -----------------------------------------------------------------------
    def _json(self, data: bytes) -> list[tuple[str, str]]:
        """URL values by the link rule; every string holding markup (the search index's
        texts) scanned as HTML, all of them as one text (a tag left open in one closes in the
        next, as it would where a page puts them together)."""
        low = data.lower()
        check_urls = _JSON_URL.search(low) is not None  # a URL value that may need the rule
        if not (check_urls or _ANY_TAG.search(low)):
            return []
        try:
            document = json.loads(data)
        except ValueError:
            return []  # not JSON a browser or widget would read
        found: list[tuple[str, str]] = []
        markup: list[str] = []
        stack: list[tuple[Any, bool]] = [(document, False)]
        while stack:
            value, is_url = stack.pop()
            if isinstance(value, dict):  # reversed: the texts come out in document order
                stack.extend((item, is_url or str(key).lower() in JSON_URL_KEYS)
                             for key, item in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend((item, is_url) for item in reversed(value))
            elif isinstance(value, str):
                if is_url and check_urls:
                    found.extend(_url(value))
                if "<" in value or ">" in value:  # a tag, or the end of one left open
                    markup.append(value)
        if markup:
            found.extend(self.markup("\n".join(markup).encode("utf-8")))  # pragma: no mutate
        return found

    def _xml(self, data: bytes) -> list[tuple[str, str]]:
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            return self.markup(data)  # not well-formed: scan it as markup
        found: list[tuple[str, str]] = []
        markup: list[str] = []
        for element in root.iter():
            local = str(element.tag).rsplit("}", 1)[-1].lower()
            for attribute, value in element.attrib.items():
                name = attribute.rsplit("}", 1)[-1].lower()
                if name.startswith("on"):
                    found.append((both("page_handler_refused", attribute=name, tag=local),
                                  both("gate_fix")))
                elif name in URL_ATTRIBUTES:
                    found.extend(_urls(name, value))
            markup.extend(text for text in (element.text, element.tail)
                          if text and ("<" in text or ">" in text))  # HTML, escaped in XML
        if markup:
            found.extend(self.markup("\n".join(markup).encode("utf-8")))  # pragma: no mutate
        return found


def _built_files(site_dir: Path) -> Iterator[str]:
    """The files the gate reads, relative to the site folder (os.walk: faster than rglob)."""
    suffixes = MARKUP_SUFFIXES + JSON_SUFFIXES + XML_SUFFIXES
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if name.lower().endswith(suffixes):
                yield Path(folder, name).relative_to(site_dir).as_posix()


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (offset, offset)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _attributes(data: bytes, tag: re.Match[bytes]) -> Iterator[tuple[str, str | None]]:
    """(lower-case name, decoded value or None) of each attribute of a start tag."""
    start = tag.start(2)
    for attribute in _ATTRIBUTE.finditer(data, start, tag.end(2)):
        name = _text(attribute.group(1)).lower()
        raw = attribute.group(2)
        if raw is None:
            yield name, None
            continue
        text = _text(raw)
        if text[:1] in ("'", '"'):
            text = text[1:-1]
        yield name, html.unescape(text)


def _urls(attribute: str, value: str) -> Iterator[tuple[str, str]]:
    """The link rule on an attribute's URL, or on each candidate of a srcset."""
    if not attribute.endswith("srcset"):
        yield from _url(value)
        return
    for part in value.split(","):
        words = part.split()
        if words:
            yield from _url(words[0])


def _url(target: str) -> Iterator[tuple[str, str]]:
    scheme = refused_scheme(target)
    if scheme is not None:
        yield link_message(target, scheme)


def _refresh(attributes: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    if str(attributes.get("http-equiv")).strip().lower() != "refresh":
        return
    found = _REFRESH_URL.search(str(attributes.get("content")))
    if found:
        yield from _url(found.group(1))
