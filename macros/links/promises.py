"""What each built page promises its readers besides links, read from its HTML for the parity
of two builds (macros/links/parity.py): the review notice under the title, the
not-translated notice, the embedded mode (its head script, inline or a file, the embed bar,
the embed code) and what a Content-Security-Policy judges (inline scripts, inline styles)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html

from macros.links.compare import _target, page_address
from macros.links.reader import site_files

_HTML = (".html", ".htm")
EMBED_HEAD = "assets/kb/embed-head.js"
EMBED_MARK = '"kb-embed"'  # the class embed-head.js sets, in its text inline or minified
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass(frozen=True)
class PagePromises:
    notice: str | None  # the notice's review-by date and text
    embed_head: bool  # the embedded-mode script in the head
    embed_bar: tuple[str, ...]  # the embed bar's link targets
    embed_code: str | None  # the code in the embed box
    fallback: bool = False  # the "not yet translated" notice
    scripts: frozenset[tuple[str, str]] = frozenset()  # inline scripts: (sha256, first words)
    styled: bool = False  # a style attribute or <style> element


def _text(element: Any) -> str:
    """The element's words: white space between its parts does not count (a block of HTML in
    Markdown keeps its line breaks, one inserted into the built page has none)."""
    return " ".join(" ".join(element.itertext()).split())


def _inline_scripts(document: Any) -> frozenset[tuple[str, str]]:
    found = set()
    for script in document.iter("script"):
        if script.get("src") is not None:
            continue
        if (script.get("type") or "").lower() not in _SCRIPT_TYPES:
            continue  # a data block (application/json) runs nothing
        body = script.text or ""
        found.add((hashlib.sha256(body.encode("utf-8")).hexdigest(), " ".join(body.split())[:40]))
    return frozenset(found)


def _embed_head(document: Any) -> bool:
    return any((s.get("src") or "").endswith(EMBED_HEAD)
               or (s.get("src") is None and EMBED_MARK in (s.text or ""))
               for s in document.iter("script"))


def read_promises(data: bytes, file: str) -> PagePromises:
    document = lxml.html.document_fromstring(data) if data.strip() else None
    if document is None:
        return PagePromises(None, False, (), None)
    notice = document.find_class("kb-review")
    bar = document.find_class("kb-embed-bar")
    code = document.get_element_by_id("kb-embed-code", None)
    address = page_address(file)
    return PagePromises(
        notice=(notice[0].get("data-kb-review-by", "") + " " + _text(notice[0])
                if notice else None),
        embed_head=_embed_head(document),
        embed_bar=tuple(sorted(_target(address, a.get("href", "")) for a in bar[0].iter("a")))
        if bar else (),
        embed_code=code.text_content().strip() if code is not None else None,
        fallback=bool(document.find_class("kb-fallback")),
        scripts=_inline_scripts(document),
        styled=any(True for _ in document.iter("style"))
        or any(element.get("style") is not None for element in document.iter()
               if isinstance(element.tag, str)),
    )


def site_promises(site: Path) -> dict[str, PagePromises]:
    """Every HTML page of the site but the 404 pages, by site-relative path."""
    result = {}
    for path, absolute in site_files(site):
        if path.endswith(_HTML) and not path.rsplit("/", 1)[-1].startswith("404"):
            with open(absolute, "rb") as handle:
                result[path] = read_promises(handle.read(), path)
    return result
