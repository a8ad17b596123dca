"""Do two builds of the site have the same pages and links? (issue 7: a faster build must not
change what staff see).

``compare_sites(reference, candidate)`` reads both site folders and lists every difference:

- files: every file of one site that the other lacks (pages, PDFs, ``api/``, ``search/``,
  feeds, assets …), by site-relative path;
- per HTML page, in its content (``<article>``; the ``<body>`` of a page without one): every
  link target (``href``/``src``, resolved against the page's address) and every id or
  ``<a name>`` that one build has and the other lacks;
- the navigation (Material's primary ``<nav>``): the targets of its links over the whole
  site. With ``navigation.prune`` each page holds only the open part of the navigation, so
  pages are not compared one by one; the union over all pages must be the same: every page
  stays reachable.

Content is parsed with lxml. The navigation is most of an unpruned page (95 % at 1000
routines), so its links are taken from its slice of the HTML with a regex instead of a
parse (ten times faster): Material writes every attribute double-quoted.
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from macros.links.internal import ROOT_PAGE, page_url
from macros.links.reader import site_files
from macros.model.catalogue import label
from macros.model.text import Lang

_ORIGIN = "http://site.invalid/"  # pages are resolved as if served here
_NAV_START = b'<nav class="md-nav md-nav--primary"'
_NAV_END = (b'<div class="md-sidebar md-sidebar--secondary"', b"<article")
_HREF = re.compile(rb'href="([^"]*)"')  # in the navigation only links have an href
_HTML = (".html", ".htm")

KINDS: tuple[str, ...] = ("missing_file", "added_file", "missing_link", "added_link",
                          "missing_id", "added_id", "missing_nav", "added_nav")


@dataclass(frozen=True)
class PageLinks:
    """What one page's content offers: link targets and ids."""

    links: frozenset[str]
    ids: frozenset[str]


@dataclass(frozen=True)
class SiteLinks:
    """A built site: every file (site-relative path), every HTML page's content read, and
    the targets of the navigation over all pages."""

    files: frozenset[str]
    pages: dict[str, PageLinks]
    nav: frozenset[str]


@dataclass(frozen=True, order=True)
class Difference:
    """Something one site has and the other lacks: ``kind`` is one of KINDS; ``page`` is the
    page's file ("" for files and the navigation); ``item`` the file, link target or id."""

    kind: str
    page: str
    item: str

    def format(self) -> str:
        where = f"{self.page}: " if self.page else ""
        return f"{where}{self.item}"


def page_address(file: str) -> str:
    """Where a file is served, from the site root: en/x/index.html → /en/x/."""
    return "/" + page_url(file).removeprefix(ROOT_PAGE)


@lru_cache(maxsize=65536)
def _joined(folder: str, href: str) -> str:
    resolved = urljoin(_ORIGIN + folder.lstrip("/"), href)
    return "/" + resolved[len(_ORIGIN):] if resolved.startswith(_ORIGIN) else resolved


def _folder(address: str) -> str:
    """The folder of a page's address: /a/b/ → /a/b/, /a/x.html → /a/."""
    return address[: address.rfind("/") + 1]


def _parent(folder: str) -> str:
    return folder[: folder.rstrip("/").rfind("/") + 1] or "/"


def _target(address: str, href: str) -> str:
    """``href`` on the page at ``address``: site-root-relative when inside the site."""
    return _joined(_folder(address), unescape(href.strip()) if "&" in href else href.strip())


def _content(data: bytes) -> etree._Element | None:
    """The page's <article> (or its <body>), parsed; None for a page with neither."""
    start, end = data.find(b"<article"), data.rfind(b"</article>")
    if start >= 0 and end > start:
        return lxml.html.fragment_fromstring(data[start:end + len(b"</article>")])
    document = lxml.html.document_fromstring(data) if data.strip() else None
    return document.find("body") if document is not None else None


def _nav_span(data: bytes) -> tuple[int, int] | None:
    """Where Material's primary navigation is in the page's HTML."""
    start = data.find(_NAV_START)
    if start < 0:
        return None
    ends = [end for end in (data.find(marker, start) for marker in _NAV_END) if end >= 0]
    return start, min(ends) if ends else len(data)


def read_page(data: bytes, file: str) -> PageLinks:
    """The link targets and ids of one page's content (``file``: where the page is)."""
    address = page_address(file)
    content = _content(data)
    links: set[str] = set()
    ids: set[str] = set()
    if content is not None:
        for element in content.iter():
            if not isinstance(element.tag, str):  # comments and processing instructions
                continue
            for name in ("href", "src"):
                value = element.get(name)
                if value is not None:
                    links.add(_target(address, value))
            if element.get("id"):
                ids.add(element.get("id"))
            if element.tag == "a" and element.get("name"):
                ids.add(element.get("name"))
    return PageLinks(frozenset(links), frozenset(ids))


def _ignored(path: str, ignore: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in ignore)


def _add_nav(nav: dict[str, set[bytes]], folder: str, hrefs: Iterable[bytes]) -> None:
    """Keep a page's navigation links, each by the folder it is relative to. A link that
    starts with "../" goes to the parent folder, without it: the pages of one folder share
    those, and each is resolved once for the site instead of once per page."""
    parent = nav[_parent(folder)]
    here = nav[folder]
    for href in set(hrefs):
        if href.startswith(b"../") and not href.startswith(b"..//"):
            parent.add(href[3:])
        else:
            here.add(href)


def read_site(site: Path, ignore: Sequence[str] = ()) -> SiteLinks:
    """Every file of the built site in ``site`` but those matching a pattern of ``ignore``
    (fnmatch on the site-relative path, e.g. ``*.pdf``), and every HTML page read."""
    files: set[str] = set()
    pages: dict[str, PageLinks] = {}
    nav: dict[str, set[bytes]] = defaultdict(set)  # folder → hrefs relative to it
    for path, absolute in site_files(site):
        if _ignored(path, ignore):
            continue
        files.add(path)
        if path.endswith(_HTML):
            with open(absolute, "rb") as handle:
                data = handle.read()
            pages[path] = read_page(data, path)
            span = _nav_span(data)
            if span is not None:
                _add_nav(nav, _folder(page_address(path)), _HREF.findall(data, *span))
    targets = {_target(folder, href.decode("utf-8", "replace"))
               for folder, hrefs in nav.items() for href in hrefs}
    return SiteLinks(frozenset(files), pages, frozenset(targets))


def _both_ways(missing: str, added: str, page: str, reference: Iterable[str],
               candidate: Iterable[str]) -> list[Difference]:
    ref, cand = set(reference), set(candidate)
    return [*(Difference(missing, page, item) for item in sorted(ref - cand)),
            *(Difference(added, page, item) for item in sorted(cand - ref))]


def compare(reference: SiteLinks, candidate: SiteLinks) -> list[Difference]:
    """Every difference of ``candidate`` from ``reference``, sorted by kind (KINDS), page, item.
    A page only one site has is reported once, as a file."""
    found = _both_ways("missing_file", "added_file", "", reference.files, candidate.files)
    for file in sorted(reference.pages.keys() & candidate.pages.keys()):
        ref, cand = reference.pages[file], candidate.pages[file]
        if ref.links != cand.links:
            found += _both_ways("missing_link", "added_link", file, ref.links, cand.links)
        if ref.ids != cand.ids:
            found += _both_ways("missing_id", "added_id", file, ref.ids, cand.ids)
    found += _both_ways("missing_nav", "added_nav", "", reference.nav, candidate.nav)
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(found, key=lambda d: (order[d.kind], d.page, d.item))


def compare_sites(reference: Path, candidate: Path,
                  ignore: Sequence[str] = ()) -> list[Difference]:
    """Every difference of the site built in ``candidate`` from the one in ``reference``
    (same files; per page the same content links and ids; the same navigation targets over
    the site). Empty when they offer the same. ``ignore``: fnmatch patterns of files to leave
    out of both, e.g. ``("*.pdf",)``."""
    return compare(read_site(reference, ignore), read_site(candidate, ignore))


def format_differences(differences: Sequence[Difference], limit: int = 10,
                       lang: Lang = "en") -> str:
    """A readable report: per kind its count and its first ``limit`` differences."""
    if not differences:
        return label("compare_same", lang) + "\n"
    by_kind: dict[str, list[Difference]] = defaultdict(list)
    for difference in differences:
        by_kind[difference.kind].append(difference)
    lines = [label("compare_differ", lang, count=len(differences))]
    for kind in KINDS:
        found = by_kind.get(kind, [])
        if not found:
            continue
        lines.append(f"{label('compare_' + kind, lang)} ({len(found)}):")
        lines += [f"  {difference.format()}" for difference in found[:limit]]
        if len(found) > limit:
            lines.append("  " + label("compare_more", lang, count=len(found) - limit))
    return "\n".join(lines) + "\n"
