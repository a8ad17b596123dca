"""Internal links and anchors of the built site, checked offline over its HTML files.

Every `*.html` is read once (macros/links/reader.py, on all cores for a big site) and its
`href`/`src` values, ids (and `<a name>`s) and canonical link taken from its bytes
(macros/links/scan.py). Each link into the site is resolved as a browser would against the
page's URL (a directory URL serves its index.html) and must reach a built file; a `#fragment`
must be an id on the target page. External hosts and mailto:, tel:, javascript:, data: links
are skipped. The site's own host and path come from `<link rel="canonical">` (MkDocs writes
it from `site_url`): absolute links to that host count as internal, and root-relative links
such as 404.html's `/en/` resolve under that path.

The navigation puts ~1000 links on every page, nearly all `../…`: such a link leads to the
same place from every page of one folder, so it is resolved and judged once per folder.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from macros.links.reader import read_pages, site_files
from macros.links.scan import Page
from macros.model.catalogue import label
from macros.model.text import Lang

ROOT_PAGE = "./"  # how the start page's URL is written in reports
HTML_SUFFIXES = (".html", ".htm")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_WEB_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, order=True)
class BrokenLink:
    """A link on `page` that reaches no built file (`anchor` None) or a missing id."""

    page: str  # site-relative URL of the page with the link, e.g. en/rutiner/x/
    href: str  # as written in the HTML (entities decoded)
    target: str  # resolved site-relative path, percent-decoded, without query and fragment
    anchor: str | None = None  # the missing fragment; None when the target itself is missing
    # The file to edit (from api/pages.json, when the site has it); not part of identity.
    source: str | None = field(default=None, compare=False)

    @property
    def reason(self) -> str:
        return self.reason_in("en")

    def reason_in(self, lang: Lang) -> str:
        if self.anchor is None:
            return label("missing_page", lang)
        return label("missing_anchor", lang, anchor=self.anchor)

    def fix_in(self, lang: Lang) -> str:
        if self.anchor is None:
            return label("fix_missing_page", lang, target=self.target)
        return label("fix_missing_anchor", lang, target=self.target, anchor=self.anchor)

    def format(self, lang: Lang = "en") -> str:
        """One line: `page (source): broken link `href` — reason — fix`."""
        where = f"{self.page} ({self.source})" if self.source else self.page
        return (f"{where}: {label('broken_link', lang)} `{self.href}` — "
                f"{self.reason_in(lang)} — {self.fix_in(lang)}")

    def as_dict(self) -> dict[str, str | None]:
        return {"page": self.page, "source": self.source, "href": self.href,
                "target": self.target, "anchor": self.anchor, "reason": self.reason}


@dataclass(frozen=True, order=True)
class RemovedPage:
    """A page URL of the base site that the head site no longer has."""

    url: str
    moved_to: str | None = None  # a new page with the same last path segment, if just one

    def format(self, lang: Lang = "en") -> str:
        moved = label("moved_to", lang, new=self.moved_to) if self.moved_to else ""
        return f"{self.url}: {label('removed_page_line', lang, moved=moved)}"

    def as_dict(self) -> dict[str, str | None]:
        return {"url": self.url, "moved_to": self.moved_to}


@dataclass(frozen=True)
class LinkDiff:
    """What a change did to the links: links it broke and page URLs it removed."""

    newly_broken: tuple[BrokenLink, ...]
    removed_pages: tuple[RemovedPage, ...]
    already_broken: int  # broken in head and in base alike: not this change's doing

    @property
    def ok(self) -> bool:
        """A removed address fails like a broken link: the intranet and bookmarks use it.
        A page moved with a redirect (mkdocs.yml, redirects) keeps its address."""
        return not self.newly_broken and not self.removed_pages


@dataclass(frozen=True)
class SiteBase:
    """Where the site is published: `host` (None if unknown) and `path`, ending in '/'."""

    host: str | None = None
    path: str = "/"


@dataclass(frozen=True)
class Site:
    """A built site read once: every file's site-relative path, and every HTML page parsed."""

    root: Path
    files: frozenset[str]
    pages: dict[str, Page]  # by file path, e.g. en/rutiner/x/index.html
    base: SiteBase
    sources: dict[str, str] = field(default_factory=dict)  # page URL → file to edit


# --- reading ------------------------------------------------------------------------------

def load_site(site_dir: Path, workers: int | None = None) -> Site:
    """The site built in `site_dir`; `workers`: processes reading it (default: by size)."""
    files: set[str] = set()
    html: list[str] = []
    for path, _absolute in site_files(site_dir):
        files.add(path)
        if path.endswith(HTML_SUFFIXES):
            html.append(path)
    pages = read_pages(site_dir, html, workers)
    return Site(site_dir, frozenset(files), pages, _site_base(pages), _sources(site_dir))


def _sources(site_dir: Path) -> dict[str, str]:
    """Page URL → source file, from the site's api/pages.json (macros/api/export.py)."""
    try:
        data = json.loads((site_dir / "api" / "pages.json").read_text(encoding="utf-8"))
        return {(page["path"] or ROOT_PAGE): page["source"] for page in data["pages"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _site_base(pages: dict[str, Page]) -> SiteBase:
    """The published host and path, from the canonical link of the start page or any page
    whose canonical address ends with its own URL."""
    for file in sorted(pages, key=lambda f: (f != "index.html", f)):
        canonical = pages[file].canonical
        try:
            parts = urlsplit(canonical or "")
        except ValueError:
            continue
        path = unquote(parts.path) or "/"
        url = page_url(file)
        suffix = "" if url == ROOT_PAGE else url
        if not parts.hostname or not path.endswith(suffix):
            continue
        path = path[: len(path) - len(suffix)]
        return SiteBase(parts.hostname.lower(), path if path.endswith("/") else path + "/")
    return SiteBase()


def page_url(file: str) -> str:
    """The URL a file is served at, site-relative: en/x/index.html → en/x/."""
    if file == "index.html":
        return ROOT_PAGE
    if file.endswith("/index.html"):
        return file[: -len("index.html")]
    return file


# --- resolving ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Resolved:
    """Where a link leads in the site."""

    path: str  # site-relative, percent-decoded; "" is the start page
    fragment: str | None
    outside: bool = False  # a relative link that climbs out of the site


def resolve(base: SiteBase, page_file: str, href: str) -> Resolved | None:
    """Where `href` on `page_file` leads inside the site; None when it leads elsewhere."""
    href = href.strip()
    if not href:
        return None
    if href.startswith("//"):
        href = "https:" + href
    if _SCHEME.match(href):
        return _resolve_absolute(base, href)
    before, hash_sign, fragment = href.partition("#")
    path = before.partition("?")[0]
    fragment_or_none = fragment if hash_sign else None
    if not path:  # "#x", "?q": this very page
        url = page_url(page_file)
        return Resolved("" if url == ROOT_PAGE else url, fragment_or_none)
    if path.startswith("/"):
        return _within(base, path, fragment_or_none, relative=False)
    folder = posixpath.dirname(page_file)
    page_dir = base.path + (folder + "/" if folder else "")
    return _within(base, page_dir + path, fragment_or_none, relative=True)


def _resolve_absolute(base: SiteBase, href: str) -> Resolved | None:
    if href.partition(":")[0].lower() not in _WEB_SCHEMES or base.host is None:
        return None  # mailto:, tel:, javascript:, data:, … or no known host of our own
    try:
        parts = urlsplit(href)
        host = parts.hostname
    except ValueError:  # a malformed address (bad port, bracket) is not ours
        return None
    if host is None or host.lower() != base.host:
        return None
    fragment = parts.fragment if "#" in href else None
    return _within(base, parts.path or "/", fragment, relative=False)


def _within(base: SiteBase, path: str, fragment: str | None, *, relative: bool
            ) -> Resolved | None:
    """A URL path, resolved and normalised, made site-relative (None: not under the site)."""
    is_dir = path.endswith(("/", "/.", "/..")) or path in (".", "..")
    normal = "/" + posixpath.normpath(path).lstrip("/")
    if "%" in normal:
        normal = unquote(normal)
    if is_dir and not normal.endswith("/"):
        normal += "/"
    if normal + "/" == base.path:  # "/kb" for a site at "/kb/"
        normal = base.path
    if not normal.startswith(base.path):
        if relative:  # climbs out of the site: a mistake, never a deliberate link
            return Resolved(normal, fragment, outside=True)
        return None  # another part of the same host: not ours to check
    return Resolved(normal[len(base.path):], fragment)


# --- checking -----------------------------------------------------------------------------

def target_file(site: Site, path: str) -> str | None:
    """The file a site-relative path serves, as a static server would (dir → index.html)."""
    if path == "" or path.endswith("/"):
        index = path + "index.html"
        return index if index in site.files else None
    if path in site.files:
        return path
    index = path + "/index.html"  # a directory without its slash: the server redirects
    return index if index in site.files else None


def _anchor_ok(page: Page, fragment: str) -> bool:
    if fragment == "" or fragment.lower() == "top":  # HTML: both scroll to the top
        return True
    if fragment in page.anchors:
        return True
    return "%" in fragment and unquote(fragment) in page.anchors


_Fault = tuple[str, str | None]  # the target as shown, and the missing anchor (None: page)
_UNKNOWN: _Fault = ("", "")


@dataclass
class _Folder:
    """The verdicts on the links that lead to the same place from every page of one folder:
    `../…` (they climb from the folder's parent) and absolute ones."""

    ok: set[str] = field(default_factory=set)
    broken: dict[str, _Fault] = field(default_factory=dict)


def check(site: Site) -> list[BrokenLink]:
    broken: list[BrokenLink] = []
    folders: dict[str | None, _Folder] = {}
    for file, page in site.pages.items():
        url = page_url(file)
        known = folders.setdefault(_parent(file), _Folder())
        for href in page.links - known.ok:
            problem = known.broken.get(href, _UNKNOWN)
            if problem is _UNKNOWN:
                problem = _problem(site, file, href)
                if _same_from_folder(href):
                    if problem is None:
                        known.ok.add(href)
                    else:
                        known.broken[href] = problem
            if problem is not None:
                broken.append(BrokenLink(url, href, problem[0], problem[1],
                                         site.sources.get(url)))
    return sorted(broken)


def _problem(site: Site, file: str, href: str) -> _Fault | None:
    """What is wrong with `href` on `file`, if anything."""
    resolved = resolve(site.base, file, href)
    if resolved is None:
        return None
    shown = resolved.path or ROOT_PAGE
    found = None if resolved.outside else target_file(site, resolved.path)
    if found is None:
        return shown, None
    target = site.pages.get(found)
    fragment = resolved.fragment
    if target is not None and fragment is not None and not _anchor_ok(target, fragment):
        return shown, unquote(fragment)
    return None


def _parent(file: str) -> str | None:
    """The parent of the file's folder (None above the site): `../x` resolves against it."""
    folder = posixpath.dirname(file)
    return posixpath.dirname(folder) if folder else None


def _same_from_folder(href: str) -> bool:
    """Whether `href` resolves alike from every page whose folder has the same parent:
    `../…` normalises through that parent; absolute and root-relative ones do not depend
    on the page at all. (`#x`, `./x`, `x` depend on the page or its own folder.)"""
    href = href.strip()
    return href.startswith(("../", "/")) or _SCHEME.match(href) is not None


def check_site(site_dir: Path) -> list[BrokenLink]:
    """Every broken internal link and anchor of the site built in `site_dir`."""
    return check(load_site(site_dir))


# --- comparing ----------------------------------------------------------------------------

def page_urls(site: Site) -> set[str]:
    return {page_url(file) for file in site.pages}


def compare_sites(base: Site, head: Site) -> LinkDiff:
    base_broken = {(link.page, link.href) for link in check(base)}
    head_broken = check(head)
    new = tuple(link for link in head_broken if (link.page, link.href) not in base_broken)
    old = len(head_broken) - len(new)
    base_urls, head_urls = page_urls(base), page_urls(head)
    added = head_urls - base_urls
    removed = tuple(RemovedPage(url, _moved_to(url, added))
                    for url in sorted(base_urls - head_urls))
    return LinkDiff(new, removed, old)


def compare(base: Path, head: Path) -> LinkDiff:
    """Links broken in `head` that were not in `base`, and `base` pages gone in `head`."""
    return compare_sites(load_site(base), load_site(head))


def _moved_to(url: str, added: set[str]) -> str | None:
    """The one new page with the same last segment: a routine moved to another folder."""
    name = _last_segment(url)
    matches = [new for new in added if _last_segment(new) == name]
    return matches[0] if len(matches) == 1 else None


def _last_segment(url: str) -> str:
    return url.rstrip("/").rpartition("/")[2]
