"""Limits on a data file, so that no input can hang `kb check` or the build or fill the memory.

- **Size**: a data file over :data:`MAX_FILE_BYTES` is refused before it is read (the largest
  file today, the glossary, is about 25 KB).
- **Anchors and aliases** (``&name``, ``*name``, also the merge key ``<<: *name``) are refused
  while the file is parsed, at the first one: an alias bomb ("billion laughs") is a few
  lines that expand to gigabytes, and the data has no use for them.
- **Nesting** deeper than :data:`MAX_DEPTH` levels is refused while parsing (the data model is
  at most six levels deep).
- **A text** longer than :data:`MAX_TEXT_CHARS` characters is an error of its field
  (:mod:`macros.load.text_length`; the longest text today is about 1 500).

The messages are in Swedish and English, with the file, the line and the fix.
"""

from __future__ import annotations

from macros.model.catalogue import both
from macros.model.problems import Problem

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 20
MAX_TEXT_CHARS = 20_000


class LimitExceeded(Exception):
    """Parsing stopped at a limit: ``key`` names the message, ``line`` is 1-based."""

    def __init__(self, key: str, line: int, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.values = values

    def problem(self, display: str, line_offset: int = 0) -> Problem:
        return Problem(display, self.line + line_offset, "", both(self.key, **self.values),
                       both(f"{self.key}_fix", **self.values))


def too_large(display: str, size: int) -> Problem:
    """The file is over :data:`MAX_FILE_BYTES`: refused before it is read."""
    return Problem(display, None, "", both("yaml_too_large", size=size, limit=MAX_FILE_BYTES),
                   both("yaml_too_large_fix"))


def anchor_refused(token: str, line: int) -> LimitExceeded:
    """``token`` is ``&name`` or ``*name`` as written in the file."""
    return LimitExceeded("yaml_anchor", line, token=token)


def too_deep(line: int) -> LimitExceeded:
    return LimitExceeded("yaml_too_deep", line, limit=MAX_DEPTH)
