"""The footer of every printed page: the page's address and its review-by date.

Chromium draws CSS page-margin boxes (``@page { @bottom-left { content: … } }``) on every
printed page, outside the content, so nothing is covered. Their text cannot come from the
page's HTML, so each page carries its own small ``@page`` rule in the head
(overrides/partials/kb-print.html); overrides/assets/kb/print.css sets the page size,
margins and the boxes' type.
"""

from __future__ import annotations

import re
from datetime import date

from markupsafe import Markup

from macros.model.catalogue import label
from macros.model.text import Lang

_UNSAFE = re.compile(r'[\\"<>\n\r\f]')


def css_string(text: str) -> str:
    """``text`` as a CSS string that cannot end the string or the ``<style>`` element."""
    return '"' + _UNSAFE.sub(lambda m: f"\\{ord(m.group()):x} ", text) + '"'


def footer_text(url: str, review_by: date | None, lang: Lang) -> str:
    if review_by is None:
        return url
    return label("print_footer", lang, url=url, date=review_by.isoformat())


def page_counter(lang: Lang) -> str:
    """``"Sida " counter(page) " av " counter(pages)``, from the label."""
    template = label("print_page_of", lang, page="\0page\0", pages="\0pages\0")
    parts = []
    for piece in template.split("\0"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def print_style(url: str, review_by: date | None, lang: Lang) -> Markup:
    """The page's own ``@page`` rule: address and review date left, page number right."""
    return Markup(
        "@page { @bottom-left { content: " + css_string(footer_text(url, review_by, lang))
        + "; } @bottom-right { content: " + page_counter(lang) + "; } }")
