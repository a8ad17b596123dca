"""Which page of docs/ shows each responsibility matrix (its `responsibility_matrix("id")`
macro), in each language, so a unit's view can link to the whole matrix. Read from the
sources, once a build."""

from __future__ import annotations

import re
from pathlib import Path

from macros.model.markdown import norm_src_uri
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang

_CALL = re.compile(r"""\bresponsibility_matrix\(\s*["']([a-z0-9-]+)["']""")
_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")


def matrix_pages(docs_dir: Path) -> dict[Lang, dict[str, str]]:
    """Language → matrix id → source path (``handlingsplan/ansvar.md``, the language suffix
    left out) of the first page, in path order, that shows the matrix in that language: the
    page's own file in the language, or the default language's when it has none (the
    build falls back to it)."""
    calls: dict[str, dict[str, list[str]]] = {}  # page → file language → matrix ids
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        suffix = _SUFFIX.search(relative)
        lang = suffix.group(1) if suffix and suffix.group(1) in LANGUAGES else DEFAULT_LANGUAGE
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the page checks (macros/load/page_meta.py)
        calls.setdefault(norm_src_uri(relative), {})[lang] = _CALL.findall(text)
    found: dict[Lang, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for src, by_lang in calls.items():
        for lang in LANGUAGES:
            for matrix_id in by_lang.get(lang, by_lang.get(DEFAULT_LANGUAGE, [])):
                found[lang].setdefault(matrix_id, src)
    return found
