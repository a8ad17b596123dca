"""Every HTML page of a built site read and scanned (macros/links/scan.py), on all cores when
the site is big.

A site of 1000 routines has ~2000 pages of ~0.5 MB each (the navigation lists every page):
scanning them is most of `kb links`. Worker processes each take chunks of files and send
back the values as bytes; this process decodes them while the workers go on. A small site
is read here: starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from macros.links.scan import Page, RawPage, scan

PARALLEL_FROM = 200  # pages; below this, one process is quicker
CHUNK = 32  # files per task: small enough to share the work evenly
MAX_WORKERS = 8


def site_files(root: Path) -> Iterator[tuple[str, str]]:
    """(site-relative path with "/", absolute path) of every file under ``root``."""
    top = str(root)
    for folder, _dirs, names in os.walk(top):
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name, os.path.join(folder, name)


def read_pages(root: Path, files: Sequence[str], workers: int | None = None
               ) -> dict[str, Page]:
    """Site-relative HTML file → Page. `workers`: processes to use (default: one per core
    for a big site, none for a small one)."""
    count = _workers(len(files)) if workers is None else workers
    raw = _scanned_apart(str(root), files, count) if count > 1 else None
    if raw is None:
        raw = (_scan_file(str(root), file) for file in files)
    return {file: page.page() for file, page in zip(files, raw, strict=True)}


def _workers(pages: int) -> int:
    if pages < PARALLEL_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS)


def _scanned_apart(root: str, files: Sequence[str], workers: int
                   ) -> Iterator[RawPage] | None:
    """The pages scanned by `workers` processes, in order; None when no process can start
    (a sandbox without them): the caller then reads them here."""
    chunks = [files[start:start + CHUNK] for start in range(0, len(files), CHUNK)]
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        results = pool.map(_scan_chunk, [root] * len(chunks), chunks)
    except (OSError, NotImplementedError):
        pool.shutdown(cancel_futures=True)
        return None
    return _in_order(pool, results)


def _in_order(pool: ProcessPoolExecutor, results: Iterator[list[RawPage]]
              ) -> Iterator[RawPage]:
    with pool:
        for pages in results:
            yield from pages


def _scan_chunk(root: str, files: Sequence[str]) -> list[RawPage]:
    return [_scan_file(root, file) for file in files]


def _scan_file(root: str, file: str) -> RawPage:
    with open(os.path.join(root, file), "rb") as handle:
        return scan(handle.read())
