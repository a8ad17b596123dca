"""Run Pagefind (PyPI ``pagefind[bin]``, pinned) over a built site: one index per ``<html
lang>``, written to ``pagefind/``. Only the pages' content is indexed (``data-pagefind-body``,
:mod:`macros.search.index_marks`); the files Pagefind writes for its own user interfaces are
removed, since the site keeps Material's search box (overrides/assets/kb/search-worker.js
answers it from this index)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
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
    output: str


def _steady_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in any order from run to run: sorted, the
    same site gives the same bytes (publishing an unchanged site changes nothing)."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


def command() -> list[str]:
    return [sys.executable, "-m", "pagefind"]


def index_site(site_dir: Path) -> IndexRun:
    """Index ``site_dir`` into ``site_dir/pagefind/`` (replacing it); raises PagefindError
    with Pagefind's own message when it fails."""
    site = site_dir.resolve()
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kb-pagefind-") as cwd:  # it reads pagefind.json
        (Path(cwd) / "pagefind.json").write_text(json.dumps({
            "site": str(site), "output_subdir": BUNDLE,
            "exclude_selectors": list(EXCLUDE_SELECTORS)}), encoding="utf-8")
        try:
            done = subprocess.run([*command(), "--silent"], cwd=cwd, capture_output=True,
                                  text=True, check=False)
        except OSError as exc:
            raise PagefindError(f"Pagefind could not start ({exc}): run `make install`") from None
    if done.returncode or not (site / BUNDLE / "pagefind-entry.json").is_file():
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise PagefindError(f"Pagefind failed: {message}")
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    _steady_entry(site / BUNDLE / "pagefind-entry.json")
    return IndexRun(time.perf_counter() - started, done.stdout)
