"""LinkChecker against the built site served on 127.0.0.1.

LinkChecker cannot check `dir/#anchor` on local files, so the site is served over HTTP by a
threaded server on a free port, and `linkchecker` (the venv's) runs as a subprocess with the
committed `.linkcheckerrc` (anchor checking on), writing CSV that is parsed into failures.
The server also serves a start page that links to every HTML file, so pages that nothing
links to (404.html) are checked too, and a URL with a `#fragment` only needs its anchor
checked, not its links followed again. Internal mode checks only URLs on the local server
and never goes out to the network; external mode adds `--check-extern` and reports only the
failures of links to other hosts.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from macros.links import local_server
from macros.links.internal import ROOT_PAGE, load_site, page_url
from macros.links.local_server import QuietHandler
from macros.model.catalogue import both, label
from macros.model.text import Lang

CONFIG = Path(__file__).resolve().parents[2] / ".linkcheckerrc"
START_PATH = "/.kb-linkcheck-start.html"  # served by the local server, not a file
EXTERNAL_THREADS = 8  # external mode waits on remote hosts, not on the CPU
TIMEOUT_SECONDS = 1800  # a run that hangs longer is stopped
_ANCHOR = re.compile(r"Anchor `.*?' \(decoded: `(.*?)'\) not found\.")
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")


class LinkcheckError(Exception):
    """LinkChecker could not run, or ended without a readable result."""


@dataclass(frozen=True, order=True)
class LinkFailure:
    """One failed URL: where it is linked from, and what is wrong."""

    parent: str  # the page with the link: site-relative on the local site, else its URL
    line: int | None
    url: str  # as written in the page
    message: str

    def format(self, lang: Lang = "en") -> str:
        where = f"{self.parent}:{self.line}" if self.line else self.parent
        return (f"{where}: {label('broken_link', lang)} `{self.url}` — {self.message} — "
                f"{label('fix_linkcheck', lang)}")

    def as_dict(self) -> dict[str, str | int | None]:
        return {"parent": self.parent, "line": self.line, "url": self.url,
                "message": self.message}


# --- serving ------------------------------------------------------------------------------

class _Handler(QuietHandler):
    """Serves files quietly, and the start page. The `LinkChecker` response header lifts
    LinkChecker's rate limit (`maxrequestspersecond`) for this server only."""

    def __init__(self, *args: Any, start_page: bytes | None, **kwargs: Any) -> None:
        self.start_page = start_page
        super().__init__(*args, **kwargs)  # handles the request

    def do_GET(self) -> None:
        if self.start_page is not None and self.path == START_PATH:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.start_page)))
            self.end_headers()
            self.wfile.write(self.start_page)
            return
        super().do_GET()


@contextmanager
def serve(directory: Path, host: str = "127.0.0.1",
          start_page: bytes | None = None) -> Iterator[str]:
    """Serve `directory` (and `start_page` at START_PATH) on a free port of `host`; yields
    the base URL, ending in '/'."""
    with local_server.serve(directory, host, {"LinkChecker": "local server"}, _Handler,
                            start_page=start_page) as base:
        yield base


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML file of the site, site-relative, in a stable order."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


def start_page(pages: list[str]) -> bytes:
    """A page linking to every page by its served URL (root-relative)."""
    links = "".join(f'<a href="{html.escape("/" + quote(_url_of(p)))}">{html.escape(p)}</a>\n'
                    for p in pages)
    return (f'<!doctype html>\n<html><head><meta charset="utf-8"><title>kb linkcheck</title>'
            f"</head><body>\n{links}</body></html>\n").encode()


def _url_of(file: str) -> str:
    url = page_url(file)
    return "" if url == ROOT_PAGE else url


# --- running LinkChecker ------------------------------------------------------------------

def executable() -> Path | None:
    """The venv's `linkchecker` next to this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    if beside.exists():
        return beside
    found = shutil.which("linkchecker")
    return Path(found) if found else None


def run_linkchecker(start_url: str, *, external: bool = False, config: Path = CONFIG,
                    ignore: tuple[str, ...] = ()) -> list[LinkFailure]:
    """Run LinkChecker from `start_url`; every failure it reports, URLs as it gives them."""
    exe = executable()
    if exe is None:
        raise LinkcheckError(both("no_linkchecker", exe="linkchecker"))
    command = [str(exe), "-f", str(config), "-o", "csv/utf-8", "--no-status"]
    if external:
        command += ["--check-extern", "--threads", str(EXTERNAL_THREADS)]
    else:  # our own server: a robots.txt meant for search engines must not hide pages
        command.append("--no-robots")
    for pattern in ignore:
        command += ["--ignore-url", pattern]
    command.append(start_url)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}  # messages as parsed here
    try:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                              env=env, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LinkcheckError(str(error)) from error
    # LinkChecker exits 1 when it found failures, 2 on its own errors
    if done.returncode not in (0, 1) or not done.stdout.startswith("urlname"):
        raise LinkcheckError(both("linkchecker_crashed", code=done.returncode,
                                  stderr=_tail(done.stderr)))
    return parse_csv(done.stdout)


def parse_csv(output: str) -> list[LinkFailure]:
    """LinkChecker's CSV (the parts set in .linkcheckerrc) → failures: every invalid URL,
    and every valid one with a warning that its anchor is missing."""
    failures = []
    for row in csv.DictReader(io.StringIO(output), delimiter=";"):
        anchor = _ANCHOR.search(row.get("warningstring") or "")
        if row.get("valid") == "True":
            if anchor is None:
                continue  # other warnings (e.g. a redirect) do not fail the check
            message = label("missing_anchor", "en", anchor=anchor.group(1))
        else:
            message = (row.get("result") or "").strip()
        line = row.get("line") or ""
        failures.append(LinkFailure(parent=row.get("parentname") or "",
                                    line=int(line) if line.isdigit() else None,
                                    url=row.get("urlname") or row.get("url") or "",
                                    message=message))
    return failures


def _tail(stderr: str, lines: int = 15) -> str:
    return "\n".join(stderr.strip().splitlines()[-lines:])


# --- the site -----------------------------------------------------------------------------

def check_served(site_dir: Path, *, external: bool = False, config: Path = CONFIG,
                 ignore: tuple[str, ...] = ()) -> list[LinkFailure]:
    """Serve `site_dir` on 127.0.0.1 and check every page. Internal mode: the failures of
    links on the local server. External mode: only the failures of links to other hosts,
    except the site's own published address (`kb links` checks those offline, and a new
    page is not published yet)."""
    if external:
        ignore = (*ignore, *_own_host(site_dir))
    with serve(site_dir, start_page=start_page(html_pages(site_dir))) as base_url:
        failures = run_linkchecker(base_url + START_PATH.lstrip("/"), external=external,
                                   config=config, ignore=ignore)
    chosen = [f for f in failures if _is_local(base_url, f.url) != external]
    return sorted({_site_relative(base_url, f) for f in chosen})


def _own_host(site_dir: Path) -> tuple[str, ...]:
    host = load_site(site_dir).base.host
    return (rf"^https?://{re.escape(host)}(:\d+)?(/|$)",) if host else ()


def _is_local(base_url: str, url: str) -> bool:
    """A relative link, or an absolute one to the local server."""
    return url.startswith(base_url) or not _ABSOLUTE.match(url)


def _site_relative(base_url: str, failure: LinkFailure) -> LinkFailure:
    parent = failure.parent
    if parent.startswith(base_url):
        parent = unquote(parent[len(base_url):]) or ROOT_PAGE
    return LinkFailure(parent, failure.line, failure.url, failure.message)
