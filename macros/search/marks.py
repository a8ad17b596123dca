"""Marks for text the search index leaves out (Material's ``data-search-exclude``).

What many pages repeat and has a page of its own stays on the pages but out of the index:
contact tables (the contacts page), notes on legal sources (the legal basis chapter), lists of
other routines (each routine's own page), review dates, search words (the page's ``tags``)
and the example-data notice. Material's search plugin skips a marked element, or a whole
section when its heading is marked, and then removes the attribute, so the page's HTML is
the same as without the mark (a marked text keeps a bare ``<span>``).
"""

from __future__ import annotations

import html

# Material removes data-search-* attributes that have a value; a bare one would stay.
EXCLUDE = 'data-search-exclude="true"'


def heading_attrs(anchor: str, indexed: bool = True) -> str:
    """attr_list for a heading: ``{ #anchor }``; not indexed, its whole section is left out."""
    return f"{{ #{anchor} {EXCLUDE} }}" if not indexed else f"{{ #{anchor} }}"


def unindexed(markdown: str) -> str:
    """Inline Markdown the index skips."""
    return f"<span {EXCLUDE}>{markdown}</span>"


def unindexed_paragraph(markdown: str) -> str:
    """A one-paragraph block the index skips."""
    return f"{markdown}\n{{ {EXCLUDE} }}"


def unindexed_admonition(kind: str, title: str, body: str) -> str:
    """The HTML of ``!!! kind "title"`` with the plain-text ``body``, skipped by the index
    (Python-Markdown's admonitions cannot carry attributes)."""
    return (f'<div class="admonition {html.escape(kind)}" {EXCLUDE}>\n'
            f'<p class="admonition-title">{html.escape(title, quote=False)}</p>\n'
            f"<p>{html.escape(body, quote=False)}</p>\n</div>")
