"""Which page of docs/ shows each responsibility matrix (its `responsibility_matrix("id")`
macro), so a unit's view can link to the whole matrix. Read from the sources, once a build."""

from __future__ import annotations

import re
from pathlib import Path

from macros.model.markdown import norm_src_uri

_CALL = re.compile(r"""\bresponsibility_matrix\(\s*["']([a-z0-9-]+)["']""")


def matrix_pages(docs_dir: Path) -> dict[str, str]:
    """Matrix id → source path (``handlingsplan/ansvar.md``) of the first page, in path
    order, whose Markdown calls the macro with it; the language suffix is left out."""
    found: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the page checks (macros/load/page_meta.py)
        src = norm_src_uri(path.relative_to(docs_dir).as_posix())
        for matrix_id in _CALL.findall(text):
            found.setdefault(matrix_id, src)
    return found
