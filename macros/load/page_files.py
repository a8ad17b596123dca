"""The Markdown pages under ``docs/`` as text, for the checks that read every page (personal
data, unit names, links): one walk, one way to name a page in a message."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageText:
    src_uri: str  # relative to docs/, as MkDocs names it
    display: str  # relative to the project, as messages name it
    text: str


def page_texts(docs_dir: Path, display_root: Path, pattern: str = "*.md") -> Iterator[PageText]:
    """Every page matching ``pattern``, sorted; a page that cannot be read as UTF-8 is left out
    here (:func:`macros.load.page_meta.load_pages` reports it)."""
    for path in sorted(docs_dir.rglob(pattern)):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        yield PageText(path.relative_to(docs_dir).as_posix(),
                       path.relative_to(display_root).as_posix(), text)


def line_at(text: str, offset: int) -> int:
    """The 1-based line of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
