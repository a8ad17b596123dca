"""Hostile text in every string field of the data model (issue 15), by hypothesis.

Every string field is enumerated from the pydantic models (:data:`FIELDS`; nothing is listed by
hand) and found, or made, in the fixture project's data. A hostile string — Jinja, HTML and
script, Markdown links with every scheme, character references, attribute lists, quotes, line
breaks, bidi marks, control characters — is put in the field, and then either

- the data is refused, with a problem naming the file and its line (what `kb check` prints), or
- everything rendered from it is inert: the real renderers (the generated pages in both
  languages, every block and guide the prose macros show, "what changed", the embed code, the
  JSON and Atom exports) are turned into HTML by Python-Markdown with the site's extensions,
  and that HTML has no element or attribute the same page without the hostile text lacks
  (literal fields; Markdown fields may add inline Markdown's own), no event handler, no link
  the rule refuses, and shows Jinja as the text it is.

A sample also goes through the real build (:func:`test_a_hostile_sample_through_the_real_build`).
The default run keeps under a minute; ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``) runs many
more examples.
"""

from __future__ import annotations

import copy
import html
import json
import os
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, HttpUrl, ValidationError

from macros.api.data import SiteAddress, contacts_export, routines_export
from macros.api.export import json_bytes
from macros.api.feed import FeedSite, routine_feed
from macros.build.embed import embed_code
from macros.build.output_gate import OutputGate
from macros.build.page_title import html_text
from macros.build.pages import generated_pages
from macros.load.loader import LoadResult, data_files, kind_of, validate_documents
from macros.load.validation import field_path, problems_from
from macros.load.yamlsource import SourceDoc, read_yaml
from macros.load.yamltree import YamlList, YamlMap
from macros.model.core import KnowledgeBase
from macros.model.files import FILE_KINDS
from macros.model.link_rule import allowed
from macros.model.rules import PageMeta
from macros.model.snapshot import Snapshot, snapshot
from macros.model.text import LANGUAGES, Keywords, MarkdownText
from macros.render.blocks import Renderer
from macros.render.changes import what_changed
from macros.render.guides import (
    glossary,
    legal_sources,
    revision_history,
    situations,
    training_plan,
)
from tests.conftest import FIXTURE_SITE, ROOT

settings.register_profile("default", max_examples=8, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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


def test_every_string_field_is_enumerated() -> None:
    names = {field.name for field in FIELDS}
    assert len(FIELDS) > 100
    for expected in ("routine:title.sv", "routine:steps[0].en", "routine:keywords.sv[0]",
                     "routine:decision_ref", "contacts:contacts[0].web", "matrix:legend.<key>",
                     "organisation:departments[0].name.sv", "page:title", "glossary:"
                     "terms[0].definition.sv", "routine:additions[0].steps[0].sv"):
        assert expected in names, expected
    shapes = {field.name: field.shape for field in FIELDS}
    assert shapes["routine:title.sv"] == "plain" and shapes["routine:summary.sv"] == "markdown"
    assert shapes["routine:id"] == "pinned" and shapes["contacts:contacts[0].web"] == "url"
    assert issubclass(Keywords, BaseModel)


# --- the fixture data, a field in it, the knowledge base -------------------------------------

@dataclass
class Base:
    documents: list[tuple[str, SourceDoc]]  # (kind, document) of every data file
    pages: list[SourceDoc]  # front matter of the Markdown pages


@cache
def _base() -> Base:
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


def _scaffold(rest: Loc, value: Any) -> Any:
    """What a missing optional field and its parents look like with ``value`` at the end."""
    if not rest:
        return value
    head, tail = rest[0], rest[1:]
    if head == 0:
        return [_scaffold(tail, value)]
    if head in LANGUAGES:  # a bilingual text or keywords: both languages, same shape
        other = "en" if head == "sv" else "sv"
        return {head: _scaffold(tail, value), other: _scaffold(tail, "Text")}
    return {head: _scaffold(tail, value)}


def _place(node: Any, path: Loc, value: Any, create: bool = True) -> tuple[Any, Loc] | None:
    """``node`` with ``value`` at ``path`` (the first list item or dict entry that has the
    rest of the path; made where an optional field is missing and ``create``), and the
    concrete location."""
    if not path:
        return value, ()
    head, tail = path[0], path[1:]
    if head == 0 and isinstance(node, YamlList):
        for index, item in enumerate(node):
            placed = _place(item, tail, value, create)
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
        placed = _place(node[first], tail, value, create)
        if placed is None:
            return None
        out = copy.copy(node)
        out[first] = placed[0]
        return out, (first, *placed[1])
    if create and not isinstance(node, (YamlMap, YamlList)) and isinstance(head, str) \
            and KEY not in path and VALUE not in path:  # a short form (`skola: S`) spelt out
        return _scaffold(path, value), path
    if isinstance(node, YamlMap):
        out = copy.copy(node)
        out.lines = dict(node.lines)
        if head in node:
            placed = _place(node[head], tail, value, create)
            if placed is None:
                return None
            out[head] = placed[0]
            return out, (head, *placed[1])
        if create and isinstance(head, str) and KEY not in tail and VALUE not in tail \
                and 0 not in tail[:-1]:  # an optional leaf, never a whole list item
            out[head] = _scaffold(tail, value)
            out.lines[head] = (node.line, node.line)
            return out, path
    return None


def _copy_tree(node: Any) -> Any:
    return copy.deepcopy(node)


@dataclass
class Placed:
    file: str
    loc: Loc
    result: LoadResult | None  # None for a page's front matter
    problems: list[Any]


def _put(field: Field, value: str) -> Placed:
    """Validate the fixture data with ``value`` in ``field``."""
    base = _base()
    if field.kind == "page":
        for doc in base.pages:
            placed = _place(_copy_tree(doc.data), field.path, value, create=True)
            if placed is not None:
                new = SourceDoc(doc.path, placed[0], doc.line_offset)
                try:
                    PageMeta.model_validate(dict(new.data))
                    problems = []
                except ValidationError as exc:
                    problems = problems_from(exc, PageMeta, new)
                return Placed(doc.path, placed[1], None, problems)
        raise AssertionError(f"{field.name}: no page has it")
    for create in (False, True):  # where the field is; else where it can be added
        for index, (kind, doc) in enumerate(base.documents):
            if kind != field.kind:
                continue
            placed = _place(_copy_tree(doc.data), field.path, value, create)
            if placed is None:
                continue
            documents: list[tuple[str, SourceDoc | None]] = list(base.documents)
            documents[index] = (kind, SourceDoc(doc.path, placed[0], doc.line_offset))
            result = validate_documents(documents, "routines", [])
            return Placed(doc.path, placed[1], result, result.errors)
    raise AssertionError(f"{field.name}: the fixture has no {field.kind} file")


def test_every_field_can_be_placed_in_the_fixture() -> None:
    refused = []
    for field in FIELDS:
        placed = _put(field, _marker(field))  # raises when it cannot
        if placed.problems and field.shape in ("plain", "markdown", "url"):
            refused.append((field.name, [p.format() for p in placed.problems]))
    assert refused == [], "a free-text field must take its marker, or nothing is rendered"


def _marker(field: Field) -> str:
    if field.shape == "url":
        return "https://zqxmark.example/"
    return "Zqxmärke"


# --- what the data renders to ----------------------------------------------------------------

@cache
def _markdown() -> markdown.Markdown:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions,
                             extension_configs=config.mdx_configs)


def _to_html(text: str) -> str:
    converter = _markdown()
    converter.reset()
    return converter.convert(text)


@cache
def _base_kb() -> KnowledgeBase:
    result = validate_documents(list(_base().documents), "routines", [])
    assert result.kb is not None and not result.errors, [p.format() for p in result.errors]
    return result.kb


SITE = SiteAddress("https://rutiner.example/", True)


def _outputs(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Everything rendered from the data: name → (format, text); format "md", "html",
    "json" or "atom"."""
    out: dict[str, tuple[str, str]] = {}
    for page in generated_pages(kb):
        out[f"page:{page.src_uri}"] = ("md", page.markdown(kb).split("---\n", 2)[-1])
    baseline = Snapshot("base", snapshot(_base_kb(), "base"))
    for lang in LANGUAGES:
        r = Renderer(kb, lang, "index.md")
        blocks: dict[str, Callable[[], str]] = {
            "contacts": lambda r=r: r.contact_table(),
            "situations": lambda r=r: situations(r), "glossary": lambda r=r: glossary(r),
            "training": lambda r=r: training_plan(r), "legal": lambda r=r: legal_sources(r),
            "revisions": lambda r=r: revision_history(r),
            "changes": lambda r=r: what_changed(r, "fuzz", baseline, ""),
        }
        blocks.update({f"checklist:{rid}": (lambda r=r, rid=rid: r.checklist(rid))
                       for rid in kb.routines})
        blocks.update({f"matrix:{mid}": (lambda r=r, mid=mid: r.responsibility_matrix(mid))
                       for mid in kb.matrices})
        for name, render in blocks.items():
            out[f"{lang}:{name}"] = ("md", render())
        for routine in kb.routines.values():
            title = routine.title.text(lang)
            out[f"{lang}:nav:{routine.id}"] = ("html", f"<a href=\"x/\">{html_text(title)}</a>")
            out[f"{lang}:embed:{routine.id}"] = ("html", embed_code(
                "https://rutiner.example/gallande/", f"rutiner/{routine.id}/", title))
    routines = routines_export(kb, SITE, lambda _source: None, date(2090, 1, 1))
    out["api:routines"] = ("json", json_bytes(routines).decode())
    out["api:contacts"] = ("json", json_bytes(contacts_export(kb, date(2090, 1, 1))).decode())
    for lang in LANGUAGES:
        feed = routine_feed(list(routines.routines), lang,
                            FeedSite(SITE.root, kb.organisation.municipality.name.text(lang),
                                     SITE.root))
        out[f"api:feed:{lang}"] = ("atom", feed.decode())
    return out


class _Html(HTMLParser):
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


def _read(html_text_: str) -> _Html:
    parser = _Html()
    parser.feed(html_text_)
    parser.close()
    return parser


# Inline Markdown may add these to a Markdown field (all inert; links by the rule)
MARKDOWN_ADDS = {"a", "strong", "em", "code", "img", "p", "br", "hr", "h1", "h2", "h3", "h4",
                 "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "del", "span"}
MARKDOWN_ATTRIBUTES = {"href", "title", "src", "alt", "id", "class"}
GATE = OutputGate(frozenset(), frozenset())


def _html_of(fmt: str, text: str) -> str:
    return _to_html(text) if fmt == "md" else text


def _check_inert(name: str, fmt: str, text: str, before: str | None, field: Field,
                 value: str) -> None:
    if fmt in ("json", "atom"):
        if fmt == "json":
            json.loads(text)
        found = GATE.scan_file(f"x.{fmt}", text.encode())
        assert found == [], (name, found)
        return
    output = _html_of(fmt, text)
    read = _read(output)
    if ":embed:" in name:  # code for the intranet's page: the title only in its attribute
        benign = _read(embed_code("https://rutiner.example/gallande/", "a/", "Titel"))
        assert read.tags == benign.tags, (name, output)
        return
    for tag, attribute, target in read.attributes:
        assert not attribute.startswith("on"), (name, tag, attribute, output)
        assert attribute != "style", (name, tag, output)
        if attribute in ("href", "src") and target is not None:
            assert allowed(target), (name, tag, target)
    assert not {tag for tag, _ in read.tags} & {"script", "iframe", "object", "embed", "form",
                                                "style", "base", "meta", "svg", "math"}, name
    if before is not None:
        added = read.tags - _read(_html_of(fmt, before)).tags
        if field.shape == "markdown" and fmt == "md":
            for tag, attributes in added:
                assert tag in MARKDOWN_ADDS and attributes <= MARKDOWN_ATTRIBUTES, \
                    (name, tag, attributes, output)
        else:
            assert not added, (name, added, output)
    shown = " ".join(html.unescape("".join(read.text)).split())
    for jinja in ("{{", "{%"):
        if jinja in value and field.shape == "plain" and fmt == "md":
            assert jinja in shown, (name, value, shown)


@cache
def _baseline(field: Field) -> dict[str, tuple[str, str]] | None:
    """The outputs with the field's marker, or None when the marker itself is refused."""
    placed = _put(field, _marker(field))
    if placed.problems or placed.result is None or placed.result.kb is None:
        return None
    return _outputs(placed.result.kb)


def _check(field: Field, value: str) -> None:
    placed = _put(field, value)
    if placed.problems:  # refused: kb check names the file and the line (a renamed id: where
        # it is referred to)
        assert all(p.file and p.message for p in placed.problems)
        assert any(p.line for p in placed.problems), [p.format() for p in placed.problems]
        assert any(p.file == placed.file for p in placed.problems) or field.shape == "pinned"
        return
    if placed.result is None:  # a page's front matter: its title is shown as text
        _check_inert("page:nav", "html", f"<a>{html_text(value)}</a>", None, field, value)
        _check_inert("page:embed:", "html", embed_code("https://x.example/", "a/", value),
                     None, field, value)
        return
    assert placed.result.kb is not None
    baseline = _baseline(field)
    for name, (fmt, text) in _outputs(placed.result.kb).items():
        before = baseline.get(name) if baseline is not None else None
        if before is not None and before[1] == text:
            continue  # the field does not reach this output
        _check_inert(name, fmt, text, before[1] if before else None, field, value)


@pytest.mark.parametrize("field", FIELDS, ids=[field.name for field in FIELDS])
@given(value=HOSTILE)
def test_hostile_text_is_refused_or_inert(field: Field, value: str) -> None:
    _check(field, value)


@pytest.mark.parametrize("value", [
    "{{ 7*7 }} Rubrik", '{{ "%c"|format(60) }}img src=x onerror=alert(1)>',
    "&lt;img src=x onerror=alert(1)&gt;", "[x](https://ok.example/) {: onclick=alert(1) }",
    "java&#x09;script:alert(1)", "\u202eevil\u202c", "a | b ` c ``` d",
])
def test_known_attacks_in_every_plain_and_markdown_field(value: str) -> None:
    for field in FIELDS:
        if field.shape in ("plain", "markdown"):
            _check(field, value)


# --- a sample through the real build ----------------------------------------------------------

SAMPLE = ["{{ 7*7 }} Rubrik", '{% raw %}"\'{{ config }}', "&lt;img src=x onerror=alert(1)&gt;",
          "[ok](https://ok.example/) {: onclick=alert(1) } `kod`", "\u200fa | b ``` c",
          "{{ '<' }}script>"]


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    return node


def _hostile_project(target: Path) -> dict[str, str]:
    """The fixture project with a hostile text in every plain and Markdown field (each once);
    returns the value given to each field."""
    import yaml

    from tests.conftest import copy_project

    copy_project(FIXTURE_SITE, target)
    trees = {doc.path: doc.data for _, doc in _base().documents}
    given_values: dict[str, str] = {}
    for number, field in enumerate(f for f in FIELDS if f.shape in ("plain", "markdown")
                                   and f.kind != "page" and KEY not in f.path):
        value = f"{SAMPLE[number % len(SAMPLE)]} F{number}"
        for create in (False, True):
            for kind, doc in _base().documents:
                placed = (_place(trees[doc.path], field.path, value, create)
                          if kind == field.kind else None)
                if placed is not None:
                    trees[doc.path] = placed[0]
                    given_values[field.name] = value
                    break
            if field.name in given_values:
                break
    documents = [(kind, SourceDoc(doc.path, trees[doc.path])) for kind, doc in _base().documents]
    result = validate_documents(documents, "routines", [])
    assert not result.errors, [p.format() for p in result.errors]
    for path, tree in trees.items():
        (target / path).write_text(yaml.safe_dump(_plain(tree), allow_unicode=True,
                                                  sort_keys=False), encoding="utf-8")
    page = target / "docs" / "bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Bara svenska", f"title: {json.dumps(SAMPLE[0] + ' sida')}"), encoding="utf-8")
    return given_values


def test_a_hostile_sample_through_the_real_build(tmp_path: Path) -> None:
    """Every plain and Markdown field holds a hostile text; the strict build (whose output gate
    scans every file) passes, and nothing in any built file is live."""
    from tests.conftest import mkdocs_build

    project = tmp_path / "project"
    values = _hostile_project(project)
    assert len(values) > 60
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "site"
    seen_jinja = seen_entities = 0
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".json", ".atom", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "49 Rubrik" not in text and str(project) not in text, path
        assert "config_file_path" not in text, path
        seen_jinja += text.count("{{ 7*7 }} Rubrik")
        assert "<img src=x" not in text, path
        seen_entities += text.count("&amp;lt;img src=x onerror=alert(1)&amp;gt;")
        if path.suffix == ".html":
            read = _read(text)
            for tag, attribute, target in read.attributes:
                assert not attribute.startswith("on"), (path, tag, attribute)
                if attribute in ("href", "src") and target is not None:
                    assert allowed(target), (path, tag, target)
    assert seen_jinja > 20, "the Jinja text is shown, as text, on many pages"
    assert seen_entities > 5, "references in the data are shown as written"
    records = json.loads((site / "api" / "pages.json").read_text(encoding="utf-8"))
    assert SAMPLE[0] + " sida" in {record["title"] for record in records["pages"]}
