"""Hostile text in every string field of the data model (issue 15), by hypothesis.

Every string field (tests/hostile.py: enumerated from the pydantic models) gets a hostile
string — Jinja, HTML and script, Markdown links with every scheme, character references,
attribute lists, quotes, line breaks, bidi marks, control characters — and then either

- the data is refused, with a problem naming the file and its line (what `kb check` prints), or
- everything rendered from it is inert: the real renderers (the generated pages in both
  languages, every block and guide the prose macros show, "what changed", the embed code, the
  JSON and Atom exports) are turned into HTML by Python-Markdown with the site's extensions,
  and that HTML has no element or attribute the same page without the hostile text lacks
  (literal fields; Markdown fields may add inline Markdown's own), no event handler, no link
  the rule refuses, and shows Jinja as the text it is.

The real build with hostile text: tests/site/test_hostile_text.py. The default run keeps under
a minute; ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``) runs many more examples.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel, ValidationError

from macros.api.data import SiteAddress, contacts_export, routines_export
from macros.api.export import json_bytes
from macros.api.feed import FeedSite, routine_feed
from macros.build.embed import embed_code
from macros.build.output_gate import OutputGate
from macros.build.page_title import html_text
from macros.build.pages import generated_pages
from macros.load.loader import LoadResult, validate_documents
from macros.load.validation import problems_from
from macros.load.yamlsource import SourceDoc
from macros.model.core import KnowledgeBase
from macros.model.link_rule import allowed
from macros.model.rules import PageMeta
from macros.model.snapshot import Snapshot, snapshot
from macros.model.text import LANGUAGES, Keywords
from macros.render.blocks import Renderer
from macros.render.changes import what_changed
from macros.render.guides import (
    glossary,
    legal_sources,
    revision_history,
    situations,
    training_plan,
)
from tests.conftest import ROOT
from tests.hostile import FIELDS, HOSTILE, Field, base, copy_tree, place, read_html

settings.register_profile("default", max_examples=8, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
Loc = tuple[str | int, ...]


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


@dataclass
class Placed:
    file: str
    loc: Loc
    result: LoadResult | None  # None for a page's front matter
    problems: list[Any]


def _put(field: Field, value: str) -> Placed:
    """Validate the fixture data with ``value`` in ``field``."""
    data = base()
    if field.kind == "page":
        for doc in data.pages:
            placed = place(copy_tree(doc.data), field.path, value, create=True)
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
        for index, (kind, doc) in enumerate(data.documents):
            if kind != field.kind:
                continue
            placed = place(copy_tree(doc.data), field.path, value, create)
            if placed is None:
                continue
            documents: list[tuple[str, SourceDoc | None]] = list(data.documents)
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
    result = validate_documents(list(base().documents), "routines", [])
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
    read = read_html(output)
    if ":embed:" in name:  # code for the intranet's page: the title only in its attribute
        benign = read_html(embed_code("https://rutiner.example/gallande/", "a/", "Titel"))
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
        added = read.tags - read_html(_html_of(fmt, before)).tags
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

