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
- ``search``: per language, which pages the search index has, the index's file, its field
  weights, and whether the review notice was kept out;
- ``review notice``: per page, the notice under the title (review-by date and text);
- ``embed mode``: per page, the embed head script, the embed bar's links and the embed code;
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

import lxml.html

from macros.links.compare import Difference, _target, compare, page_address, read_site
from macros.links.reader import site_files
from macros.search import bundle

KINDS: tuple[str, ...] = ("pages", "files", "links", "anchors", "navigation",
                          "navigation order", "search", "review notice", "embed mode", "exports",
                          "versions")
LANGS = ("sv", "en")  # sv at the root, en under en/
_SEARCH_FILES = {  # where each build keeps each language's search index
    "pagefind": {"sv": "pagefind/pagefind-entry.json", "en": "pagefind/pagefind-entry.json"},
    "mkdocs": {"sv": "search/search_index.json", "en": "search/search_index.en.json"},
    "zensical": {"sv": "search.json", "en": "en/search.json"},
}
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

def _search_flavour(site: Path) -> str | None:
    for flavour, files in _SEARCH_FILES.items():
        if (site / files["sv"]).is_file():
            return flavour
    return None


def _search_index(site: Path, flavour: str, lang: str) -> tuple[dict[str, Any], list[Any]]:
    if flavour == "pagefind":  # one index per language in one bundle; stemmed by language
        if lang not in bundle.languages(site):
            return {}, []
        return {"lang": [lang]}, [{"location": page.url.lstrip("/"), "text": page.content}
                                  for page in bundle.pages(site, lang)]
    path = site / _SEARCH_FILES[flavour][lang]
    if not path.is_file():
        return {}, []
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("config", {}), data.get("docs") or data.get("items") or []


def _indexed_pages(entries: list[Any], lang: str, flavour: str) -> set[str]:
    prefix = "en/" if lang == "en" and flavour == "zensical" else ""
    return {"/" + prefix + str(entry.get("location", "")).split("#")[0] for entry in entries}


def _search_findings(reference: Path, candidate: Path) -> list[Finding]:
    ref_flavour, cand_flavour = _search_flavour(reference), _search_flavour(candidate)
    if ref_flavour is None or cand_flavour is None:
        return [Finding("search", "no search index in "
                        + ("reference" if ref_flavour is None else "candidate"))]
    found = []
    if ref_flavour != cand_flavour:
        ref_files = ", ".join(dict.fromkeys(_SEARCH_FILES[ref_flavour].values()))
        cand_files = ", ".join(dict.fromkeys(_SEARCH_FILES[cand_flavour].values()))
        found.append(Finding("search", f"index files: {ref_files} → {cand_files}", 2))
    for lang in LANGS:
        ref_config, ref_entries = _search_index(reference, ref_flavour, lang)
        cand_config, cand_entries = _search_index(candidate, cand_flavour, lang)
        ref_pages = _indexed_pages(ref_entries, lang, ref_flavour)
        cand_pages = _indexed_pages(cand_entries, lang, cand_flavour)
        for side, pages in (("only in reference", ref_pages - cand_pages),
                            ("only in candidate", cand_pages - ref_pages)):
            if pages:
                found.append(Finding("search", f"pages indexed {side} ({lang})", len(pages),
                                     sorted(pages)[0]))
        if ref_config.get("fields") != cand_config.get("fields"):
            found.append(Finding("search", f"field weights differ ({lang})", 1,
                                 json.dumps(ref_config.get("fields"), sort_keys=True)))
        if sorted(ref_config.get("lang", [])) != sorted(cand_config.get("lang", [])):
            found.append(Finding("search", f"stemming languages differ ({lang})", 1,
                                 f"{ref_config.get('lang')} → {cand_config.get('lang')}"))
        noticed = sum(any(word in str(e.get("text", "")) for word in _NOTICE_WORDS)
                      for e in cand_entries)
        if noticed:
            found.append(Finding("search", f"review notice indexed in candidate ({lang})",
                                 noticed))
    return found


# --- per page: review notice, embed mode ----------------------------------------------------

@dataclass(frozen=True)
class PagePromises:
    notice: str | None  # the notice's review-by date and text
    embed_head: bool  # the embedded-mode script in the head
    embed_bar: tuple[str, ...]  # the embed bar's link targets
    embed_code: str | None  # the code in the embed box
    fallback: bool = False  # the "not yet translated" notice


def _text(element: Any) -> str:
    """The element's words: white space between its parts does not count (a block of HTML in
    Markdown keeps its line breaks, one inserted into the built page has none)."""
    return " ".join(" ".join(element.itertext()).split())


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
        embed_head=any((s.get("src") or "").endswith("assets/kb/embed-head.js")
                       for s in document.iter("script")),
        embed_bar=tuple(sorted(_target(address, a.get("href", "")) for a in bar[0].iter("a")))
        if bar else (),
        embed_code=code.text_content().strip() if code is not None else None,
        fallback=bool(document.find_class("kb-fallback")),
    )


def _pages(site: Path) -> dict[str, PagePromises]:
    result = {}
    for path, absolute in site_files(site):
        if path.endswith(_HTML) and not path.rsplit("/", 1)[-1].startswith("404"):
            with open(absolute, "rb") as handle:
                result[path] = read_promises(handle.read(), path)
    return result


def _promise_findings(reference: Path, candidate: Path) -> list[Finding]:
    ref, cand = _pages(reference), _pages(candidate)
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
    return [Finding(kind, rule, count, examples[(kind, rule)])
            for (kind, rule), count in sorted(counts.items())]


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
    differences = compare(read_site(reference), read_site(candidate))
    search_files = {f for files in _SEARCH_FILES.values() for f in files.values()}
    found = [*_file_findings(differences, search_files),
             *_per_item(differences, ("missing_link", "added_link"), "links", "link"),
             *_per_item(differences, ("missing_id", "added_id"), "anchors", "id"),
             *_nav_findings(differences), *_order_findings(reference, candidate),
             *_search_findings(reference, candidate), *_promise_findings(reference, candidate),
             *_export_findings(reference, candidate), *_versions_findings(reference, candidate)]
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(found, key=lambda f: (order[f.kind], f.rule))


def format_findings(findings: Iterable[Finding]) -> Iterator[str]:
    kind = None
    for finding in findings:
        if finding.kind != kind:
            kind = finding.kind
            yield f"{kind}:"
        example = f"  (e.g. {finding.example})" if finding.example else ""
        yield f"  {finding.rule} [{finding.count}]{example}"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Differences of two builds, by kind.")
    parser.add_argument("reference", type=Path)
    parser.add_argument("candidate", type=Path)
    args = parser.parse_args(argv)
    findings = parity(args.reference, args.candidate)
    for line in format_findings(findings):
        print(line)
    print(f"{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
