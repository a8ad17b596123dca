"""What a prose page (``docs/*.md``) may hold besides Markdown: links by the one link rule,
and raw HTML from a short allow-list — nothing that runs script or loads other content.

Read from the page's source, so every problem has its file and line:

- every link target: inline ``[text](target)`` and images, reference definitions, autolinks
  ``<scheme:…>``, and the URL attributes of raw HTML (``href``, ``src``, ``cite``), by
  :mod:`macros.model.link_rule` (entities, capitals and spaces in the scheme included);
- raw HTML: elements outside :data:`ALLOWED_ELEMENTS` (``<script>``, ``<iframe>``,
  ``<object>``, ``<embed>``, ``<form>``, ``<style>``, ``<svg>``, ``<math>``, ``<base>``,
  ``<meta>`` …), event-handler attributes (``on…=``) and any attribute outside
  :data:`ALLOWED_ATTRIBUTES`, ``style`` included (the Content-Security-Policy refuses it);
- attribute lists (``{: … }``, Python-Markdown's attr_list): only ``#id``, ``.class`` and
  :data:`ALLOWED_ATTRIBUTES`' global ones — ``{: onclick=… }`` or ``{: href=… }`` would put an
  attribute on the element before it.

Code is left out: fenced blocks and inline code spans show their text literally. The build
runs this check before it builds (its errors stop every build, strict or not), and the
output gate (:mod:`macros.build.output_gate`) looks at what was built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder

from macros.load.page_files import PageText, line_at, page_texts
from macros.load.page_meta import split_front_matter
from macros.model.catalogue import both
from macros.model.link_rule import link_message, refused_scheme, refused_targets
from macros.model.problems import Problem

# The raw HTML a page may keep: text-level and structural elements (Material's md_in_html
# grids and cards are <div class="grid cards" markdown>), tables, details, images.
ALLOWED_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "markdown"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "q": frozenset({"cite"}), "blockquote": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}), "ins": frozenset({"cite", "datetime"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Elements named in the refusal as running script or loading other content.
REFUSED_ELEMENTS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "base", "meta", "link", "svg", "math", "template",
    "noscript", "portal", "audio", "video", "source", "track", "canvas", "dialog",
})

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")
# A code span on one line (one that runs over lines is rare, and reported rather than hidden).
_CODE_SPAN = re.compile(r"(?<!\\)(`+)([^\n]+?)(?<!`)\1(?!`)")
# Python-Markdown's attr_list: {…} or {:…} on one line.
_ATTR_LIST = re.compile(r"(?<!\{)\{(?![{%#])(:?)[ ]*([^}\n ][^\n]*?)[ ]*\}")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>\Z")


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``start:end`` replaced by spaces, line breaks kept (lines stay lines)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def mask_code(text: str) -> str:
    """The page with its front matter, fenced code blocks and code spans blanked out. A fence
    whose lines are not all indented as far as the fence is not taken for one (so nothing
    outside a real block is hidden)."""
    front, body = split_front_matter(text)
    masked = _blank(text, 0, len(text) - len(body)) if front is not None else text
    lines = masked.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening.group(1), opening.group(2)
        end = index + 1
        while end < len(lines) and not (lines[end].startswith(indent) and re.match(
                rf"[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", lines[end])):
            end += 1
        inside = lines[index + 1:end]
        if end < len(lines) and all(not line.strip() or line.startswith(indent)
                                    for line in inside):
            for line_index in range(index, end + 1):
                lines[line_index] = " " * len(lines[line_index])
            index = end + 1
        else:
            index += 1
    masked = "\n".join(lines)
    for span in _CODE_SPAN.finditer(masked):
        if not _in_html(masked, span.start()):
            masked = _blank(masked, span.start(), span.end())
    return masked


def _in_html(text: str, offset: int) -> bool:
    """Whether backticks at ``offset`` may be raw HTML rather than Markdown: on a line that
    starts with a tag (an HTML block passes through unread), or inside an open tag."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    return before.lstrip().startswith("<") or before.rfind("<") > before.rfind(">")


@dataclass(frozen=True)
class _Tag:
    offset: int  # of "<" in the page
    name: str
    attributes: list[tuple[str, str | None]]
    source: str  # the start tag as written


class _Tags(HTMLParser):
    """Every start tag of the page (attribute values decoded, as browsers decode them)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        source = self.get_starttag_text() or ""
        if not _AUTOLINK.match(source):  # <https://…>, <a@b.se>: Markdown autolinks
            self.tags.append(_Tag(self._line_starts[line - 1] + column, tag, attrs, source))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        """Markup in a comment is read as markup: browsers end some comments early
        (``<!-->``), and the output gate reads it so too."""
        line, column = self.getpos()
        inner = _Tags(data)
        inner.feed(data)
        inner.close()
        start = self._line_starts[line - 1] + column + 4  # after "<!--"
        self.tags.extend(_Tag(start + tag.offset, tag.name, tag.attributes, tag.source)
                         for tag in inner.tags)


def _tags(masked: str) -> list[_Tag]:
    parser = _Tags(masked)
    parser.feed(masked)
    parser.close()
    return parser.tags


def _attribute_offset(tag: _Tag, name: str) -> int:
    found = re.search(rf"[\s/\"']{re.escape(name)}(?![\w-])", tag.source, re.I)
    return tag.offset + (found.start() + 1 if found else 0)


def _tag_problems(tag: _Tag) -> Iterator[tuple[int, str, str, str]]:
    """(offset, field, message, fix) for one raw HTML start tag."""
    name = tag.name
    if name not in ALLOWED_ELEMENTS:
        key = "page_element_refused" if name in REFUSED_ELEMENTS else "page_element_unknown"
        yield tag.offset, "html", both(key, tag=name), both("page_html_fix")
        return
    allowed = GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(name, frozenset())
    for attribute, value in tag.attributes:
        offset = _attribute_offset(tag, attribute)
        if attribute.startswith("on"):
            yield (offset, "html", both("page_handler_refused", attribute=attribute, tag=name),
                   both("page_handler_fix"))
        elif attribute not in allowed and not attribute.startswith("aria-"):
            yield (offset, "html", both("page_attribute_refused", attribute=attribute, tag=name),
                   both("page_html_fix"))
        elif attribute in URL_ATTRIBUTES and value is not None:
            scheme = refused_scheme(value)
            if scheme is not None:
                yield (offset, "html", *link_message(value, scheme))


def _attr_list_problems(masked: str) -> Iterator[tuple[int, str, str, str]]:
    """Attributes an attr_list block would set that a page may not."""
    for found in _ATTR_LIST.finditer(masked):
        before = masked[found.start() - 1:found.start()]
        rest = masked[found.end():masked.find("\n", found.end())
                      if "\n" in masked[found.end():] else len(masked)]
        # attr_list reads {: …} anywhere, {…} after an inline element or at the end of a line
        if not (found.group(1) or before in (")", "*", "_", "`", "]", ">")
                or not rest.strip()):
            continue
        attributes, _ = get_attrs_and_remainder(found.group(2) + "}")
        for key, _value in attributes:
            key = str(key).lower()
            if key in (".", "id", ":") or key in GLOBAL_ATTRIBUTES - {"markdown"} \
                    or key.startswith("aria-"):
                continue
            yield (found.start(), "attr_list", both("attr_list_refused", attribute=key),
                   both("attr_list_fix"))


def page_problems(page: PageText) -> list[Problem]:
    """Every link, raw HTML and attr_list problem of one page, with its line."""
    masked = mask_code(page.text)
    found: list[tuple[int, str, str, str]] = []
    for offset, target, scheme in refused_targets(masked):
        found.append((offset, "link", *link_message(target, scheme)))
    for tag in _tags(masked):
        found.extend(_tag_problems(tag))
    found.extend(_attr_list_problems(masked))
    return [Problem(page.display, line_at(page.text, offset), field, message, fix)
            for offset, field, message, fix in sorted(found)]


def markup_in_pages(docs_dir: Path, display_root: Path) -> list[Problem]:
    """:func:`page_problems` of every Markdown page under ``docs_dir``."""
    return [problem for page in page_texts(docs_dir, display_root)
            for problem in page_problems(page)]
