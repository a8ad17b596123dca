"""Theme HTML without the blank lines and indentation of Material's templates.

Material's templates indent every tag and leave a line for every ``{% if %}``, so most bytes of
its navigation are whitespace (at 1000 routines, about 60 % of a page). Every line break with
the whitespace after it (the next lines' indentation, blank lines) becomes one line break;
spaces before a line break stay (the templates leave hardly any). A browser shows any run of
whitespace as one space, except inside ``<pre>``, ``<textarea>``, scripts and styles, which
are kept as they are, so the page looks and reads the same. The templates
(overrides/main.html) apply it to the parts of the page around the content: the head's
metadata, the header, the navigation and table of contents, and the footer.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Only the characters HTML counts as whitespace: a non-breaking space is text.
_BREAK = re.compile(r"\n[ \t\r\n\f]+")  # a lone line break needs no change: 3x faster
_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def compact_whitespace(html: str) -> Markup:
    """``html`` with every line break and the whitespace after it as one line break, except
    inside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``."""
    text = str(html)
    parts: list[str] = []
    start = 0
    for kept in _KEEP.finditer(text):
        parts += [_BREAK.sub("\n", text[start:kept.start()]), kept.group(0)]
        start = kept.end()
    parts.append(_BREAK.sub("\n", text[start:]))
    return Markup("".join(parts))
