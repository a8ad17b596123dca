"""What Pagefind indexes on a page, as marks in the page's content: the content only (never
the theme around it), less what the pages mark as not indexed (:mod:`macros.search.marks`),
with the page's department and one-line summary as what the result shows, and its search
words as weighted text the reader does not see."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

EXCLUDED = 'data-search-exclude="true"'  # macros/search/marks.py (Material's and Zensical's)
IGNORE = 'data-pagefind-ignore="all"'
WEIGHT_WORDS = 5.0  # a routine's search words: just under a section heading (h2 = 6)
WEIGHT_NAME = 7.0   # a contact's name on a contacts page: as a page title (h1 = 7)
SUMMARY_LIMIT = 180

_SECTION = re.compile(r"(?=<h[1-6][\s>])")
_LEVEL = re.compile(r"<h([1-6])")
_TAG = re.compile(r"<[^>]+>")
_SKIP_BLOCKS = re.compile(r"<(aside|nav)\b.*?</\1>|<div class=\"admonition\b.*?</div>", re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)")


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", fragment))).strip()


def ignore_excluded(content: str) -> str:
    """Material's rule for Pagefind: a marked heading leaves out its whole section (up to the
    next heading of its level or higher), any other marked element only itself."""
    out: list[str] = []
    skipping: int | None = None  # level of the marked heading whose section is left out
    for part in _SECTION.split(content):
        level_match = _LEVEL.match(part)
        level = int(level_match.group(1)) if level_match else None
        if skipping is not None and level is not None and level <= skipping:
            skipping = None
        head = part.split(">", 1)[0]
        if level is not None and EXCLUDED in head:
            skipping = level
        if skipping is not None:
            out.append(f"<div {IGNORE}>{part}</div>")
        else:
            out.append(part.replace(EXCLUDED, IGNORE))
    return "".join(out)


def summary_of(content: str, limit: int = SUMMARY_LIMIT) -> str:
    """The first sentence of the first paragraph of the content (not a notice, an example-
    data box or the embed bar), shortened at a word to ``limit`` characters."""
    match = _FIRST_P.search(_SKIP_BLOCKS.sub("", content))
    if not match:
        return ""
    text = text_of(match.group(1))
    sentence = _SENTENCE.match(text)
    first = sentence.group(1) if sentence else text
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def _meta(key: str, value: str) -> str:
    return f'<span hidden data-pagefind-meta="{key}:{html.escape(value, quote=True)}"></span>'


def marked(content: str, *, department: str = "", summary: str = "",
           search_words: Sequence[str] = (), boost: float = 1.0) -> str:
    """The page content as Pagefind's body, with what its result shows, its search words and
    its weight among the results (``search: boost`` in its front matter)."""
    extra = [_meta("department", department) if department else "",
             _meta("summary", summary) if summary else "",
             _meta("boost", f"{boost:g}") if boost != 1.0 else ""]
    words = [w for w in search_words if w]
    if words:
        extra.append(f'<div hidden data-pagefind-weight="{WEIGHT_WORDS}">'
                     + " · ".join(html.escape(w) for w in words) + "</div>")
    return f"<div data-pagefind-body>{ignore_excluded(content)}{''.join(extra)}</div>"
