"""Hostile text for every string field of the data model (issue 15): the strings, the fields
(enumerated from the pydantic models, nothing listed by hand), where each field is in the
fixture project's data, and the fixture project with a hostile text in every free-text field.
Used by tests/unit/render/test_hostile_text.py (hypothesis, the renderers) and
tests/site/test_hostile_text.py (the real build)."""

from __future__ import annotations

import copy
import json
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel, HttpUrl

from macros.load.loader import data_files, kind_of, validate_documents
from macros.load.validation import field_path
from macros.load.yamlsource import SourceDoc, read_yaml
from macros.load.yamltree import YamlList, YamlMap
from macros.model.files import FILE_KINDS
from macros.model.rules import PageMeta
from macros.model.text import LANGUAGES, MarkdownText
from tests.conftest import FIXTURE_SITE, copy_project

Loc = tuple[str | int, ...]
KEY = "<key>"  # a dict's key in a field's path; "<value>" its value
VALUE = "<value>"

# --- the hostile strings --------------------------------------------------------------------

FRAGMENTS = [
    "{{ 7*7 }}", "{{ config }}", "{% raw %}", "{% endraw %}", "{# c #}", "{%- if true %}",
    "{{ cycler.__init__.__globals__.os.getcwd() }}", '{{ "%c"|format(60) }}',
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
    "<details open ontoggle=alert(1)>", "</textarea>", "<!--", "-->", "<", ">",
    "javascript:alert(1)", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x]( java&#x09;script:alert(1))", "[x](data:text/html,x)", "![i](bild.png)",
    "[r]: vbscript:x", "<javascript:alert(1)>", "[x](https://ok.example/)", "[x](//evil.example)",
    "[x](#a)", "&#106;avascript:", "&lt;img src=x onerror=alert(1)&gt;", "&amp;", "&", "&#0;",
    "{: onclick=alert(1) }", "{ .x #y }", "**b**", "_i_", "`c`", "```", "| a | b |", "# H",
    "- li", "> q", "\\", "'", '"', "\n", "\r\n", "\t", " ", "\u202e", "\u200f", "\u2066",
    "\u00a0", "\x01", "\x7f", "å", "ö", "𝓧", "%0a", "]]>", "<![CDATA[", "=", "onclick=alert(1)",
    "x" * 300,
]
HOSTILE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)),
                   min_size=1, max_size=6).map("".join)


# --- every string field of the model --------------------------------------------------------

@dataclass(frozen=True)
class Field:
    kind: str  # a FILE_KINDS name, or "page" (front matter)
    path: Loc  # list items as 0, dict keys/values as KEY/VALUE
    shape: str  # "plain" (shown literally), "markdown", "url", "pinned" (pattern, length)

    @property
    def name(self) -> str:
        return f"{self.kind}:{field_path(self.path)}"


def _unwrap(annotation: Any) -> tuple[list[Any], bool]:
    """The types an annotation allows, and whether an Annotated layer pins it (a pattern)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        inner, pinned = _unwrap(base)
        return inner, pinned or any(_pins(item) for item in extra)
    if origin in (typing.Union, types.UnionType):
        found = [_unwrap(arg) for arg in typing.get_args(annotation)]
        return [t for types_, _ in found for t in types_], any(p for _, p in found)
    return [annotation], False


def _pins(metadata: Any) -> bool:
    items = getattr(metadata, "metadata", [metadata])
    return any(getattr(item, "pattern", None) or getattr(item, "max_length", None)
               for item in items)


def _leaves(model: type[BaseModel], path: Loc, parent: type[BaseModel] | None = None
            ) -> Iterator[tuple[Loc, str]]:
    for name, info in model.model_fields.items():
        pinned = any(_pins(item) for item in info.metadata)
        yield from _walk(info.annotation, (*path, name), model, pinned)


def _walk(annotation: Any, path: Loc, owner: type[BaseModel], pinned: bool
          ) -> Iterator[tuple[Loc, str]]:
    options, annotated_pin = _unwrap(annotation)
    for option in options:
        origin = typing.get_origin(option)
        if origin in (list, tuple, set):
            yield from _walk(typing.get_args(option)[0], (*path, 0), owner, pinned)
        elif origin is dict:  # a key names something the data refers to: pinned
            key, value = typing.get_args(option)
            yield from _walk(key, (*path, KEY), owner, True)
            yield from _walk(value, (*path, VALUE), owner, False)
        elif isinstance(option, type) and issubclass(option, BaseModel):
            yield from _leaves(option, path)
        elif option is HttpUrl:
            yield path, "url"
        elif option is str:
            if pinned or annotated_pin:
                yield path, "pinned"
            elif issubclass(owner, MarkdownText):
                yield path, "markdown"
            else:
                yield path, "plain"


def _fields() -> list[Field]:
    found = [Field(kind.name, path, shape) for kind in FILE_KINDS
             for path, shape in _leaves(kind.model, ())]
    found += [Field("page", path, shape) for path, shape in _leaves(PageMeta, ())]
    return found


FIELDS = _fields()


# --- the fixture data, a field in it, the knowledge base -------------------------------------

@dataclass
class Base:
    documents: list[tuple[str, SourceDoc]]  # (kind, document) of every data file
    pages: list[SourceDoc]  # front matter of the Markdown pages


@cache
def base() -> Base:
    data_dir = FIXTURE_SITE / "routines"
    documents = []
    for path in data_files(data_dir):
        doc, problems = read_yaml(path, path.relative_to(FIXTURE_SITE).as_posix())
        assert doc is not None and not problems
        documents.append((kind_of(path, data_dir), doc))
    from macros.load.page_meta import split_front_matter
    from macros.load.yamlsource import parse_yaml

    pages = []
    for path in sorted((FIXTURE_SITE / "docs").glob("*.md")):
        front, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if front:
            doc, _ = parse_yaml(front, path.relative_to(FIXTURE_SITE).as_posix(), line_offset=1)
            if doc is not None:
                pages.append(doc)
    return Base(documents, pages)


def scaffold(rest: Loc, value: Any) -> Any:
    """What a missing optional field and its parents look like with ``value`` at the end."""
    if not rest:
        return value
    head, tail = rest[0], rest[1:]
    if head == 0:
        return [scaffold(tail, value)]
    if head in LANGUAGES:  # a bilingual text or keywords: both languages, same shape
        other = "en" if head == "sv" else "sv"
        return {head: scaffold(tail, value), other: scaffold(tail, "Text")}
    return {head: scaffold(tail, value)}


def place(node: Any, path: Loc, value: Any, create: bool = True) -> tuple[Any, Loc] | None:
    """``node`` with ``value`` at ``path`` (the first list item or dict entry that has the
    rest of the path; made where an optional field is missing and ``create``), and the
    concrete location."""
    if not path:
        return value, ()
    head, tail = path[0], path[1:]
    if head == 0 and isinstance(node, YamlList):
        for index, item in enumerate(node):
            placed = place(item, tail, value, create)
            if placed is not None:
                out = copy.copy(node)
                out[index] = placed[0]
                return out, (index, *placed[1])
        return None
    if head == KEY and isinstance(node, YamlMap) and node:
        old = next(iter(node))
        if not isinstance(value, str):
            return None
        out = YamlMap(node.line)
        for key, item in node.items():
            out[value if key == old else key] = item
            out.lines[value if key == old else key] = node.lines[key]
        return out, (value,)
    if head == VALUE and isinstance(node, YamlMap) and node:
        first = next(iter(node))
        placed = place(node[first], tail, value, create)
        if placed is None:
            return None
        out = copy.copy(node)
        out[first] = placed[0]
        return out, (first, *placed[1])
    if create and not isinstance(node, (YamlMap, YamlList)) and isinstance(head, str) \
            and KEY not in path and VALUE not in path:  # a short form (`skola: S`) spelt out
        return scaffold(path, value), path
    if isinstance(node, YamlMap):
        out = copy.copy(node)
        out.lines = dict(node.lines)
        if head in node:
            placed = place(node[head], tail, value, create)
            if placed is None:
                return None
            out[head] = placed[0]
            return out, (head, *placed[1])
        if create and isinstance(head, str) and KEY not in tail and VALUE not in tail \
                and 0 not in tail[:-1]:  # an optional leaf, never a whole list item
            out[head] = scaffold(tail, value)
            out.lines[head] = (node.line, node.line)
            return out, path
    return None


def copy_tree(node: Any) -> Any:
    return copy.deepcopy(node)


class Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[tuple[str, frozenset[str]]] = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[(tag, frozenset(name for name, _ in attrs))] += 1
        self.attributes += [(tag, name, value) for name, value in attrs]

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags[("!--", frozenset())] += 1


def read_html(html_text_: str) -> Html:
    parser = Html()
    parser.feed(html_text_)
    parser.close()
    return parser


# --- the fixture project with hostile text in every free-text field ------------------------

SAMPLE = ["{{ 7*7 }} Rubrik", '{% raw %}"\'{{ config }}', "&lt;img src=x onerror=alert(1)&gt;",
          "[ok](https://ok.example/) {: onclick=alert(1) } `kod`", "\u200fa | b ``` c",
          "{{ '<' }}script>"]


def plain_tree(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: plain_tree(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain_tree(value) for value in node]
    return node


def hostile_project(target: Path) -> dict[str, str]:
    """The fixture project with a hostile text in every plain and Markdown field (each once);
    returns the value given to each field."""
    import yaml

    copy_project(FIXTURE_SITE, target)
    trees = {doc.path: doc.data for _, doc in base().documents}
    given_values: dict[str, str] = {}
    for number, field in enumerate(f for f in FIELDS if f.shape in ("plain", "markdown")
                                   and f.kind != "page" and KEY not in f.path):
        value = f"{SAMPLE[number % len(SAMPLE)]} F{number}"
        for create in (False, True):
            for kind, doc in base().documents:
                placed = (place(trees[doc.path], field.path, value, create)
                          if kind == field.kind else None)
                if placed is not None:
                    trees[doc.path] = placed[0]
                    given_values[field.name] = value
                    break
            if field.name in given_values:
                break
    documents = [(kind, SourceDoc(doc.path, trees[doc.path])) for kind, doc in base().documents]
    result = validate_documents(documents, "routines", [])
    assert not result.errors, [p.format() for p in result.errors]
    for path, tree in trees.items():
        (target / path).write_text(yaml.safe_dump(plain_tree(tree), allow_unicode=True,
                                                  sort_keys=False), encoding="utf-8")
    page = target / "docs" / "bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Bara svenska", f"title: {json.dumps(SAMPLE[0] + ' sida')}"), encoding="utf-8")
    return given_values

