"""What the offline link check needs from one built HTML page, taken from its bytes.

The HTML comes from Python-Markdown and Material, which write double-quoted attributes after
a space, so compiled regexes do: ` href="…"` and ` src="…"` are links, ` id="…"` and
` name="…"` on an `<a>` are anchors, and `<link rel="canonical" href="…">` gives the site's
address. A page of the full navigation is ~0.5 MB, so it is never decoded as a whole, and
each regex starts with a literal the engine skips ahead to quickly (`="`, then a fixed-width
look-behind names the attribute): one pass finds the links, one the anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

_LINKS = re.compile(rb'="(?:(?<= href=")|(?<= src="))([^"]*)"')
_ANCHORS = re.compile(rb'="(?:(?<= id=")|(?<= (n)ame="))([^"]*)"')  # group 1: a name
_A_TAG = (b"<a ", b"<a\n", b"<a\t")
_COMMENT_START = re.compile(rb"!--(?<=<!--)")  # "!" is rarer than "<": a quicker search
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_CANONICAL = b'<link rel="canonical" href="'
_QUOTE = '"'  # no attribute value holds one: it joins the values of a page in one string


@dataclass(frozen=True)
class Page:
    links: frozenset[str]  # href and src values, entities decoded, each once
    anchors: frozenset[str]  # ids and <a name>s
    canonical: str | None


@dataclass(frozen=True)
class RawPage:
    """A page's values still as bytes, each kind joined by `"`: cheap to send between
    processes; `page()` decodes them."""

    links: bytes
    anchors: bytes
    canonical: bytes | None

    def page(self) -> Page:
        return Page(links=_decoded(self.links), anchors=_decoded(self.anchors),
                    canonical=None if self.canonical is None else _text(self.canonical))


def scan(html: bytes) -> RawPage:
    if _COMMENT_START.search(html):  # a link commented out in a Markdown source is no link
        html = _COMMENT.sub(b"", html)
    links = b'"'.join([b"", *_LINKS.findall(html)])  # each value after a `"`
    anchors = [b""]
    for match in _ANCHORS.finditer(html):  # a few dozen a page
        if match.group(1) is None or _on_a(html, match.start()):  # `name` counts on <a>
            anchors.append(match.group(2))
    return RawPage(links, b'"'.join(anchors), _canonical(html))


def scan_page(html: bytes) -> Page:
    return scan(html).page()


def _on_a(html: bytes, position: int) -> bool:
    """Whether the attribute at `position` belongs to an `<a>` tag."""
    tag = html.rfind(b"<", 0, position)
    return html.startswith(_A_TAG, tag)


def _canonical(html: bytes) -> bytes | None:
    start = html.find(_CANONICAL)
    if start == -1:
        return None
    start += len(_CANONICAL)
    end = html.find(b'"', start)
    return None if end == -1 else html[start:end]


def _decoded(joined: bytes) -> frozenset[str]:
    text = joined.decode("utf-8", "replace")
    values = text.split(_QUOTE)[1:]
    if "&" not in text:
        return frozenset(values)
    return frozenset(_text_of(value) for value in values)


def _text(value: bytes) -> str:
    return _text_of(value.decode("utf-8", "replace"))


def _text_of(value: str) -> str:
    return unescape(value) if "&" in value else value
