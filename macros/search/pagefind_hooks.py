"""Prototype (issue 18): Pagefind instead of lunr behind Material's own search box. MkDocs
hooks, wired by mkdocs.pagefind.yml (INHERIT: mkdocs.yml), so nothing else changes:

- on_page_content: mark what Pagefind indexes (index_marks): content only, Material's
  exclusions, department and one-line summary as metadata, search words and synonyms as
  weighted hidden text;
- on_post_page: point Material's search worker at ours (assets/kb/search-worker.js), which
  answers Material's worker messages from Pagefind, so Material's results list, keyboard
  navigation, `/` and `s`, and highlighting on the target page stay as they are;
- on_post_build: build the Pagefind bundle (one index per <html lang>) and leave Material's
  lunr files as an empty index, so nothing large is downloaded.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from macros.search.index_marks import (
    indexed_text,
    marked,
    summary_of,
    weigh_contact_names,
)
from macros.search.synonyms import Synonyms, load

log = logging.getLogger("mkdocs.plugins.kb.search")
HERE = Path(__file__).parent
SYNONYMS_FILE = Path(os.environ.get("KB_SEARCH_SYNONYMS", HERE / "synonyms.yml"))
EXCLUDE = [".headerlink", ".kb-embed-bar", ".kb-review", ".kb-embed-code"]
_WORKER = re.compile(
    r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js')
_state: dict[str, Any] = {}


def _synonyms() -> Synonyms | None:
    if "synonyms" not in _state:
        off = str(SYNONYMS_FILE) == "off" or not SYNONYMS_FILE.exists()
        _state["synonyms"] = None if off else load(SYNONYMS_FILE)
    return _state["synonyms"]


def _lang(page: Any) -> str:
    return "en" if page.url.startswith("en/") else "sv"


def _department(page: Any) -> str:
    """The navigation section just under the routines section (the department)."""
    parts = page.url.split("/")
    if "rutiner" not in parts[:2] or len(parts) < 4:
        return ""
    ancestors = list(page.ancestors)
    return ancestors[-2].title if len(ancestors) >= 2 else ""


IN_INDEX = os.environ.get("KB_SEARCH_SYNONYMS_IN_INDEX") == "1"


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    search = page.meta.get("search") or {}
    if isinstance(search, dict) and search.get("exclude"):
        return html  # no data-pagefind-body: Pagefind leaves the page out, as Material does
    lang = _lang(page)
    synonyms = _synonyms()
    words = [str(w) for w in page.meta.get("tags", []) or []]
    extra = synonyms.expand(page.title + " " + " ".join(words) + " " + indexed_text(html),
                            lang) if synonyms and IN_INDEX else []
    if page.url in ("kontakter/", "en/kontakter/"):
        html = weigh_contact_names(html)
    return marked(html, department=_department(page), summary=summary_of(html),
                  search_words=words, synonyms=extra)


def on_post_page(output: str, page: Any, config: Any) -> str:
    lang = _lang(page)
    search = page.meta.get("search") or {}
    if isinstance(search, dict) and search.get("exclude"):  # e.g. the whole plan's chapters
        output = output.replace("<div data-pagefind-body>", "<div>")
    return _WORKER.sub(lambda m: f"{m.group(1)}{m.group(2)}assets/kb/search-worker.js?lang={lang}",
                       output, count=1)


@event_priority(-120)  # after kb's on_post_build, which waits for the forked English build
def on_post_build(config: Any) -> None:
    if config.theme.get("language", "sv") != "sv":
        return  # the English build (static-i18n) runs first; index once both are written
    site = Path(config.site_dir)
    shutil.copy(HERE / "assets" / "search-worker.js", site / "assets" / "kb" / "search-worker.js")
    synonyms = _synonyms()
    for lang in ("sv", "en"):  # the worker expands the reader's words with these
        groups = [list(g) for g in synonyms.groups.get(lang, ())] if synonyms else []
        (site / "assets" / "kb" / f"synonyms.{lang}.json").write_text(
            json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    for index in (site / "search").glob("search_index*.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")
    started = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(site.resolve()), "--quiet"]
    with tempfile.TemporaryDirectory() as cwd:  # Pagefind reads its settings from cwd
        (Path(cwd) / "pagefind.json").write_text(json.dumps({"exclude_selectors": EXCLUDE}))
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if done.returncode:
        log.warning("Pagefind failed: %s", done.stderr.strip() or done.stdout.strip())
    log.info("Pagefind index built in %.2f s", time.perf_counter() - started)
    (site / "pagefind" / "build-seconds.txt").write_text(
        f"{time.perf_counter() - started:.3f}\n", encoding="utf-8")
