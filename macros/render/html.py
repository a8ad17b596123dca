"""Small HTML pieces for the blocks that need more than Markdown offers (attributes on
cells, row headers, regions). Inside them the text stays Markdown — escaped by
:mod:`macros.model.markdown` — and is read by md_in_html (``markdown="span"``); attribute
values are only our own labels and ids, escaped here.
"""

from __future__ import annotations

import html

# md_in_html reads an element's content as Markdown only when the element says so, and the
# attribute is not inherited: every level of a table carries it.
BLOCK = 'markdown="1"'
SPAN = 'markdown="span"'


def attrs(**values: str | None) -> str:
    """``name="value"`` pairs, escaped; ``None`` leaves an attribute out; ``_`` in a name
    becomes ``-`` (``data_label`` → ``data-label``), a trailing ``_`` is dropped
    (``class_``)."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f'{key}="{html.escape(value, quote=True)}"')
    return " ".join(parts)


def element(tag: str, markdown: str, inline: bool = True, **values: str | None) -> str:
    """One element on one line whose content is Markdown (span) or raw HTML."""
    extra = attrs(**values)
    opening = " ".join(part for part in (tag, extra, SPAN if inline else "") if part)
    return f"<{opening}>{markdown}</{tag}>"
