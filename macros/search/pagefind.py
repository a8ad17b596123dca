"""Run Pagefind (PyPI ``pagefind[bin]``, pinned; its Python API) over a built site and the
records that are not pages (a contact's row): one index per ``<html lang>``, written to
``pagefind/``. Only the pages' content is indexed (``data-pagefind-body``,
:mod:`macros.search.index_marks`); the files Pagefind writes for its own user interfaces are
removed, since the site keeps Material's search box (overrides/assets/kb/search-worker.js
answers it from this index)."""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from macros.search.bundle import BUNDLE

# Inside the content, never indexed: heading permalinks (¶) and the review notice
EXCLUDE_SELECTORS = (".headerlink", ".kb-review", ".kb-embed-bar", ".kb-embed-code")
# What Pagefind writes for its own search interfaces, and the WebAssembly for pages whose
# language it does not know (every page here has sv or en): not needed
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-highlight.js", "pagefind-worker.js", "wasm.unknown.pagefind")


class PagefindError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexRun:
    seconds: float


def _steady_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in any order from run to run: sorted, the
    same site gives the same bytes (publishing an unchanged site changes nothing)."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


@dataclass(frozen=True)
class Record:
    """A search result that is not a page of its own (a contact's row on the contacts page):
    its address from the site's root with the fragment to jump to, its language, the text it
    is found by and what its result shows (``title``, ``department``, ``summary``)."""

    url: str
    language: str
    content: str
    meta: dict[str, str]


ATTEMPTS = 3  # Pagefind's service now and then leaves its entry file empty: index again


def index_site(site_dir: Path, records: Sequence[Record] = ()) -> IndexRun:
    """Index ``site_dir`` and ``records`` into ``site_dir/pagefind/`` (replacing it), through
    Pagefind's own Python API (the same binary as its CLI); raises PagefindError with
    Pagefind's message when it fails. A bundle whose entry file does not read back (seen once,
    building the 1000-routine site: the file was empty) is indexed again."""
    site = site_dir.resolve()
    started = time.perf_counter()
    problem = ""
    for _ in range(ATTEMPTS):
        shutil.rmtree(site / BUNDLE, ignore_errors=True)
        try:
            # in a thread of its own: the caller's thread may already run an event loop
            # (mkdocs serve's, Playwright's in the tests), where asyncio.run() is refused
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(asyncio.run, _index(site, records)).result()
        except FileNotFoundError as exc:
            raise PagefindError(f"Pagefind could not start ({exc}): run `make install`") from None
        except Exception as exc:  # the service's errors are plain exceptions with its message
            raise PagefindError(f"Pagefind failed: {exc}") from None
        problem = _unreadable(site / BUNDLE)
        if not problem:
            break
    if problem:
        raise PagefindError(f"Pagefind failed {ATTEMPTS} times: {problem}")
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    _steady_entry(site / BUNDLE / "pagefind-entry.json")
    return IndexRun(time.perf_counter() - started)


def _unreadable(bundle: Path) -> str:
    """What is wrong with a written bundle ('' when nothing): its entry file must read, and
    each language's metadata file it names must be there."""
    entry = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        missing = [info["hash"] for info in languages.values()
                   if not (bundle / f"pagefind.{info['hash']}.pf_meta").is_file()]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"{entry} does not read back ({exc})"
    return f"{bundle}: no index metadata for {', '.join(missing)}" if missing else ""


async def _index(site: Path, records: Sequence[Record]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=list(EXCLUDE_SELECTORS),
                         output_path=str(site / BUNDLE))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site))
        for record in records:
            await index.add_custom_record(url=record.url, content=record.content,
                                          language=record.language, meta=dict(record.meta))
