"""Escaping: text from YAML renders literally and never becomes HTML or script."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from macros.model.markdown import cell, inline, norm_src_uri, plain, relative_link, tel_href

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.tasklist"]
NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**fet** _kursiv_ `kod` [länk](https://x.se)",
    "text {: onclick=\"alert(1)\" }",
    "a | b | c",
    "&lt;script&gt; &amp;",
    "# rubrik",
    "\\*escaped\\*",
]


def render(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("value", NASTY)
def test_plain_text_renders_literally(value: str) -> None:
    found = tags(render(plain(value)))
    assert set(found.tags) <= {"p"}, found.tags
    assert found.attributes == []


@pytest.mark.parametrize("value", NASTY)
def test_inline_markdown_keeps_emphasis_but_never_html(value: str) -> None:
    found = tags(render(f"- [ ] {inline(value)}"))
    assert set(found.tags) <= {"ul", "li", "label", "input", "span", "strong", "em", "code", "a"}
    assert not [name for name in found.attributes if name.startswith("on")]


def test_inline_markdown_still_formats() -> None:
    html = render(inline("**viktigt** och [Socialstyrelsen](https://www.socialstyrelsen.se)"))
    assert "<strong>viktigt</strong>" in html
    assert '<a href="https://www.socialstyrelsen.se">' in html


def test_plain_keeps_swedish_letters_and_ampersand() -> None:
    assert render(plain("Råd & stöd")) == "<p>Råd &amp; stöd</p>"


def test_cell_escapes_pipes_in_tables() -> None:
    html = render(f"| a | b |\n|---|---|\n| {cell(plain('x | y'))} | z |")
    assert "<td>x | y</td>" in html


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("index.md", "rutiner/a/b.md", "rutiner/a/b.md"),
    ("rutiner/a/b.en.md", "rutiner/c/index.md", "../c/index.md"),
    ("rutiner/a/index.md", "rutiner/a/b.md", "b.md"),
    ("kontakter.sv.md", "rutiner/index.md", "rutiner/index.md"),
])
def test_relative_link(source: str, target: str, expected: str) -> None:
    assert relative_link(source, target) == expected


def test_norm_src_uri_and_tel() -> None:
    assert norm_src_uri("a/b.en.md") == "a/b.md"
    assert tel_href("020-50 50 50") == "tel:020505050"
