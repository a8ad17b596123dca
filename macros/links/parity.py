"""Parity of two builds of the same sources by kind (issue 21): ours (MkDocs + Material) and the
successor (Zensical + zensical-i18n), or any two site folders.

:func:`macros.links.compare.compare` lists every file, content link, id and navigation target one
site has and the other lacks: thousands of lines when the theme differs. Here those and the
site's own promises are summarised as **findings**, one per rule, each with a count and an
example, so the list is short and stable enough for the README to state and a test to assert:

- ``pages``: HTML pages one site lacks; the "not yet translated" notice on fallback pages;
- ``files``: other files one site lacks, by folder (theme bundles, search indexes, sitemaps);
- ``links``, ``anchors``: content links and ids; the same item on many pages is one finding
  (``__skip`` on every page), the rest one finding per page;
- ``navigation``: targets of the navigation over the site; ``navigation order``: the order of
  the start page's navigation (what a reader sees first), per language;
- ``search``: per language, whatever the engine (macros/links/search_index.py): an index on
  both sides, the same pages in it, every result leading to a page and anchor of its site,
  the review notice kept out; and whether the engine differs (one finding);
- ``review notice``: per page, the notice under the title (review-by date and text);
- ``embed mode``: per page, the embed head script (inline or a file), the embed bar's links
  and the embed code (macros/links/promises.py);
- ``csp``: inline scripts of the candidate that no reference page runs (a policy made for
  the reference refuses them), pages that gained inline styles;
- ``exports``: ``api/`` files, compared as data (their ``generated`` dates left out);
- ``versions``: mike's ``versions.json`` and the version selector.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.links.compare import (
    Difference,
    SiteLinks,
    compare,
    page_address,
    read_site,
)
from macros.links.promises import PagePromises, site_promises
from macros.links.search_index import index_files, search_index
from macros.model.catalogue import label
from macros.model.text import Lang

KINDS: tuple[str, ...] = ("pages", "files", "links", "anchors", "navigation",
                          "navigation order", "search", "review notice", "embed mode", "csp",
                          "exports", "versions")
LANGS = ("sv", "en")  # sv at the root, en under en/
_NOTICE_WORDS = ("Granskad", "Reviewed")  # the review notice's first words (labels)
_HTML = (".html", ".htm")
_NAV_LINK = re.compile(r'<a href="([^"]*)"[^>]*class="md-nav__link')
_GENERATED = ("generated", "updated")  # dates of the build, not of the content


@dataclass(frozen=True, order=True)
class Finding:
    """One rule by which the candidate differs from the reference: ``kind`` (KINDS), a stable
    text ``rule``, on how many pages or files (``count``) and one ``example``."""

    kind: str
    rule: str
    count: int = 1
    example: str = ""

    def format(self) -> str:
        example = f" (e.g. {self.example})" if self.example else ""
        return f"{self.kind}: {self.rule} [{self.count}]{example}"


def _lang_of(path: str) -> str:
    return "en" if path == "en" or path.startswith("en/") else "sv"


def _unprefixed(path: str) -> str:
    return path[3:] if path.startswith("en/") else path


# --- files, pages, links, anchors, navigation (from macros.links.compare) ---------------------

def _folder(path: str) -> str:
    """Where a file is, two folders deep, in its language: en/assets/kb/x.js → en/assets/kb/."""
    prefix = "en/" if _lang_of(path) == "en" else ""
    parts = _unprefixed(path).split("/")
    return prefix + ("/".join(parts[:-1][:2]) + "/" if len(parts) > 1 else parts[0])


def _file_findings(differences: list[Difference], search_files: set[str]) -> list[Finding]:
    found: list[Finding] = []
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in differences:
        if d.kind not in ("missing_file", "added_file") or d.item in search_files:
            continue
        side = "only in reference" if d.kind == "missing_file" else "only in candidate"
        if d.item.endswith(_HTML):
            found.append(Finding("pages", f"page {side}: {d.item}", 1))
            continue
        groups[(side, _folder(d.item))].append(d.item)
    for (side, where), items in sorted(groups.items()):
        found.append(Finding("files", f"files {side} under {where}", len(items), items[0]))
    return found


def _per_item(differences: list[Difference], kinds: tuple[str, str], kind: str,
              noun: str) -> list[Finding]:
    """The same item on pages at several addresses: one finding; the rest (also an item only
    on one page and its other language's twin): one finding per page."""
    selected = [d for d in differences if d.kind in kinds]
    pages_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in selected:
        pages_of[(d.kind, d.item)].append(d.page)
    found: list[Finding] = []
    per_page: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (which, item), pages in sorted(pages_of.items()):
        side = "only in reference" if which == kinds[0] else "only in candidate"
        if len({_unprefixed(page) for page in pages}) > 1:
            found.append(Finding(kind, f"{noun} {item} {side}", len(pages), pages[0]))
        else:
            for page in pages:
                per_page[(side, page)].append(item)
    for (side, page), items in sorted(per_page.items()):
        found.append(Finding(kind, f"{page}: {noun}s {side}", len(items), items[0]))
    return found


def _nav_findings(differences: list[Difference]) -> list[Finding]:
    by_page: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in differences:
        if d.kind in ("missing_nav", "added_nav"):
            side = "only in reference" if d.kind == "missing_nav" else "only in candidate"
            by_page[(side, d.item.split("#")[0])].append(d.item)
    return [Finding("navigation", f"targets {side} on {page}", len(items), items[0])
            for (side, page), items in sorted(by_page.items())]


def _nav_order(site: Path, lang: str) -> list[str]:
    """The targets of the start page's navigation, in order, as site-root addresses."""
    start = site / ("en/index.html" if lang == "en" else "index.html")
    if not start.is_file():
        return []
    html = start.read_text(encoding="utf-8")
    nav_start = html.find('<nav class="md-nav md-nav--primary"')
    if nav_start < 0:
        return []
    seen: list[str] = []
    base = "/en/" if lang == "en" else "/"
    for href in _NAV_LINK.findall(html, nav_start):
        target = (base + href).replace("/./", "/")
        if target not in seen:
            seen.append(target)
    return seen


def _order_findings(reference: Path, candidate: Path) -> list[Finding]:
    found = []
    for lang in LANGS:
        ref, cand = _nav_order(reference, lang), _nav_order(candidate, lang)
        common = [t for t in ref if t in cand]
        if common != [t for t in cand if t in ref]:
            first = next(i for i, (a, b) in enumerate(zip(common, [t for t in cand if t in ref],
                                                          strict=True)) if a != b)
            found.append(Finding("navigation order", f"start page navigation in another order "
                                 f"({lang})", len(common), f"position {first + 1}: "
                                 f"{common[first]}"))
    return found


# --- search ---------------------------------------------------------------------------------

def _search_findings(reference: Path, candidate: Path,
                     addresses: dict[str, dict[str, frozenset[str]]]) -> list[Finding]:
    """Per language: an index on both sides, the same pages in it, every result leading to
    a page (and its anchor) of its own site, the review notice kept out; and which engine
    (macros/links/search_index.py) — generic, so a change of engine on either side shows as
    one finding and the rest still compares."""
    found: list[Finding] = []
    engines: set[tuple[str, str]] = set()
    for lang in LANGS:
        indexes = {"reference": search_index(reference, lang),
                   "candidate": search_index(candidate, lang)}
        for side, index in indexes.items():
            if index is None:
                found.append(Finding("search", f"no search index in {side} ({lang})"))
                continue
            lost = sorted(loc for loc in index.locations
                          if not _reachable(loc, addresses[side]))
            if lost:
                found.append(Finding("search", f"results leading nowhere in {side} ({lang})",
                                     len(lost), lost[0]))
            noticed = sum(any(word in text for word in _NOTICE_WORDS) for text in index.texts)
            if noticed:
                found.append(Finding("search", f"review notice indexed in {side} ({lang})",
                                     noticed))
        ref, cand = indexes["reference"], indexes["candidate"]
        if ref is None or cand is None:
            continue
        engines.add((ref.engine, cand.engine))
        for side, pages in (("only in reference", ref.pages - cand.pages),
                            ("only in candidate", cand.pages - ref.pages)):
            if pages:
                found.append(Finding("search", f"pages indexed {side} ({lang})", len(pages),
                                     sorted(pages)[0]))
    changed = sorted(f"{a} → {b}" for a, b in engines if a != b)
    if changed:
        found.append(Finding("search", "another search engine", len(changed), changed[0]))
    return found


def _reachable(location: str, pages: dict[str, frozenset[str]]) -> bool:
    address, _, anchor = location.partition("#")
    ids = pages.get(address)
    return ids is not None and (not anchor or anchor in ids)


def _addresses(site: SiteLinks) -> dict[str, frozenset[str]]:
    """Page address → its ids, for every page of the site (/ and /en/ for the starts)."""
    return {page_address(file): links.ids for file, links in site.pages.items()}


# --- per page: review notice, embed mode ----------------------------------------------------

def _promise_findings(ref: dict[str, PagePromises],
                      cand: dict[str, PagePromises]) -> list[Finding]:
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}

    def note(kind: str, rule: str, page: str) -> None:
        counts[(kind, rule)] += 1
        examples.setdefault((kind, rule), page)

    for page in sorted(ref.keys() & cand.keys()):
        a, b = ref[page], cand[page]
        if a.notice != b.notice:
            rule = ("missing" if b.notice is None else "added" if a.notice is None
                    else "differs")
            note("review notice", f"notice {rule}", page)
        if a.fallback != b.fallback:
            note("pages", "not-translated notice " + ("missing" if a.fallback else "added"),
                 page)
        if a.embed_head != b.embed_head:
            note("embed mode", "embedded-mode script " + ("missing" if a.embed_head
                                                          else "added"), page)
        if a.embed_bar != b.embed_bar:
            note("embed mode", "embed bar links differ", page)
        if a.embed_code != b.embed_code:
            rule = "missing" if b.embed_code is None else "differs"
            note("embed mode", f"embed code {rule}", page)
        if b.styled and not a.styled:
            note("csp", "inline styles on pages (style attribute or element)", page)
    return [Finding(kind, rule, count, examples[(kind, rule)])
            for (kind, rule), count in sorted(counts.items())]


def _csp_findings(ref: dict[str, PagePromises],
                  cand: dict[str, PagePromises]) -> list[Finding]:
    """Inline scripts of the candidate that no reference page runs: a Content-Security-Policy
    made for the reference (its scripts' hashes, macros/render/csp.py) refuses them. Counted
    once per distinct script, however many pages carry it."""
    allowed = {digest for page in ref.values() for digest, _ in page.scripts}
    new: dict[str, str] = {}
    for page in cand.values():
        for digest, start in page.scripts:
            if digest not in allowed:
                new.setdefault(digest, start)
    if not new:
        return []
    return [Finding("csp", "inline scripts the reference's pages do not run", len(new),
                    sorted(new.values())[0])]


# --- exports, versions ----------------------------------------------------------------------

def _without_generated(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_generated(v) for k, v in value.items() if k not in _GENERATED}
    if isinstance(value, list):
        return [_without_generated(v) for v in value]
    return value


def _export_files(site: Path) -> dict[str, Path]:
    api = site / "api"
    if not api.is_dir():
        return {}
    return {path.relative_to(site).as_posix(): path for path in sorted(api.rglob("*"))
            if path.is_file() and not path.name.endswith(_HTML)}


_ATOM_DATES = re.compile(rb"<(updated|published)>[^<]*</\1>")


def _same_export(a: Path, b: Path) -> bool:
    if a.suffix == ".json":
        return _without_generated(json.loads(a.read_bytes())) == \
            _without_generated(json.loads(b.read_bytes()))
    if a.suffix == ".atom":
        return _ATOM_DATES.sub(b"", a.read_bytes()) == _ATOM_DATES.sub(b"", b.read_bytes())
    return a.read_bytes() == b.read_bytes()


def _export_findings(reference: Path, candidate: Path) -> list[Finding]:
    ref, cand = _export_files(reference), _export_files(candidate)
    found = [Finding("exports", f"{name} only in reference") for name in sorted(ref.keys()
                                                                              - cand.keys())]
    found += [Finding("exports", f"{name} only in candidate") for name in sorted(cand.keys()
                                                                               - ref.keys())]
    found += [Finding("exports", f"{name} differs") for name in sorted(ref.keys() & cand.keys())
              if not _same_export(ref[name], cand[name])]
    return found


def _versions_findings(reference: Path, candidate: Path) -> list[Finding]:
    found = []
    for name in ("versions.json", "../versions.json"):
        a, b = (reference / name).is_file(), (candidate / name).is_file()
        if a != b:
            found.append(Finding("versions", f"{name.lstrip('./')} only in "
                                 + ("reference" if a else "candidate")))
    return found


# --- all ------------------------------------------------------------------------------------

def parity(reference: Path, candidate: Path) -> list[Finding]:
    """Every rule by which the site in ``candidate`` differs from the one in ``reference``,
    sorted by kind (KINDS), then rule."""
    sites = read_site(reference), read_site(candidate)
    differences = compare(*sites)
    search_files = index_files(reference) | index_files(candidate)
    addresses = {"reference": _addresses(sites[0]), "candidate": _addresses(sites[1])}
    promises = site_promises(reference), site_promises(candidate)
    found = [*_file_findings(differences, search_files),
             *_per_item(differences, ("missing_link", "added_link"), "links", "link"),
             *_per_item(differences, ("missing_id", "added_id"), "anchors", "id"),
             *_nav_findings(differences), *_order_findings(reference, candidate),
             *_search_findings(reference, candidate, addresses),
             *_promise_findings(*promises), *_csp_findings(*promises),
             *_export_findings(reference, candidate), *_versions_findings(reference, candidate)]
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(found, key=lambda f: (order[f.kind], f.rule))


def format_findings(findings: Iterable[Finding], lang: Lang = "en") -> Iterator[str]:
    """Each kind's heading (in ``lang``), then its rules, one a line."""
    kind = None
    for finding in findings:
        if finding.kind != kind:
            kind = finding.kind
            yield f"{label('parity_' + kind.replace(' ', '_'), lang)}:"
        example = f"  (e.g. {finding.example})" if finding.example else ""
        yield f"  {finding.rule} [{finding.count}]{example}"


def summary_line(findings: list[Finding], lang: Lang = "en") -> str:
    return (label("parity_count", lang, count=len(findings)) if findings
            else label("parity_same", lang))
