"""The fast link check (bytes regexes in macros/links/scan.py, worker processes in
macros/links/reader.py, one verdict per folder for `../` links in macros/links/internal.py) finds
exactly what the first, plain one found: its page reading and its link loop are kept here as
the reference, and both run over a site shaped like the real one with deliberate mistakes."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from macros.cli.links import links_command
from macros.links import reader as page_reader
from macros.links.internal import (
    ROOT_PAGE,
    BrokenLink,
    Site,
    check,
    load_site,
    page_url,
    resolve,
    target_file,
)
from macros.links.reader import read_pages
from macros.links.report import render_check
from macros.links.scan import Page, scan_page

# --- the reference: the first implementation, kept as it was ------------------------------

_HREF = re.compile(r' href="([^"]*)"')
_SRC = re.compile(r' src="([^"]*)"')
_ID = re.compile(r' id="([^"]*)"')
_NAME = re.compile(r' name="([^"]*)"')
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def reference_page(html: str) -> Page:
    if "<!--" in html:
        html = _COMMENT.sub("", html)
    links = {*_HREF.findall(html), *_SRC.findall(html)}
    anchors = set(_ID.findall(html))
    for match in _NAME.finditer(html):
        tag = html.rfind("<", 0, match.start())
        if html.startswith(("<a ", "<a\n", "<a\t"), tag):
            anchors.add(match.group(1))
    canonical = _CANONICAL.search(html)
    return Page(links=frozenset(_unescaped(links)), anchors=frozenset(_unescaped(anchors)),
                canonical=unescape(canonical.group(1)) if canonical else None)


def _unescaped(values: Iterable[str]) -> Iterable[str]:
    return (unescape(v) if "&" in v else v for v in values)


def _anchor_ok(page: Page, fragment: str) -> bool:
    if fragment == "" or fragment.lower() == "top":
        return True
    if fragment in page.anchors:
        return True
    return "%" in fragment and unquote(fragment) in page.anchors


def reference_check(site: Site) -> list[BrokenLink]:
    broken: list[BrokenLink] = []
    for file, page in site.pages.items():
        url = page_url(file)
        for href in page.links:
            resolved = resolve(site.base, file, href)
            if resolved is None:
                continue
            shown = resolved.path or ROOT_PAGE
            found = None if resolved.outside else target_file(site, resolved.path)
            source = site.sources.get(url)
            if found is None:
                broken.append(BrokenLink(url, href, shown, source=source))
                continue
            target = site.pages.get(found)
            fragment = resolved.fragment
            if target is not None and fragment is not None and not _anchor_ok(target, fragment):
                broken.append(BrokenLink(url, href, shown, unquote(fragment), source))
    return sorted(broken)


def reference_site(root: Path) -> Site:
    """The site as the first implementation read it (files, base and sources as today)."""
    site = load_site(root, workers=1)
    pages = {file: reference_page((root / file).read_bytes().decode("utf-8", "replace"))
             for file in site.pages}
    return Site(root, site.files, pages, site.base, site.sources)


# --- a site shaped like the real one, with mistakes ---------------------------------------

HOST = "https://kb.example/"
OFFICES = {"a": 3, "b": 4}  # routines per office: b/r3/ exists, a/r3/ does not


def _dirs() -> list[str]:
    """Page folders ("" is the start page), in both languages."""
    dirs = [""]
    for office, count in OFFICES.items():
        dirs += [f"rutiner/{office}/", *(f"rutiner/{office}/r{i}/" for i in range(count))]
    return [*dirs, "rutiner/", *(f"en/{d}" for d in dirs)]


def _relative(page_dir: str, target: str) -> str:
    """The link Material writes from a page to a folder: `../../x/`, or `./`."""
    path = posixpath.relpath("/" + target, "/" + page_dir)
    return "./" if path == "." else path + "/"


def _page(page_dir: str) -> str:
    up = _relative(page_dir, "")
    nav = "".join(f'<li class="md-nav__item"><a href="{_relative(page_dir, d)}" '
                  f'class="md-nav__link">{d}</a></li>\n' for d in _dirs())
    mistakes = "".join(f'<a href="{href}">x</a>\n' for href in (
        up + "rutiner/a/gone/",  # on every page: reported on every page
        up + "rutiner/a/r0/#h2", up + "rutiner/a/r0/#nope",  # anchor there / not there
        "../r3/",  # a/r3/ is missing, b/r3/ is not: one verdict per folder, not per name
        " ../r1/ ", "../r%31/#h1", "../r1/?x=1&amp;y=2#h%32", "../r1/#h&#50;",
        "../../../../../../outside/",  # climbs out of the site
        "#h1", "#missing", "#", "#TOP", "", "./", "./#h2", "r0/", "r0/#nope",
        HOST + "rutiner/a/gone/", "/rutiner/b/r3/#h1", "//kb.example/x/", "/en/",
        "https://example.org/nope/", "mailto:a@example.org",
        up + "assets/logo.png", up + "assets/gone.png", "#old", "#description"))
    return (f'<!doctype html>\n<html><head>\n'
            f'<link rel="canonical" href="{HOST}{page_dir}">\n'
            f'<meta name="description" content="x">\n'
            f'<script src="{up}assets/kb.js"></script>\n</head><body>\n'
            f'<nav class="md-nav">\n<ul>\n{nav}</ul>\n</nav>\n'
            f'<article>\n<h1 id="h1">T</h1>\n<h2 id="h2">U</h2>\n<a name="old">old</a>\n'
            f'<a\tclass="x" name="tab">t</a> <img alt="" src="{up}assets/logo.png" name="img">\n'
            f'<!-- <a href="../commented/">not a link</a> -->\n{mistakes}'
            f'<p>Write <code>&lt;a href="x"&gt;</code> or a href="{up}shown-as-text/"</p>\n'
            f'</article></body></html>\n')


def nav_site(root: Path) -> Path:
    for page_dir in _dirs():
        path = root / page_dir / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(page_dir), encoding="utf-8")
    (root / "404.html").write_text(_page(""), encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "logo.png").write_bytes(b"png")
    (root / "assets" / "kb.js").write_text("", encoding="utf-8")
    (root / "api").mkdir()
    pages = [{"path": "rutiner/a/r0/", "source": "routines/a-r0.yml"},
             {"path": "", "source": "docs/index.md"}]
    (root / "api" / "pages.json").write_text(json.dumps({"pages": pages}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return nav_site(tmp_path_factory.mktemp("nav") / "site")


# --- the fast check finds the same -------------------------------------------------------

def test_pages_are_read_alike(site_dir: Path) -> None:
    fast = load_site(site_dir)
    assert fast.pages == reference_site(site_dir).pages
    page = fast.pages["rutiner/a/r0/index.html"]
    assert "../commented/" not in page.links and "../r1/?x=1&y=2#h%32" in page.links
    assert {"h1", "old", "tab"} <= page.anchors and not {"description", "img"} & page.anchors


@pytest.mark.parametrize("workers", [1, 2])
def test_same_broken_links_as_the_plain_check(site_dir: Path, workers: int) -> None:
    expected = reference_check(reference_site(site_dir))
    found = check(load_site(site_dir, workers=workers))
    assert found == expected
    assert [b.source for b in found] == [b.source for b in expected]
    by_page = {(b.page, b.href) for b in found}
    assert ("rutiner/a/r0/", "../r3/") in by_page and ("rutiner/b/r0/", "../r3/") not in by_page
    assert ("en/rutiner/a/r2/", "../../../../rutiner/a/gone/") in by_page
    assert ("./", "../../../../../../outside/") in by_page
    assert {b.anchor for b in found} >= {"nope", "missing", "description"}
    assert all(b.anchor != "h2" for b in found)
    assert len(found) > 100


def test_the_command_reports_the_same(site_dir: Path) -> None:
    expected = reference_check(reference_site(site_dir))
    pages = len(reference_site(site_dir).pages)
    for fmt in ("text", "json", "markdown"):
        result = CliRunner().invoke(links_command, [str(site_dir), "--format", fmt])
        assert result.exit_code == 1
        assert result.stdout == render_check(expected, pages, fmt)


# --- the pieces ---------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    '<a href="">empty</a>',
    '<a href="x"><a href="x">twice</a>',
    '<a href="a&amp;b" id="x&lt;y"> <img src="%C3%A5.png">',
    '<link rel="canonical" href="https://kb.example/a&amp;b/">',
    '<a name="a<b">',  # the value holds a "<": the tag is still <a>
    '<meta name="x"><a\nname="y"><span name="z">',
    '<!-- x --><a href="a"><!-- <a href="b"> --><!--',
    '<a title=" href=" href="real">',
    'no links at all',
    '<a href="gr\u00e4s/" id="\u00f6">',
])
def test_a_page_is_scanned_as_before(html: str) -> None:
    assert scan_page(html.encode()) == reference_page(html)


def test_invalid_utf8_is_read_as_before() -> None:
    html = b'<a href="caf\xe9/"> <h2 id="\xff">'
    assert scan_page(html) == reference_page(html.decode("utf-8", "replace"))


def test_pages_are_read_here_when_no_process_can_start(
        site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(load_site(site_dir, workers=1).pages)

    class NoProcesses:
        def __init__(self, max_workers: int) -> None:
            pass

        def map(self, *args: object) -> None:
            raise OSError("no processes here")

        def shutdown(self, cancel_futures: bool) -> None:
            pass

    expected = read_pages(site_dir, files, workers=1)
    monkeypatch.setattr(page_reader, "ProcessPoolExecutor", NoProcesses)
    assert read_pages(site_dir, files, workers=2) == expected
