"""Marks for text the search index leaves out (``data-search-exclude``, as Material and Zensical
mark it; :mod:`macros.search.index_marks` turns them into Pagefind's marks), and for names it
weighs more.

What many pages repeat and has a page of its own stays on the pages but out of the index:
contact tables (the contacts page), notes on legal sources (the legal basis chapter), lists of
other routines (each routine's own page), review dates, search words (the page's ``tags``)
and the example-data notice. Material's search plugin skips a marked element, or a whole
section when its heading is marked.
"""

from __future__ import annotations

import html

# Material removes data-search-* attributes that have a value; a bare one would stay.
EXCLUDE = 'data-search-exclude="true"'
NAME_WEIGHT = 7.0  # Pagefind's weight of a page title (h1)


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


def weighted_name(markdown: str) -> str:
    """A name the search weighs as a page title (a contact's name on the contacts page, so the
    name of a helpline or unit finds the page that lists it)."""
    return f'<span data-pagefind-weight="{NAME_WEIGHT}">{markdown}</span>'
