"""Rewrite one rendered page's HTML so that it can sit inside another page.

Used by the whole-plan page (:mod:`macros.build.print.plan`): every ``id`` gets a prefix (and so do
the attributes and ``#fragment`` links that point at ids), headings move down a level, links
and image sources go through a function, and elements with certain classes are left out.
Tags that need no change are copied byte for byte; only changed tags are written anew.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes that hold one id, or a space-separated list of ids.
_ID_REFS = frozenset({"for", "aria-activedescendant", "aria-errormessage"})
_ID_LISTS = frozenset({"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                       "aria-details", "aria-flowto", "headers"})
_LINKS = frozenset({"href", "src", "xlink:href"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_HEADING = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class Rewrite:
    """How to rewrite a fragment of HTML."""

    id_prefix: str = ""  # put before every id
    link: Callable[[str], str] = lambda url: url  # non-fragment href/src values
    shift_headings: int = 0  # h1 → h(1 + shift), never past h6
    drop_classes: frozenset[str] = field(default_factory=frozenset)  # left out, with contents


def rewrite_html(fragment: str, rule: Rewrite) -> str:
    """``fragment`` rewritten by ``rule``."""
    parser = _Rewriter(rule)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def shifted(tag: str, shift: int) -> str:
    """The heading tag ``shift`` levels down (``h2`` + 1 → ``h3``); other tags unchanged."""
    match = _HEADING.match(tag)
    if not match or not shift:
        return tag
    return f"h{min(6, max(1, int(match.group(1)) + shift))}"


class _Rewriter(HTMLParser):
    def __init__(self, rule: Rewrite) -> None:
        super().__init__(convert_charrefs=False)
        self.rule = rule
        self.out: list[str] = []
        self._dropping: str | None = None  # the tag name of the element being left out
        self._depth = 0  # nesting of that tag name inside it

    # --- tags ----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], raw: str,
               closed: bool) -> None:
        if self._dropping is not None:
            if tag == self._dropping and not closed and tag not in _VOID:
                self._depth += 1
            return
        classes = set((dict(attrs).get("class") or "").split())
        if classes & self.rule.drop_classes:
            if not closed and tag not in _VOID:
                self._dropping, self._depth = tag, 1
            return
        new_tag = shifted(tag, self.rule.shift_headings)
        new_attrs = [(name, self._attr(name, value)) for name, value in attrs]
        if new_tag == tag and new_attrs == attrs:
            self.out.append(raw)
            return
        self.out.append(_tag(new_tag, new_attrs, closed and raw.rstrip().endswith("/>")))

    def handle_endtag(self, tag: str) -> None:
        if self._dropping is not None:
            if tag == self._dropping:
                self._depth -= 1
                if self._depth == 0:
                    self._dropping = None
            return
        self.out.append(f"</{shifted(tag, self.rule.shift_headings)}>")

    def _attr(self, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        prefix = self.rule.id_prefix
        if name == "id" or name in _ID_REFS:
            return prefix + value if value else value
        if name in _ID_LISTS:
            return " ".join(prefix + part for part in value.split())
        if name in _LINKS:
            if value.startswith("#"):
                return "#" + prefix + value[1:] if len(value) > 1 else value
            return self.rule.link(value)
        return value

    # --- everything else is copied as it came ---------------------------------------------
    def _emit(self, text: str) -> None:
        if self._dropping is None:
            self.out.append(text)

    def handle_data(self, data: str) -> None:
        self._emit(data)

    def handle_entityref(self, name: str) -> None:
        self._emit(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._emit(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._emit(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._emit(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self._emit(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self._emit(f"<![{data}]>")


def _tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if self_closing else ">")
