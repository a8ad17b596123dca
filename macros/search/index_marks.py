"""What Pagefind indexes on a page, as marks in the page's HTML: the content only (not the
theme), without what Material's search leaves out, with the page's department and one-line
summary as result metadata and its search words and synonyms as weighted, hidden text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

EXCLUDED = 'data-search-exclude="true"'
IGNORE = 'data-pagefind-ignore="all"'
WEIGHT_WORDS = 5.0      # a routine's search words: just under a heading (h2 = 6)
WEIGHT_SYNONYMS = 3.0   # synonyms of words on the page: above body text (1)
WEIGHT_NAME = 7.0       # a contact's name on a contacts page: as a page title (h1 = 7)

_H2 = re.compile(r"(?=<h[12][\s>])")
_TAG = re.compile(r"<[^>]+>")
_SKIP_BLOCKS = re.compile(r"<(aside|nav)\b.*?</\1>|<div class=\"admonition\b.*?</div>", re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)")


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", fragment))).strip()


def ignore_excluded(content: str) -> str:
    """Material's exclusions for Pagefind too: a marked heading's whole section, a marked
    element itself (Material removes its own attribute later; ours stays)."""
    parts = _H2.split(content)
    out = []
    for part in parts:
        head = part.split(">", 1)[0]
        if part.startswith("<h2") and EXCLUDED in head:
            out.append(f"<div {IGNORE}>{part}</div>")
        else:
            out.append(part.replace(EXCLUDED, f"{EXCLUDED} {IGNORE}"))
    return "".join(out)


def indexed_text(content: str) -> str:
    """The text Pagefind will index: the content less what is ignored (for synonyms: a
    department page's list of routines must not give it every routine's synonyms)."""
    from lxml import html as lxml_html
    root = lxml_html.fragment_fromstring(ignore_excluded(content), create_parent="div")
    for element in root.xpath("//*[@data-pagefind-ignore]"):
        element.drop_tree()
    return re.sub(r"\s+", " ", " ".join(root.itertext())).strip()


def summary_of(content: str, limit: int = 180) -> str:
    """The first sentence of the first paragraph of the content (not the review notice, the
    example-data box or the embed bar)."""
    match = _FIRST_P.search(_SKIP_BLOCKS.sub("", content))
    if not match:
        return ""
    text = text_of(match.group(1))
    sentence = _SENTENCE.match(text)
    first = sentence.group(1) if sentence else text
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def _meta(key: str, value: str) -> str:
    return f'<span hidden data-pagefind-meta="{key}:{html.escape(value, quote=True)}"></span>'


def _hidden_words(words: Iterable[str], weight: float) -> str:
    words = [w for w in words if w]
    if not words:
        return ""
    text = " · ".join(html.escape(w) for w in words)
    return f'<div hidden data-pagefind-weight="{weight}">{text}</div>'


def weigh_contact_names(content: str) -> str:
    """A contact table's first cell is the contact's name: weigh it as a heading, so the name
    of a helpline or unit finds the page that lists it. (For the real integration this
    belongs in the contact table's renderer.)"""
    return content.replace("<td><strong>", f'<td><strong data-pagefind-weight="{WEIGHT_NAME}">')


def marked(content: str, *, department: str = "", summary: str = "",
           search_words: Sequence[str] = (), synonyms: Sequence[str] = ()) -> str:
    """The page content wrapped as Pagefind's body, with its metadata and weighted words."""
    extra = "".join([
        _meta("department", department) if department else "",
        _meta("summary", summary) if summary else "",
        _hidden_words(search_words, WEIGHT_WORDS),
        _hidden_words(synonyms, WEIGHT_SYNONYMS),
    ])
    return f"<div data-pagefind-body>{ignore_excluded(content)}{extra}</div>"
