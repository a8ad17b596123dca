"""The length limit on a text of the data or of a page's front matter (macros/load/limits.py):
each text over it is an error of its field, with its line; the file is still read, so every
other problem is reported in the same run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.load.limits import MAX_TEXT_CHARS
from macros.load.yamltree import field_path, walk
from macros.model.catalogue import both
from macros.model.problems import Problem

if TYPE_CHECKING:
    from macros.load.yamlsource import SourceDoc


def long_texts(doc: SourceDoc) -> list[Problem]:
    """Every key or value in ``doc`` longer than :data:`MAX_TEXT_CHARS` characters."""
    return [Problem(doc.path, doc.line_of(loc), field_path(loc),
                    both("text_too_long", length=len(value), limit=MAX_TEXT_CHARS),
                    both("text_too_long_fix"))
            for loc, value in walk(doc.data)
            if isinstance(value, str) and len(value) > MAX_TEXT_CHARS]
